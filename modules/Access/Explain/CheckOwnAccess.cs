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

namespace Greenlight.Modules.Access.Explain;

/// <summary>
/// May I do this? The caller's own answer, without the explanation: what a client asks before
/// offering an action. Like <see cref="ExplainAccess"/>, only for someone who can view the object
/// (or, for a create, the parent); anyone else is told it does not exist.
/// </summary>
public sealed record CheckOwnAccess(SecuredRef Target, AccessAction Action, ObjectType? ChildType) : IRequest<OwnAccess>, ISecuredRequest
{
    public AccessCheck Check => AccessCheck.On(Target, AccessAction.View);
}

/// <param name="Held">The permission the caller holds on the object (on the parent, for a create).</param>
public sealed record OwnAccess(bool Allowed, Permission Held);

public sealed class CheckOwnAccessValidator : AbstractValidator<CheckOwnAccess>
{
    public CheckOwnAccessValidator() => this.RequireChildTypeForCreate(r => r.Action, r => r.ChildType);
}

public sealed class CheckOwnAccessHandler(AccessSnapshots snapshots, AccessEvaluator evaluator, ICurrentPrincipal current) : IRequestHandler<CheckOwnAccess, OwnAccess>
{
    public async Task<OwnAccess> Handle(CheckOwnAccess request, CancellationToken cancellationToken)
    {
        // The policy has let an active user through; only their own answer is given.
        var caller = await snapshots.UserAsync(current.ActorId()) ?? throw new NotAuthenticatedException();
        var verdict = (await evaluator.EvaluateAsync(caller, new AccessCheck(request.Action, request.Target, request.ChildType))).Verdict;
        return new OwnAccess(verdict.Allowed, verdict.Held);
    }
}

public sealed class CheckOwnAccessEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api) =>
        AccessRoutes.Objects(api).MapGet("/check", async Task<Ok<OwnAccess>> (
                IMediator sender, ObjectType containerType, string containerId, ObjectType objectType, string objectId,
                AccessAction action, ObjectType? childType, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CheckOwnAccess(AccessRoutes.Target(containerType, containerId, objectType, objectId), action, childType), ct)))
            .WithName("CheckOwnAccess")
            .WithSummary("Whether the caller may do the action, and the permission they hold: the explanation's answer without the why.");
}
