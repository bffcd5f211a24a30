using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Http;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Policy;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Greenlight.Modules.Access.Sharing.SharedWithMe;

/// <summary>
/// What was shared with the caller by name: with them, their address, their teams or groups (system-wide grants reach
/// everyone and are left out), among the objects they may view now, with the permission they hold on each. What an
/// External user sees of the work tree.
/// </summary>
public sealed record ListSharedWithMe : IRequest<IReadOnlyList<SharedObject>>, IAuthenticatedRequest
{
    /// <summary>Objects holding such a grant that are looked at, by key: the list stops there.</summary>
    public const int Limit = 200;
}

public sealed record SharedObject(SecuredRef Object, Permission Held);

public sealed class ListSharedWithMeHandler(AccessSnapshots snapshots, SecuredObjectRows rows, SecuredTree tree, AccessEvaluator evaluator, ICurrentPrincipal current) :
    IRequestHandler<ListSharedWithMe, IReadOnlyList<SharedObject>>
{
    public async Task<IReadOnlyList<SharedObject>> Handle(ListSharedWithMe request, CancellationToken cancellationToken)
    {
        var me = await snapshots.UserAsync(current.ActorId()) ?? throw new NotAuthenticatedException();
        var grantees = (await evaluator.PrincipalAsync(me)).NamedGrantees().ToList();
        var shared = new List<SharedObject>();
        foreach (var key in await rows.HoldingAsync(grantees, ListSharedWithMe.Limit, cancellationToken))
        {
            if (await tree.LocateAsync(ObjectKeys.Parse(key)) is not { } located) continue;
            var verdict = (await evaluator.EvaluateAsync(me, AccessCheck.On(located, AccessAction.View))).Verdict;
            if (verdict.Allowed) shared.Add(new SharedObject(located, verdict.Held));
        }
        return shared;
    }
}

public sealed class ListSharedWithMeEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        api.MapGet("/access/shared-with-me", async Task<Ok<IReadOnlyList<SharedObject>>> (IMediator sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSharedWithMe(), ct)))
            .WithTags("Access: sharing").WithName("ListSharedWithMe")
            .WithSummary("The objects shared with the caller (directly, by address, through a team or group) that they may view, with the permission held.");
}
