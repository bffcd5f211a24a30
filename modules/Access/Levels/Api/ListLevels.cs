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

public sealed record ListAccessLevels : IRequest<IReadOnlyList<AccessLevelData>>, IAdministrativeRequest;

public sealed record GetAccessLevel(string Id) : IRequest<AccessLevelData>, IAdministrativeRequest;

public sealed class ListAccessLevelsHandler(AccessSnapshots snapshots) :
    IRequestHandler<ListAccessLevels, IReadOnlyList<AccessLevelData>>, IRequestHandler<GetAccessLevel, AccessLevelData>
{
    public async Task<IReadOnlyList<AccessLevelData>> Handle(ListAccessLevels request, CancellationToken cancellationToken) =>
        [.. (await snapshots.DirectoryAsync()).Levels.Select(AccessLevelData.From)];

    public async Task<AccessLevelData> Handle(GetAccessLevel request, CancellationToken cancellationToken) =>
        (await snapshots.DirectoryAsync()).Level(request.Id) is { } level
            ? AccessLevelData.From(level)
            : throw new NotFoundException($"Access level '{request.Id}'");
}

public sealed class ListAccessLevelsEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var levels = AccessRoutes.Levels(api);
        levels.MapGet("/", async Task<Ok<IReadOnlyList<AccessLevelData>>> (IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListAccessLevels(), ct))).WithName("ListAccessLevels").WithSummary("Every access level, built-in and custom.");
        levels.MapGet("/{id}", async Task<Ok<AccessLevelData>> (IMediator sender, string id, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetAccessLevel(id), ct))).WithName("GetAccessLevel");
    }
}
