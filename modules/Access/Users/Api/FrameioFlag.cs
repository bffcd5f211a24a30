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
public sealed record SetFrameioFlag(IReadOnlyList<string> UserIds, bool AddToFrameioProjects) : IRequest<IReadOnlyList<UserProfile>>, IUserAdministrationRequest
{
    public IEnumerable<string> ManagedUserIds => UserIds;
    public IEnumerable<string> AssignedGroupIds => [];
    public string? AssignedAccessLevelId => null;
}

public sealed class SetFrameioFlagValidator : AbstractValidator<SetFrameioFlag>
{
    public SetFrameioFlagValidator()
    {
        RuleFor(r => r.UserIds).NotEmpty().Must(ids => ids.Count <= 1000).WithMessage("At most 1000 users per call.");
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
