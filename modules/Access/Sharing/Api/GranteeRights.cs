using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Policy;

namespace Greenlight.Modules.Access.Sharing.Api;

/// <summary>
/// A share names a second object besides the one shared: its grantee. The sharer must be able to see that grantee in
/// the directory (users and groups through the Users area, teams through the Teams area), or sharing would tell them
/// which ids exist. Refused with 403 before validation; nothing changes.
/// </summary>
public sealed class GranteeRights(AccessSnapshots snapshots, DirectoryReading directory) : IRequestAuthorizer<GrantPermission>, IRequestAuthorizer<RemovePermission>
{
    public ValueTask<AccessDecision> DecideAsync(Principal principal, GrantPermission request, CancellationToken cancellationToken) =>
        MaySeeAsync(principal, request.GranteeKind, request.GranteeId);

    public ValueTask<AccessDecision> DecideAsync(Principal principal, RemovePermission request, CancellationToken cancellationToken) =>
        MaySeeAsync(principal, request.GranteeKind, request.GranteeId);

    private async ValueTask<AccessDecision> MaySeeAsync(Principal principal, GranteeKind kind, string? granteeId)
    {
        var caller = await snapshots.UserAsync(principal.UserId) ?? throw new NotAuthenticatedException();
        var decision = kind switch
        {
            GranteeKind.User => await directory.MayReadAsync(caller, AccessArea.Users, granteeId ?? ""),
            GranteeKind.Group => await directory.MayReadAsync(caller, AccessArea.Users),
            GranteeKind.Team => await directory.MayReadAsync(caller, AccessArea.Teams),
            _ => AccessDecision.Allow("An address or everyone names nobody in the directory."),
        };
        return decision.Allowed ? decision : AccessDecision.Deny($"Sharing with a {kind.ToString().ToLowerInvariant()} needs seeing it: {decision.Reason}");
    }
}
