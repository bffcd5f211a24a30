using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Sharing.Api;

public enum RemovalScope
{
    /// <summary>Explicit grants on the children stay.</summary>
    ObjectOnly,
    ObjectAndChildren,
}

/// <summary>Removes the grantee's explicit grant; by someone who may share the object and holds at least what is removed.</summary>
public sealed record RemovePermission(SecuredRef Target, GranteeKind GranteeKind, string GranteeId, RemovalScope Scope) : IRequest, ISecuredRequest
{
    public AccessCheck Check => AccessCheck.On(Target, AccessAction.Share);
}

public sealed class RemovePermissionHandler(IGrainFactory grains, AccessSnapshots snapshots, SecuredTree tree, SecuredObjectRows rows, AccessEvaluator evaluator, ICurrentPrincipal current) : IRequestHandler<RemovePermission, Unit>
{
    public async Task<Unit> Handle(RemovePermission request, CancellationToken cancellationToken)
    {
        var target = request.Target;
        var grantee = GrantData.ToGrantee(request.GranteeKind, request.GranteeId);
        var node = (await tree.LineageAsync(target) ?? throw new NotFoundException($"The object {target}")).Node;
        if (await snapshots.UserAsync(current.ActorId()) is { } remover
            && node.Grants.FirstOrDefault(g => g.Grantee == grantee) is { } removed
            && (await evaluator.HeldAsync(remover, target)).Held < removed.Permission)
            throw new ForbiddenException($"Removing a {removed.Permission} grant needs {removed.Permission} on the object.");
        var key = ObjectKeys.Of(target.Object);
        var below = request.Scope == RemovalScope.ObjectAndChildren ? await rows.BelowHoldingAsync(key, grantee.Kind, grantee.Id, cancellationToken) : [];
        await Task.WhenAll(below.Prepend(key).Select(holder => grains.SecuredObject(holder).RevokeAsync(grantee, current.ActorId())));
        return Unit.Value;
    }
}

public sealed class RemovePermissionEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Objects(api).MapDelete("/shares/{granteeKind}/{granteeId}", async Task<NoContent> (
                IMediator sender, ObjectType containerType, string containerId, ObjectType objectType, string objectId,
                GranteeKind granteeKind, string granteeId, RemovalScope? scope, CancellationToken ct) =>
            {
                await sender.Send(new RemovePermission(AccessRoutes.Target(containerType, containerId, objectType, objectId),
                    granteeKind, granteeId, scope ?? RemovalScope.ObjectOnly), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemovePermission").WithSummary("Removes a grant from this object only, or (scope=ObjectAndChildren) from everything below it too.");
}
