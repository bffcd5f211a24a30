using System.Text.Json.Serialization;
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

/// <summary>Turns inherited permissions off (the object then takes nothing from above) or back on; needs Manage.</summary>
public sealed record SetInheritance(SecuredRef Target, bool InheritsFromParent) : IRequest<ObjectShares>, ISecuredRequest
{
    public AccessCheck Check => AccessCheck.On(Target, AccessAction.ManageInheritance);
}

/// <param name="InheritsFromParent">Required (<see cref="JsonRequiredAttribute"/>): left out, it would read as false and cut the object off.</param>
public sealed record SetInheritanceBody([property: JsonRequired] bool InheritsFromParent);

public sealed class SetInheritanceHandler(IGrainFactory grains, SecuredTree tree, ICurrentPrincipal current) : IRequestHandler<SetInheritance, ObjectShares>
{
    public async Task<ObjectShares> Handle(SetInheritance request, CancellationToken cancellationToken)
    {
        await grains.SecuredObject(request.Target.Object).SetInheritanceAsync(request.InheritsFromParent, current.ActorId());
        return await ObjectShares.ReadAsync(tree, request.Target);
    }
}

public sealed class SetInheritanceEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Objects(api).MapPut("/inheritance", async Task<Ok<ObjectShares>> (
                IMediator sender, ObjectType containerType, string containerId, ObjectType objectType, string objectId, SetInheritanceBody body, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetInheritance(AccessRoutes.Target(containerType, containerId, objectType, objectId), body.InheritsFromParent), ct)))
            .WithName("SetInheritance").WithSummary("Turns the object's inherited permissions off or back on.");
}
