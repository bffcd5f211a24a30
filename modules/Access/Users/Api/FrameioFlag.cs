using System.Text.Json.Serialization;
using FluentValidation;
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

/// <summary>Sets "Add to projects in Frame.io" for many users at once.</summary>
/// <param name="AddToFrameioProjects">Required (<see cref="JsonRequiredAttribute"/>): left out, it would read as false and unflag everyone listed.</param>
public sealed record SetFrameioFlag(IReadOnlyList<string> UserIds, [property: JsonRequired] bool AddToFrameioProjects) : IRequest<IReadOnlyList<UserProfile>>, IUserAdministrationRequest
{
    // What the policy reads of the request, not fields of its body; a body without the list reaches the policy before the validator names it.
    [JsonIgnore] public IEnumerable<string?> ManagedUserIds => UserIds ?? [];
    [JsonIgnore] public UserAssignment Assignment => UserAssignment.None;
}

public sealed class SetFrameioFlagValidator : AbstractValidator<SetFrameioFlag>
{
    public SetFrameioFlagValidator()
    {
        RuleFor(r => r.UserIds).Cascade(CascadeMode.Stop).NotEmpty().Must(ids => ids.Count <= 1000).WithMessage("At most 1000 users per call.");
        RuleForEach(r => r.UserIds).NotEmpty();
    }
}

public sealed class SetFrameioFlagHandler(IGrainFactory grains, AccessSnapshots snapshots, ICurrentPrincipal current) : IRequestHandler<SetFrameioFlag, IReadOnlyList<UserProfile>>
{
    public async Task<IReadOnlyList<UserProfile>> Handle(SetFrameioFlag request, CancellationToken cancellationToken)
    {
        // All are read before any is written, so an unknown id changes nobody.
        var users = new List<UserProfile>();
        foreach (var id in request.UserIds.Distinct())
            users.Add(await snapshots.UserAsync(id) ?? throw new NotFoundException($"User '{id}'"));
        var changed = new List<UserProfile>();
        foreach (var user in users)
            changed.Add(await grains.User(user.Id).ChangeAsync(new UserChanges(AddToFrameioProjects: request.AddToFrameioProjects), current.ActorId()));
        return changed;
    }
}

public sealed class FrameioFlagEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Users(api).MapPut("/frameio", async Task<Ok<IReadOnlyList<UserProfile>>> (IMediator sender, SetFrameioFlag request, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(request, ct)))
            .WithName("SetFrameioFlag").WithSummary("Sets \"Add to projects in Frame.io\" for every user listed.");
}
