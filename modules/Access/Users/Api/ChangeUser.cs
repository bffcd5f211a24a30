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

namespace Greenlight.Modules.Access.Users.Api;

/// <summary>Changes the fields given; the others stay. A new level brings its license.</summary>
public sealed record ChangeUser(
    string UserId,
    string? Name = null,
    string? Email = null,
    string? AccessLevelId = null,
    string? HomeGroupId = null,
    IReadOnlyList<string>? GroupIds = null,
    string? HomeTeamId = null,
    IReadOnlyList<string>? TeamIds = null,
    bool? AddToFrameioProjects = null) : IRequest<UserProfile>, IUserFields, IUserAdministrationRequest
{
    public IEnumerable<string?> ManagedUserIds => [UserId];
    public UserAssignment Assignment => this.Assignment();
}

/// <summary>A partial change: only the fields sent change.</summary>
public sealed record ChangeUserBody(
    string? Name = null, string? Email = null, string? AccessLevelId = null, string? HomeGroupId = null, IReadOnlyList<string>? GroupIds = null,
    string? HomeTeamId = null, IReadOnlyList<string>? TeamIds = null, bool? AddToFrameioProjects = null);

public sealed class ChangeUserValidator(AccessSnapshots snapshots) : UserFieldsValidator<ChangeUser>(snapshots);

public sealed class ChangeUserHandler(IGrainFactory grains, AccessSnapshots snapshots, ICurrentPrincipal current) : IRequestHandler<ChangeUser, UserProfile>
{
    public async Task<UserProfile> Handle(ChangeUser request, CancellationToken cancellationToken)
    {
        _ = await snapshots.UserAsync(request.UserId) ?? throw new NotFoundException($"User '{request.UserId}'");
        var level = request.AccessLevelId is { } levelId ? (await snapshots.DirectoryAsync()).Level(levelId) : null;
        var changes = new UserChanges(request.Name, request.Email, level, request.HomeGroupId, request.GroupIds, request.HomeTeamId, request.TeamIds, request.AddToFrameioProjects);
        return await grains.User(request.UserId).ChangeAsync(changes, current.ActorId());
    }
}

public sealed class ChangeUserEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Users(api).MapPatch("/{id}", async Task<Ok<UserProfile>> (IMediator sender, string id, ChangeUserBody body, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeUser(id, body.Name, body.Email, body.AccessLevelId, body.HomeGroupId, body.GroupIds,
                    body.HomeTeamId, body.TeamIds, body.AddToFrameioProjects), ct)))
            .WithName("ChangeUser").WithSummary("Changes a user's profile, level, groups, teams or Frame.io flag.");
}
