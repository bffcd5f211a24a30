using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Levels;

/// <summary>The object types and areas an access level has a setting for (the rows of the access-level tables).</summary>
public enum AccessArea
{
    Projects,
    Tasks,
    Issues,
    Portfolios,
    Programs,

    /// <summary>Reports, dashboards and calendar reports.</summary>
    Reports,

    /// <summary>Filters, views and groupings.</summary>
    Filters,

    /// <summary>Documents and document folders.</summary>
    Documents,
    Users,
    Teams,
    Templates,
    FinancialData,
    ResourceManagement,
    ScenarioPlanner,
    Boards,
    Home,
    Goals,
}

public static class AccessAreas
{
    public static IReadOnlyList<AccessArea> All { get; } = Enum.GetValues<AccessArea>();

    public static AccessArea Of(ObjectType type) => type switch
    {
        ObjectType.Portfolio => AccessArea.Portfolios,
        ObjectType.Program => AccessArea.Programs,
        ObjectType.Project => AccessArea.Projects,
        ObjectType.Task => AccessArea.Tasks,
        ObjectType.Issue => AccessArea.Issues,
        ObjectType.DocumentFolder or ObjectType.Document => AccessArea.Documents,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The area's name in field paths of validation errors (<c>areas.financialData</c>), as clients spell JSON properties.</summary>
    public static string FieldName(AccessArea area)
    {
        var name = area.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
