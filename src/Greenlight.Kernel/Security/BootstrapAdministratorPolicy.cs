using Greenlight.Kernel.Organization;

namespace Greenlight.Kernel.Security;

/// <summary>
/// The policy of a host without the Access module: the organization's System Administrator may do
/// anything, others only what any signed-in user may. Unknown request kinds are denied.
/// </summary>
public sealed class BootstrapAdministratorPolicy(IOrganization organization) : IAccessPolicy
{
    public async ValueTask<AccessDecision> DecideAsync(Principal principal, object request, CancellationToken cancellationToken)
    {
        if ((await organization.GetAsync(cancellationToken))?.AdministratorUserId == principal.UserId)
            return AccessDecision.Allow("System Administrator");
        return request is IAuthenticatedRequest or IModuleRequest
            ? AccessDecision.Allow("Any signed-in user")
            : AccessDecision.Deny("Only a System Administrator may do this.");
    }
}
