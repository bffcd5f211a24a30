using Greenlight.Modules.Work.Projects;

namespace Greenlight.Modules.Work.Assignments;

// Assigning tasks and issues to users or teams: a contribute-level change on the item.

public sealed record AddAssignment(string ProjectId, ObjectType ItemType, string ItemId, AssigneeKind Kind, string AssigneeId) : IRequest, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ItemType, ItemId), AccessAction.Update);
}

public sealed record RemoveAssignment(string ProjectId, ObjectType ItemType, string ItemId, AssigneeKind Kind, string AssigneeId) : IRequest, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ItemType, ItemId), AccessAction.Update);
}

public sealed class AddAssignmentValidator : AbstractValidator<AddAssignment>
{
    public AddAssignmentValidator(IMediator sender)
    {
        RuleFor(r => r.Kind).IsInEnum();
        When(r => r.Kind == AssigneeKind.User, () => RuleFor(r => r.AssigneeId).MustBeActiveUser(sender))
            .Otherwise(() => RuleFor(r => r.AssigneeId).MustBeId());
    }
}

internal sealed class AssignmentHandlers(IGrainFactory grains, IMediator sender, ICurrentPrincipal current) :
    IRequestHandler<AddAssignment, Unit>, IRequestHandler<RemoveAssignment, Unit>
{
    public async Task<Unit> Handle(AddAssignment request, CancellationToken cancellationToken)
    {
        var assignee = new Assignee(request.Kind, request.AssigneeId);
        var item = new ObjectRef(request.ItemType, request.ItemId);
        if (await grains.GetGrain<IProjectGrain>(request.ProjectId).AssignAsync(item, assignee, current.UserId()))
            await sender.Send(new GrantAssigneeAccess(Secured.InProject(request.ProjectId, item), assignee.ToGrantee()), cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(RemoveAssignment request, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IProjectGrain>(request.ProjectId)
            .UnassignAsync(new ObjectRef(request.ItemType, request.ItemId), new Assignee(request.Kind, request.AssigneeId), current.UserId());
        return Unit.Value;
    }
}
