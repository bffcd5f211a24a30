using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Modules.Access.Decisions;

/// <summary>
/// Decides an action from the user's access level and the permission they hold on the object
/// (already resolved). The effective right is the lower of the two: the level's setting for the
/// type, read as a permission (No Access → None, View → View, Edit → Manage) and dropped to None
/// when the toggle the action needs is off, and the held permission.
/// </summary>
public static class AccessDecider
{
    /// <summary>What the level allows for one action, and why it stops there when it stops below Manage.</summary>
    private readonly record struct LevelLimit(Permission Cap, string Limit);

    /// <summary>Any action but <see cref="AccessAction.Create"/> on an object of type <paramref name="type"/>.</summary>
    public static AccessVerdict Decide(AccessLevel level, ObjectType type, AccessAction action, Permission held)
    {
        var area = AccessAreas.Of(type);
        var access = level.Area(area);
        var needed = action switch
        {
            AccessAction.View or AccessAction.Share => Permission.View,
            AccessAction.Update => Permission.Contribute,
            AccessAction.Edit or AccessAction.Delete or AccessAction.ShareSystemWide or AccessAction.ManageInheritance => Permission.Manage,
            AccessAction.Create => throw new ArgumentException($"Use {nameof(DecideCreate)} or {nameof(DecideTopLevelCreate)} for a create.", nameof(action)),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
        var limit = action switch
        {
            // Only the object's own type counts: a level that may not delete projects still lets its
            // user delete the tasks of a project they manage, when it may delete tasks.
            AccessAction.Delete => Toggle(access, area, EditRights.Delete),
            AccessAction.ShareSystemWide => Toggle(access, area, EditRights.ShareSystemWide),
            AccessAction.Share => Share(level, access, area),
            _ => Setting(access, area),
        };
        return Weigh(level, $"{Verb(action)} this {Name(type)}", limit, ObjectTypeRules.OnObjectOf(type, held), needed);
    }

    /// <summary>
    /// Creating a <paramref name="child"/> inside a <paramref name="parent"/>: the level must be Edit with
    /// the Create toggle on the child's area, and the user must hold Contribute on the parent (Manage on a folder).
    /// </summary>
    public static AccessVerdict DecideCreate(AccessLevel level, ObjectType parent, ObjectType child, Permission heldOnParent)
    {
        var held = ObjectTypeRules.OnObjectOf(parent, heldOnParent);
        var needed = parent == ObjectType.DocumentFolder ? Permission.Manage : Permission.Contribute;
        if (!ObjectTypeRules.CanContain(parent, child))
            return new AccessVerdict(false, Permission.None, held, needed, $"A {Name(parent)} cannot contain a {Name(child)}.");
        var area = AccessAreas.Of(child);
        return Weigh(level, $"add a {Name(child)} to this {Name(parent)}", Toggle(level.Area(area), area, EditRights.Create), held, needed);
    }

    /// <summary>Creating an object of <paramref name="area"/> outside any parent (a project, a portfolio, a report): only the level counts.</summary>
    public static AccessVerdict DecideTopLevelCreate(AccessLevel level, AccessArea area) =>
        // No object is involved, so nothing is held and nothing is needed of one: the level alone decides.
        Weigh(level, $"create in {area}", Toggle(level.Area(area), area, EditRights.Create), Permission.None, Permission.None);

    private static AccessVerdict Weigh(AccessLevel level, string what, LevelLimit limit, Permission held, Permission needed)
    {
        if (level.IsSystemAdministrator)
            return new AccessVerdict(true, Permission.Manage, held, needed, $"A System Administrator may {what}.");
        // A toggle-gated action is all or nothing at the level, even when no object permission is needed.
        var levelAllows = limit.Cap > Permission.None && limit.Cap >= needed;
        var reason = (levelAllows, held >= needed) switch
        {
            (false, _) => $"Cannot {what}: the access level {level.Name} {limit.Limit}; it needs {Needing(needed)}.",
            (true, false) => $"Cannot {what}: the user holds {held} on it; it needs {needed}.",
            (true, true) => $"May {what}: the access level {level.Name} {limit.Limit} and the user holds {held}; it needs {Needing(needed)}.",
        };
        return new AccessVerdict(levelAllows && held >= needed, limit.Cap, held, needed, reason);
    }

    private static string Needing(Permission needed) => needed == Permission.None ? "the level's right only" : needed.ToString();

    private static LevelLimit Setting(AreaAccess access, AccessArea area) => access.Setting switch
    {
        AreaSetting.Edit => new(Permission.Manage, $"allows Edit on {area}"),
        AreaSetting.View => new(Permission.View, $"allows only View on {area}"),
        _ => new(Permission.None, $"has No Access to {area}"),
    };

    /// <summary>An action gated by an Edit toggle: the level allows it fully or not at all.</summary>
    private static LevelLimit Toggle(AreaAccess access, AccessArea area, EditRights toggle) =>
        access.Allows(toggle) ? new(Permission.Manage, $"has the {toggle} right on {area}")
        : access.Setting == AreaSetting.Edit ? new(Permission.None, $"has no {toggle} right on {area}")
        : Setting(access, area) with { Cap = Permission.None };

    private static LevelLimit Share(AccessLevel level, AreaAccess access, AccessArea area)
    {
        // External users share nothing, whatever a level of their license were to say.
        if (level.License == License.External || !access.AllowsShare)
            return new(Permission.None, $"does not allow sharing on {area}");
        return Setting(access, area) with { Limit = $"allows sharing on {area}" };
    }

    private static string Verb(AccessAction action) => action switch
    {
        AccessAction.ShareSystemWide => "share system-wide",
        AccessAction.ManageInheritance => "change the inherited permissions of",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static string Name(ObjectType type) => type == ObjectType.DocumentFolder ? "document folder" : type.ToString().ToLowerInvariant();
}
