using Greenlight.Kernel.Grains;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Policy;

namespace Greenlight.Modules.Access.Sharing;

/// <summary>Other modules' questions about rights, and the assignee defaults they apply.</summary>
public sealed class AccessQueries(IGrainFactory grains, AccessSnapshots snapshots, SecuredTree tree, AccessEvaluator evaluator, ICurrentPrincipal current) :
    IRequestHandler<CheckAccess, AccessAnswer>, IRequestHandler<FilterViewable, IReadOnlyList<SecuredRef>>, IRequestHandler<GrantAssigneeAccess, Unit>
{
    public async Task<AccessAnswer> Handle(CheckAccess request, CancellationToken cancellationToken)
    {
        if (await snapshots.UserAsync(request.UserId) is not { Active: true } user)
            return new AccessAnswer(false, Permission.None, $"There is no active user '{request.UserId}'.");
        var evaluation = await evaluator.EvaluateAsync(user, request.Check);
        return new AccessAnswer(evaluation.Verdict.Allowed, evaluation.Verdict.Held, evaluation.Verdict.Reason);
    }

    public async Task<IReadOnlyList<SecuredRef>> Handle(FilterViewable request, CancellationToken cancellationToken)
    {
        if (await snapshots.UserAsync(request.UserId) is not { Active: true } user) return [];
        var viewable = new List<SecuredRef>();
        foreach (var obj in request.Objects)
        {
            if ((await evaluator.EvaluateAsync(user, AccessCheck.On(obj, AccessAction.View))).Verdict.Allowed) viewable.Add(obj);
        }
        return viewable;
    }

    /// <summary>The preferences as they are now (later changes do not reach back): the assignee's permission on the task or issue, and optionally on its project. A higher grant they already have stays.</summary>
    public async Task<Unit> Handle(GrantAssigneeAccess request, CancellationToken cancellationToken)
    {
        var preferences = (await snapshots.DirectoryAsync()).Preferences;
        await GrantAtLeastAsync(request.AssignedObject, new Grant(request.Assignee, preferences.AssigneePermission), request.Repeat);
        if (preferences.AssigneeProjectPermission != Permission.None && request.AssignedObject.Container.Type == ObjectType.Project)
            await GrantAtLeastAsync(SecuredRef.ContainerItself(request.AssignedObject.Container), new Grant(request.Assignee, preferences.AssigneeProjectPermission), request.Repeat);
        return Unit.Value;
    }

    /// <param name="keepAnyGrant">A repeat: any grant the grantee holds there was given by the first telling, under the defaults of then.</param>
    private async Task GrantAtLeastAsync(SecuredRef target, Grant grant, bool keepAnyGrant)
    {
        var node = (await tree.LineageAsync(target) ?? throw new Kernel.Errors.NotFoundException($"The object {target}")).Node;
        if (node.Grants.Any(g => g.Grantee == grant.Grantee && (keepAnyGrant || g.Permission >= grant.Permission))) return;
        await grains.SecuredObject(target.Object).GrantAsync(grant with { Permission = ObjectTypeRules.OnObjectOf(target.Object.Type, grant.Permission) }, current.ActorId());
    }
}
