using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Levels.Api;

/// <summary>Deletes a custom level no user has (409 otherwise).</summary>
public sealed record DeleteAccessLevel(string Id) : IRequest, IAdministrativeRequest;

public sealed class DeleteAccessLevelHandler(IGrainFactory grains, ICurrentPrincipal current) : IRequestHandler<DeleteAccessLevel, Unit>
{
    public async Task<Unit> Handle(DeleteAccessLevel request, CancellationToken cancellationToken)
    {
        await grains.Directory().DeleteLevelAsync(request.Id, current.ActorId());
        return Unit.Value;
    }
}

public sealed class DeleteAccessLevelEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Levels(api).MapDelete("/{id}", async Task<NoContent> (IMediator sender, string id, CancellationToken ct) =>
            {
                await sender.Send(new DeleteAccessLevel(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteAccessLevel").WithSummary("Deletes a custom level that no user has.");
}
