using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Security;

namespace Greenlight.Host.Http;

public static class AdministratorOnly
{
    /// <summary>
    /// Lets through only callers the host's access policy allows to send <paramref name="request"/> (an
    /// <see cref="IAdministrativeRequest"/>): a System Administrator; everyone else gets 401 or 403.
    /// For endpoints the mediator does not serve (the dashboard, the metrics scrape).
    /// </summary>
    public static TBuilder RequireSystemAdministrator<TBuilder>(this TBuilder endpoints, IAdministrativeRequest request)
        where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization().AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            var principal = services.GetRequiredService<ICurrentPrincipal>().Principal ?? throw new NotAuthenticatedException();
            var decision = await services.GetRequiredService<IAccessPolicy>().DecideAsync(principal, request, context.HttpContext.RequestAborted);
            return decision.Allowed ? await next(context) : throw new ForbiddenException(decision.Reason);
        });
}
