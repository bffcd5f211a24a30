using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Users;

namespace Greenlight.Modules.Access.Policy;

/// <summary>
/// The host's policy once the Access module is in: the caller must be an active user (a deactivated
/// or unknown one is answered 401, whatever their token), then every requirement the request
/// implements must allow it.
/// </summary>
public sealed class AccessPolicy(AccessSnapshots snapshots, AccessEvaluator evaluator) : IAccessPolicy
{
    public async ValueTask<AccessDecision> DecideAsync(Principal principal, object request, CancellationToken cancellationToken)
    {
        var caller = await snapshots.UserAsync(principal.UserId);
        if (caller is not { Active: true }) throw new NotAuthenticatedException();
        var decision = AccessDecision.Deny("The request declares no requirement this policy knows.");
        foreach (var requirement in Requirements(request))
        {
            decision = await requirement(caller);
            if (!decision.Allowed) return decision;
        }
        return decision;
    }

    private IEnumerable<Func<UserProfile, Task<AccessDecision>>> Requirements(object request)
    {
        if (request is IModuleRequest or IAuthenticatedRequest) yield return _ => Task.FromResult(AccessDecision.Allow("Any signed-in user."));
        if (request is IAdministrativeRequest) yield return caller => Task.FromResult(Administrator(caller));
        if (request is ISelfOrAdministratorRequest self) yield return caller => Task.FromResult(
            caller.Id == self.UserId ? AccessDecision.Allow("About themself.") : Administrator(caller));
        if (request is ISecuredRequest secured) yield return caller => SecuredAsync(caller, secured.Check);
        if (request is IGroupAdministrationRequest group) yield return caller => group.GroupId is { } id ? GroupAdministratorAsync(caller, [id]) : Task.FromResult(Administrator(caller));
        if (request is IUserAdministrationRequest users) yield return caller => UserAdministratorAsync(caller, users);
        if (request is IListingRequest listing) yield return caller => ListingAsync(caller, listing);
        if (request is IDirectoryReadRequest directory) yield return caller => DirectoryReadAsync(caller, directory);
    }

    private static AccessDecision Administrator(UserProfile caller) => caller.IsSystemAdministrator
        ? AccessDecision.Allow("System Administrator.")
        : AccessDecision.Deny("Only a System Administrator may do this.");

    private async Task<AccessDecision> SecuredAsync(UserProfile caller, AccessCheck check)
    {
        var evaluation = await evaluator.EvaluateAsync(caller, check);
        if (evaluation.Verdict.Allowed) return AccessDecision.Allow(evaluation.Verdict.Reason);
        // Someone who may not see the object learns nothing of it, not even that it exists.
        return evaluation.CanView ? AccessDecision.Deny(evaluation.Verdict.Reason) : AccessDecision.DenyAsNotFound(evaluation.Verdict.Reason);
    }

    private async Task<AccessDecision> ListingAsync(UserProfile caller, IListingRequest listing)
    {
        var area = await AreaAsync(caller, AccessAreas.Of(listing.Listed));
        if (!area.Allowed) return area;
        return listing.Within is { } within ? await SecuredAsync(caller, AccessCheck.On(within, AccessAction.View)) : area;
    }

    private async Task<AccessDecision> DirectoryReadAsync(UserProfile caller, IDirectoryReadRequest request)
    {
        if (request.AboutUserId == caller.Id) return AccessDecision.Allow("About themself.");
        // External users see the users who shared with them (whose ids the shares show), never the whole directory.
        if (request.AboutUserId is null && caller.License == License.External) return AccessDecision.Deny("External users do not see the directory.");
        return await AreaAsync(caller, request.Area);
    }

    /// <summary>Whether the caller's level lets them see objects of the area at all.</summary>
    private async Task<AccessDecision> AreaAsync(UserProfile caller, AccessArea area)
    {
        var level = await evaluator.LevelAsync(caller);
        return level.IsSystemAdministrator || level.Area(area).Setting != AreaSetting.NoAccess
            ? AccessDecision.Allow($"The access level {level.Name} gives {area} at {level.Area(area).Setting}.")
            : AccessDecision.Deny($"The access level {level.Name} has no access to {area}.");
    }

    private async Task<AccessDecision> GroupAdministratorAsync(UserProfile caller, IEnumerable<string> groupIds)
    {
        if (caller.IsSystemAdministrator) return AccessDecision.Allow("System Administrator.");
        if (caller.License != License.Standard) return AccessDecision.Deny("A group administrator needs a Standard license.");
        var directory = await snapshots.DirectoryAsync();
        var outside = groupIds.Where(g => !directory.Administers(caller.Id, g)).ToList();
        return outside.Count == 0
            ? AccessDecision.Allow("Group administrator.")
            : AccessDecision.Deny($"Only a System Administrator or an administrator of {string.Join(", ", outside)} may do this.");
    }

    private async Task<AccessDecision> UserAdministratorAsync(UserProfile caller, IUserAdministrationRequest request)
    {
        if (caller.IsSystemAdministrator) return AccessDecision.Allow("System Administrator.");
        var assigned = await GroupAdministratorAsync(caller, request.AssignedGroupIds);
        if (!assigned.Allowed) return assigned;
        var directory = await snapshots.DirectoryAsync();
        if (request.AssignedAccessLevelId is { } levelId && directory.Level(levelId) is { IsSystemAdministrator: true })
            return AccessDecision.Deny("Only a System Administrator may make someone a System Administrator.");
        foreach (var userId in request.ManagedUserIds)
        {
            var user = await snapshots.UserAsync(userId);
            if (user is null || user.IsSystemAdministrator || !UserRows.AllGroups(user).Any(g => directory.Administers(caller.Id, g)))
                return AccessDecision.Deny($"Only a System Administrator or an administrator of one of the groups of '{userId}' may manage that user.");
        }
        return AccessDecision.Allow("Group administrator of every user and group concerned.");
    }
}
