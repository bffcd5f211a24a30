using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Users.Api;

// Users at View or Edit on the level's Users area may read profiles (every built-in level but a
// custom one lowered to No Access); anyone may read their own.

public sealed record ListUsers : IRequest<IReadOnlyList<UserProfile>>, IDirectoryReadRequest
{
    public AccessArea Area => AccessArea.Users;
}

public sealed record GetUser(string UserId) : IRequest<UserProfile>, IDirectoryReadRequest
{
    public AccessArea Area => AccessArea.Users;

    public string? AboutUserId => UserId;
}

public sealed class ListUsersHandler(IStore store, AccessSnapshots snapshots) :
    IRequestHandler<ListUsers, IReadOnlyList<UserProfile>>, IRequestHandler<GetUser, UserProfile>
{
    public Task<IReadOnlyList<UserProfile>> Handle(ListUsers request, CancellationToken cancellationToken) => UserRows.ListAsync(store, cancellationToken);

    public async Task<UserProfile> Handle(GetUser request, CancellationToken cancellationToken) =>
        await snapshots.UserAsync(request.UserId) ?? throw new NotFoundException($"User '{request.UserId}'");
}

public sealed class ListUsersEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var users = AccessRoutes.Users(api);
        users.MapGet("/", async Task<Ok<IReadOnlyList<UserProfile>>> (IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListUsers(), ct))).WithName("ListUsers");
        users.MapGet("/{id}", async Task<Ok<UserProfile>> (IMediator sender, string id, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetUser(id), ct))).WithName("GetUser");
    }
}
