using Greenlight.Kernel.Security;

namespace Greenlight.Modules.Access;

public static class CurrentActor
{
    /// <summary>Who is acting, for the audit trail: the signed-in user, or "system" for background work.</summary>
    public static string ActorId(this ICurrentPrincipal current) => current.Principal?.UserId ?? Principal.System.UserId;
}
