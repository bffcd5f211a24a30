using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Decisions;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Access.Tests.Decisions;

/// <summary>
/// Generated from the seed's tables: for every built-in level, as shipped and raised to its license
/// maximum, every object type and the actions the seed's legend names (Edit: create, edit, delete,
/// share; View: view and share; No Access: nothing), a user holding Manage gets what the table says.
/// </summary>
public sealed class SeedMatrixTests
{
    public enum Column { Shipped, Maximum }

    public enum TableAction { View, Create, Edit, Delete, Share }

    public static TheoryData<BuiltInLevel, Column, ObjectType, TableAction> Cases()
    {
        var data = new TheoryData<BuiltInLevel, Column, ObjectType, TableAction>();
        foreach (var level in Enum.GetValues<BuiltInLevel>())
        foreach (var column in Enum.GetValues<Column>())
        foreach (var type in Enum.GetValues<ObjectType>())
        foreach (var action in Enum.GetValues<TableAction>())
            data.Add(level, column, type, action);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void A_user_holding_manage_may_do_what_the_seed_table_allows(BuiltInLevel kind, Column column, ObjectType type, TableAction action)
    {
        var level = Level(kind, column);
        var row = SeedTables.For(kind)[AccessAreas.Of(type)];
        var setting = column == Column.Shipped ? row.Shipped : row.Maximum;
        var expected = kind == BuiltInLevel.SystemAdministrator || action switch
        {
            TableAction.View => setting >= AreaSetting.View,
            TableAction.Share => setting >= AreaSetting.View && kind != BuiltInLevel.External,
            _ => setting == AreaSetting.Edit,
        };

        foreach (var verdict in Verdicts(level, type, action))
            Assert.True(expected == verdict.Allowed, $"{kind} ({column}) {action} {type}: expected {(expected ? "allowed" : "denied")}; {verdict.Reason}");
    }

    private static AccessLevel Level(BuiltInLevel kind, Column column)
    {
        var builtIn = BuiltInAccessLevels.Get(kind);
        return column == Column.Shipped ? builtIn : builtIn with { Areas = BuiltInAccessLevels.LicenseMaximum(builtIn.License) };
    }

    /// <summary>A create is asked at top level and inside every parent that can hold the type; the other actions once.</summary>
    private static IEnumerable<AccessVerdict> Verdicts(AccessLevel level, ObjectType type, TableAction action)
    {
        if (action != TableAction.Create)
        {
            yield return AccessDecider.Decide(level, type, Enum.Parse<AccessAction>(action.ToString()), Permission.Manage);
            yield break;
        }
        yield return AccessDecider.DecideTopLevelCreate(level, AccessAreas.Of(type));
        foreach (var parent in Enum.GetValues<ObjectType>().Where(p => ObjectTypeRules.CanContain(p, type)))
            yield return AccessDecider.DecideCreate(level, parent, type, Permission.Manage);
    }
}
