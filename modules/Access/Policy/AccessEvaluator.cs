using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Decisions;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Organization;
using Greenlight.Modules.Access.Sharing;
using Greenlight.Modules.Access.Permissions;
using Greenlight.Modules.Access.Users;

namespace Greenlight.Modules.Access.Policy;

/// <summary>A check weighed for one user: the verdict, the level and grants behind it, and whether the user may see the object at all.</summary>
/// <param name="Known">Whether the object asked about (the parent, for a create) is registered.</param>
public sealed record Evaluation(AccessVerdict Verdict, AccessLevel Level, ResolvedPermission Resolved, bool CanView, bool Known);

/// <summary>Weighs checks from this silo's snapshots of the grains' state: the directory and the secured objects up the tree (no grain call when warm).</summary>
public sealed class AccessEvaluator(AccessSnapshots snapshots, SecuredTree tree)
{
    public async Task<Evaluation> EvaluateAsync(UserProfile user, AccessCheck check)
    {
        var directory = await snapshots.DirectoryAsync();
        var level = directory.Level(user.AccessLevelId) ?? throw new InvalidOperationException($"The access level {user.AccessLevelId} of {user.Id} does not exist.");
        if (check.Target is null)
        {
            var create = AccessDecider.DecideTopLevelCreate(level, AccessAreas.Of(check.ChildType!.Value));
            return new Evaluation(create, level, new ResolvedPermission(Permission.None, []), CanView: true, Known: true);
        }
        var chain = (await tree.LineageAsync(check.Target))?.Chain;
        var resolved = chain is null ? new ResolvedPermission(Permission.None, []) : PermissionResolver.Resolve(chain, Principal(user, level, directory));
        var type = check.Target.Object.Type;
        var verdict = check.Action == AccessAction.Create
            ? AccessDecider.DecideCreate(level, type, check.ChildType!.Value, resolved.Best)
            : AccessDecider.Decide(level, type, check.Action, resolved.Best);
        var canView = chain is not null && (check.Action == AccessAction.View ? verdict : AccessDecider.Decide(level, type, AccessAction.View, resolved.Best)).Allowed;
        return new Evaluation(verdict, level, resolved, canView, chain is not null);
    }

    public async Task<AccessLevel> LevelAsync(UserProfile user) =>
        (await snapshots.DirectoryAsync()).Level(user.AccessLevelId) ?? throw new InvalidOperationException($"The access level {user.AccessLevelId} of {user.Id} does not exist.");

    /// <summary>Whether the user's level lets them see objects of the area at all.</summary>
    public async Task<AccessDecision> AreaAsync(UserProfile user, AccessArea area)
    {
        var level = await LevelAsync(user);
        return level.IsSystemAdministrator || level.Area(area).Setting != AreaSetting.NoAccess
            ? AccessDecision.Allow($"The access level {level.Name} gives {area} at {level.Area(area).Setting}.")
            : AccessDecision.Deny($"The access level {level.Name} has no access to {area}.");
    }

    /// <summary>Everything a grant can be made to that reaches the user.</summary>
    public async Task<PrincipalSet> PrincipalAsync(UserProfile user)
    {
        var directory = await snapshots.DirectoryAsync();
        return Principal(user, await LevelAsync(user), directory);
    }

    /// <summary>What a user holds on an object (Manage for a System Administrator), and their level.</summary>
    public async Task<(Permission Held, AccessLevel Level)> HeldAsync(UserProfile user, SecuredRef target)
    {
        var evaluation = await EvaluateAsync(user, AccessCheck.On(target, AccessAction.View));
        return (evaluation.Level.IsSystemAdministrator ? Permission.Manage : evaluation.Resolved.Best, evaluation.Level);
    }

    private static PrincipalSet Principal(UserProfile user, AccessLevel level, DirectoryView directory) => new(
        user.Id,
        UserRows.AllTeams(user).ToHashSet(),
        GroupMemberships.Expand(UserRows.AllGroups(user), directory.ParentOf),
        user.Email.Length == 0 ? null : user.Email,
        // External users see only what is shared with them by name or address.
        ReachedBySystemWideGrants: level.License != License.External);
}
