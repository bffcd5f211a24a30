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

/// <summary>Deactivates a user (their tokens stop working: every request they make is answered 401) or reactivates them.</summary>
public sealed record SetUserActive(string UserId, bool Active) : IRequest<UserProfile>, IUserAdministrationRequest
{
    public IEnumerable<string?> ManagedUserIds => [UserId];
    public UserAssignment Assignment => UserAssignment.None;
}

public sealed class SetUserActiveHandler(IGrainFactory grains, AccessSnapshots snapshots, ICurrentPrincipal current) : IRequestHandler<SetUserActive, UserProfile>
{
    public async Task<UserProfile> Handle(SetUserActive request, CancellationToken cancellationToken)
    {
        var user = await snapshots.UserAsync(request.UserId) ?? throw new NotFoundException($"User '{request.UserId}'");
        if (user.Active == request.Active) return user;
        if (!request.Active && user.Id == current.ActorId())
            throw new ConflictException("Nobody may deactivate themself.");
        var directory = await snapshots.DirectoryAsync();
        if (request.Active && user.License == License.External && !directory.Preferences.CollaborateByEmail)
            throw new ConflictException("External users exist only while the preference collaborateByEmail is on; turn it on first.");
        return await grains.User(request.UserId).ChangeAsync(new UserChanges(Active: request.Active), current.ActorId());
    }
}

public sealed class UserActivationEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var users = AccessRoutes.Users(api);
        users.MapPost("/{id}/deactivate", async Task<Ok<UserProfile>> (IMediator sender, string id, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetUserActive(id, Active: false), ct))).WithName("DeactivateUser");
        users.MapPost("/{id}/reactivate", async Task<Ok<UserProfile>> (IMediator sender, string id, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetUserActive(id, Active: true), ct))).WithName("ReactivateUser");
    }
}
