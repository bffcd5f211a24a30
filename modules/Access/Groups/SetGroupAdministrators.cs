using FluentValidation;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Groups;

/// <summary>Names the group's own administrators (its subgroups inherit them); each needs a Standard license.</summary>
public sealed record SetGroupAdministrators(string GroupId, IReadOnlyList<string> UserIds) : IRequest<GroupView>, IAdministrativeRequest;

public sealed record SetGroupAdministratorsBody(IReadOnlyList<string> UserIds);

public sealed class SetGroupAdministratorsValidator : AbstractValidator<SetGroupAdministrators>
{
    public SetGroupAdministratorsValidator(AccessSnapshots snapshots)
    {
        RuleFor(r => r.UserIds).NotNull().WithMessage("List the administrators (an empty list leaves only those inherited).");
        RuleForEach(r => r.UserIds).CustomAsync(async (userId, context, _) =>
        {
            var user = await snapshots.UserAsync(userId);
            if (user is not { Active: true })
                context.AddFailure($"There is no active user '{userId}'.");
            else if (user.License != License.Standard)
                context.AddFailure($"A group administrator needs a Standard license; '{user.Name}' has {user.License}.");
        });
    }
}

public sealed class SetGroupAdministratorsHandler(IGrainFactory grains, AccessSnapshots snapshots, ICurrentPrincipal current) : IRequestHandler<SetGroupAdministrators, GroupView>
{
    public async Task<GroupView> Handle(SetGroupAdministrators request, CancellationToken cancellationToken)
    {
        var changed = await grains.Directory().SetGroupAdministratorsAsync(request.GroupId, request.UserIds, current.ActorId());
        return GroupView.From(changed, await snapshots.DirectoryAsync());
    }
}

public sealed class SetGroupAdministratorsEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Groups(api).MapPut("/{id}/administrators", async Task<Ok<GroupView>> (IMediator sender, string id, SetGroupAdministratorsBody body, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SetGroupAdministrators(id, body.UserIds), ct)))
            .WithName("SetGroupAdministrators").WithSummary("Names the group's administrators; its subgroups inherit them.");
}
