using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Telemetry;
using MediatR;

namespace Greenlight.Kernel.Security;

// Every request declares who may send it by implementing an interface marked as a requirement.
// The kernel knows two; the Access module adds object-level ones and replaces the policy with one
// that understands them. An architecture test holds every request to this.

/// <summary>Marks an interface that says who may send the requests implementing it.</summary>
[AttributeUsage(AttributeTargets.Interface)]
public sealed class AuthorizationRequirementAttribute : Attribute;

/// <summary>Only a System Administrator may send it.</summary>
[AuthorizationRequirement]
public interface IAdministrativeRequest;

/// <summary>Any signed-in user may send it; the handler limits what it touches to that user.</summary>
[AuthorizationRequirement]
public interface IAuthenticatedRequest;

/// <summary>
/// Anyone may send it, signed in or not: signing in, setting a password from an e-mailed link. The handler itself
/// checks the secret the request carries.
/// </summary>
[AuthorizationRequirement]
public interface IAnonymousRequest;

/// <summary>
/// Sent by one module to another inside the host, never by an endpoint: the sending module has
/// already checked the caller's rights, so any principal may send it. An architecture test keeps
/// these requests out of the HTTP API.
/// </summary>
[AuthorizationRequirement]
public interface IModuleRequest;

public readonly record struct AccessDecision(bool Allowed, bool HideExistence, string Reason)
{
    public static AccessDecision Allow(string reason) => new(true, false, reason);
    public static AccessDecision Deny(string reason) => new(false, false, reason);

    /// <summary>Denied to someone who may not even see the object: answered as 404, not 403.</summary>
    public static AccessDecision DenyAsNotFound(string reason) => new(false, true, reason);
}

/// <summary>Decides whether a principal may send a request. One policy per host, the last registered wins.</summary>
public interface IAccessPolicy
{
    ValueTask<AccessDecision> DecideAsync(Principal principal, object request, CancellationToken cancellationToken);
}

/// <summary>
/// What a module adds to the policy for one request type, with what only it knows (an approval's
/// documents, its license rules). Found by the module scan like validators; every one of a request
/// type runs, in registration order, once the policy allows and before validation.
/// </summary>
public interface IRequestAuthorizer<in TRequest> where TRequest : notnull
{
    ValueTask<AccessDecision> DecideAsync(Principal principal, TRequest request, CancellationToken cancellationToken);
}

/// <summary>Runs before validation, so a caller without rights learns nothing from validation errors.</summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentPrincipal current, IAccessPolicy policy, IEnumerable<IRequestAuthorizer<TRequest>> authorizers)
    : IPipelineBehavior<TRequest, TResponse> where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IAnonymousRequest)
        {
            RequestSpan.Authorization("anonymous");
            return await next();
        }
        var principal = current.Principal;
        if (principal is null)
        {
            RequestSpan.Authorization("unauthenticated");
            throw new NotAuthenticatedException();
        }
        if (!principal.IsSystem)
        {
            Enforce(await policy.DecideAsync(principal, request, cancellationToken));
            foreach (var authorizer in authorizers) Enforce(await authorizer.DecideAsync(principal, request, cancellationToken));
        }
        RequestSpan.Authorization(principal.IsSystem ? "system" : "allowed");
        return await next();
    }

    private static void Enforce(AccessDecision decision)
    {
        if (decision.Allowed) return;
        RequestSpan.Authorization(decision.HideExistence ? "hidden" : "denied");
        if (decision.HideExistence) throw new NotFoundException("The object");
        throw new ForbiddenException(decision.Reason);
    }
}
