using System.Text.Json.Serialization;
using FluentValidation;
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

/// <summary>A new user: name, email and level are required; memberships and the Frame.io flag are optional.</summary>
public sealed record CreateUser(
    string Name,
    string Email,
    string AccessLevelId,
    string? HomeGroupId = null,
    IReadOnlyList<string>? GroupIds = null,
    string? HomeTeamId = null,
    IReadOnlyList<string>? TeamIds = null,
    bool AddToFrameioProjects = false) : IRequest<UserProfile>, IUserFields, IUserAdministrationRequest
{
    // What the policy reads of the request, not fields of its body.
    [JsonIgnore] public IEnumerable<string?> ManagedUserIds => [];
    [JsonIgnore] public UserAssignment Assignment => this.Assignment();
    [JsonIgnore] public bool CreatesUser => true;
}

public sealed class CreateUserValidator : UserFieldsValidator<CreateUser>
{
    public CreateUserValidator(AccessSnapshots snapshots) : base(snapshots)
    {
        RuleFor(r => r.Name).NotNull();
        RuleFor(r => r.Email).NotNull();
        RuleFor(r => r.AccessLevelId).NotNull();
    }
}

/// <summary>Creates the user with a new id; the license follows the level.</summary>
public sealed class CreateUserHandler(IGrainFactory grains, AccessSnapshots snapshots, ICurrentPrincipal current) : IRequestHandler<CreateUser, UserProfile>
{
    public async Task<UserProfile> Handle(CreateUser request, CancellationToken cancellationToken)
    {
        var level = (await snapshots.DirectoryAsync()).Level(request.AccessLevelId)!;
        var id = Guid.NewGuid().ToString("N");
        var profile = new UserProfile(id, request.Name, request.Email, level.Id, level.License, level.IsSystemAdministrator, Active: true,
            request.AddToFrameioProjects, request.HomeGroupId, request.GroupIds ?? [], request.HomeTeamId, request.TeamIds ?? []);
        return await grains.User(id).CreateAsync(profile, current.ActorId());
    }
}

public sealed class CreateUserEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Users(api).MapPost("/", async Task<Created<UserProfile>> (IMediator sender, CreateUser request, CancellationToken ct) =>
            {
                var user = await sender.Send(request, ct);
                return TypedResults.Created($"/api/v1/access/users/{user.Id}", user);
            })
            .WithName("CreateUser").WithSummary("Creates a user: a System Administrator, or a group administrator for the groups they administer.");
}
