using System.Diagnostics;
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
public sealed class AccessPolicy(AccessSnapshots snapshots, AccessEvaluator evaluator, DirectoryReading directory) : IAccessPolicy
{
    public async ValueTask<AccessDecision> DecideAsync(Principal principal, object request, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var caller = await snapshots.UserAsync(principal.UserId);
        if (caller is not { Active: true })
        {
            AccessMetrics.Record("unauthenticated", startedAt);
            throw new NotAuthenticatedException();
        }
        var decision = await DecideForAsync(caller, request);
        AccessMetrics.Record(AccessMetrics.Of(decision), startedAt);
        return decision;
    }

    private async Task<AccessDecision> DecideForAsync(UserProfile caller, object request)
    {
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
        if (request is IDirectoryReadRequest read) yield return caller => directory.MayReadAsync(caller, read.Area, read.AboutUserId);
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
        var area = await evaluator.AreaAsync(caller, AccessAreas.Of(listing.Listed));
        if (!area.Allowed) return area;
        return listing.Within is { } within ? await SecuredAsync(caller, AccessCheck.On(within, AccessAction.View)) : area;
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
        var directory = await snapshots.DirectoryAsync();
        if (caller.License != License.Standard || !directory.Groups.Values.Any(group => group.AdministratorIds.Contains(caller.Id)))
            return AccessDecision.Deny("Only a System Administrator or a group administrator (with a Standard license) manages users.");
        var users = new List<UserProfile?>();
        if (request.CreatesUser) users.Add(null);
        foreach (var userId in request.ManagedUserIds)
        {
            if (await snapshots.UserAsync(userId) is not { } user)
                return AccessDecision.Deny($"Only a System Administrator or an administrator of the groups of '{userId}' manages that user.");
            users.Add(user);
        }
        var level = await evaluator.LevelAsync(caller);
        foreach (var user in users)
        {
            if (GroupAdministration.Refusal(caller, level, directory, user, request.Assignment) is { } refusal) return AccessDecision.Deny(refusal);
        }
        return AccessDecision.Allow("Group administrator of every user, group, team and level concerned.");
    }
}
