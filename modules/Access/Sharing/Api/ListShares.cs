using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Sharing.Api;

/// <summary>The object's explicit grants and those it inherits; for whoever may view it.</summary>
public sealed record ListShares(SecuredRef Target) : IRequest<ObjectShares>, ISecuredRequest
{
    public AccessCheck Check => AccessCheck.On(Target, AccessAction.View);
}

/// <summary>External users see what is shared with them, not with whom else (the grants name other people and their addresses).</summary>
public sealed class ListSharesAuthorizer(AccessSnapshots snapshots) : IRequestAuthorizer<ListShares>
{
    public async ValueTask<AccessDecision> DecideAsync(Principal principal, ListShares request, CancellationToken cancellationToken) =>
        await snapshots.UserAsync(principal.UserId) is { License: License.External }
            ? AccessDecision.Deny("External users do not see with whom an object is shared.")
            : AccessDecision.Allow("Whoever may view the object sees its grants.");
}

public sealed class ListSharesHandler(SecuredTree tree) : IRequestHandler<ListShares, ObjectShares>
{
    public Task<ObjectShares> Handle(ListShares request, CancellationToken cancellationToken) => ObjectShares.ReadAsync(tree, request.Target);
}

public sealed class ListSharesEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Objects(api).MapGet("/shares", async Task<Ok<ObjectShares>> (
                IMediator sender, ObjectType containerType, string containerId, ObjectType objectType, string objectId, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListShares(AccessRoutes.Target(containerType, containerId, objectType, objectId)), ct)))
            .WithName("ListShares").WithSummary("The object's grants: explicit ones and those inherited, with the ancestor each comes from.");
}
