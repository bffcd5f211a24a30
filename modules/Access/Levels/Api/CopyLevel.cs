using Greenlight.Kernel.Errors;
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

/// <summary>A new custom level: a copy of <paramref name="SourceId"/> named "&lt;name&gt; (Copy)", with its license.</summary>
public sealed record CopyAccessLevel(string SourceId) : IRequest<AccessLevelData>, IAdministrativeRequest;

public sealed class CopyAccessLevelHandler(IGrainFactory grains, AccessSnapshots snapshots, ICurrentPrincipal current) : IRequestHandler<CopyAccessLevel, AccessLevelData>
{
    public async Task<AccessLevelData> Handle(CopyAccessLevel request, CancellationToken cancellationToken)
    {
        var source = (await snapshots.DirectoryAsync()).Level(request.SourceId) ?? throw new NotFoundException($"Access level '{request.SourceId}'");
        if (!AccessLevelRules.CanBeChangedOrCopied(source))
            throw RequestValidationException.ForField("sourceId", $"The {source.Name} access level cannot be copied.");
        var copy = AccessLevelData.From(AccessLevelRules.Copy(source, Guid.NewGuid().ToString("N")));
        await grains.Directory().SaveLevelAsync(copy, current.ActorId());
        return copy;
    }
}

public sealed class CopyAccessLevelEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Levels(api).MapPost("/{id}/copy", async Task<Created<AccessLevelData>> (IMediator sender, string id, CancellationToken ct) =>
            {
                var copy = await sender.Send(new CopyAccessLevel(id), ct);
                return TypedResults.Created($"/api/v1/access/levels/{copy.Id}", copy);
            })
            .WithName("CopyAccessLevel").WithSummary("Makes a custom level from a built-in or custom one (not System Administrator or External).");
}
