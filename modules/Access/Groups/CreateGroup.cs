using System.Text.Json.Serialization;
using FluentValidation;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Organization;
using Greenlight.Modules.Access.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Groups;

/// <summary>A group at top level (System Administrators) or a subgroup (also the parent's administrators), at most 14 levels deep.</summary>
public sealed record CreateGroup(string Name, string? ParentId = null) : IRequest<GroupView>, IGroupAdministrationRequest
{
    // What the policy reads of the request, not a field of its body.
    [JsonIgnore] public string? GroupId => ParentId;
}

public sealed class CreateGroupValidator : AbstractValidator<CreateGroup>
{
    public CreateGroupValidator(AccessSnapshots snapshots)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.ParentId).CustomAsync(async (parentId, context, _) =>
        {
            if (parentId is null) return;
            var directory = await snapshots.DirectoryAsync();
            if (!directory.HasGroup(parentId))
                context.AddFailure(nameof(CreateGroup.ParentId), $"There is no group '{parentId}'.");
            else if (directory.Depth(parentId) >= DirectoryView.MaxGroupDepth)
                context.AddFailure(nameof(CreateGroup.ParentId), $"Groups nest at most {DirectoryView.MaxGroupDepth} levels deep; '{parentId}' is at level {directory.Depth(parentId)}.");
        });
    }
}

public sealed class CreateGroupHandler(IGrainFactory grains, AccessSnapshots snapshots, ICurrentPrincipal current) : IRequestHandler<CreateGroup, GroupView>
{
    public async Task<GroupView> Handle(CreateGroup request, CancellationToken cancellationToken)
    {
        var group = new GroupData(Guid.NewGuid().ToString("N"), request.Name, request.ParentId, []);
        await grains.Directory().SaveGroupAsync(group, current.ActorId());
        return GroupView.From(group, await snapshots.DirectoryAsync());
    }
}

public sealed class CreateGroupEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Groups(api).MapPost("/", async Task<Created<GroupView>> (IMediator sender, CreateGroup request, CancellationToken ct) =>
            {
                var group = await sender.Send(request, ct);
                return TypedResults.Created($"/api/v1/access/groups/{group.Id}", group);
            })
            .WithName("CreateGroup").WithSummary("Creates a group, or a subgroup of one the caller administers.");
}
