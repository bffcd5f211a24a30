using Greenlight.Modules.Work.Projects;
using Greenlight.Modules.Work.Tasks;

namespace Greenlight.Modules.Work.Issues;

// CreateIssue, GetIssue, EditIssue, SetIssueStatus (resolve too), MoveIssue, DeleteIssue.

public sealed record CreateIssue(string ProjectId, string Name, string? Description, string? TaskId) : IRequest<IssueView>, ISecuredRequest, INamedFields
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.CreateIn(TaskPlace.Of(ProjectId, TaskId), ObjectType.Issue);
}

public sealed record GetIssue(string ProjectId, string IssueId) : IRequest<IssueView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Issue, IssueId), AccessAction.View);
}

/// <summary>A partial edit: only the fields sent change.</summary>
public sealed record EditIssue(string ProjectId, string IssueId, Set<string>? Name, Set<string?>? Description) : IRequest<IssueView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Issue, IssueId), AccessAction.Edit);
}

public sealed record SetIssueStatus(string ProjectId, string IssueId, IssueStatus Status) : IRequest<IssueView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Issue, IssueId), AccessAction.Update);
}

/// <summary>About another task of the project, or about the project itself (<paramref name="TaskId"/> null).</summary>
public sealed record MoveIssue(string ProjectId, string IssueId, string? TaskId) : IRequest<IssueView>, ISecuredRequest, ITouchesOtherObjects
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Issue, IssueId), AccessAction.Edit);

    /// <summary>Where it goes: the right to add an issue there.</summary>
    [JsonIgnore] public IEnumerable<AccessCheck> OtherChecks => [AccessCheck.CreateIn(TaskPlace.Of(ProjectId, TaskId), ObjectType.Issue)];
}

public sealed record DeleteIssue(string ProjectId, string IssueId) : IRequest, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Issue, IssueId), AccessAction.Delete);
}

public sealed class CreateIssueValidator : NamedFieldsValidator<CreateIssue>
{
    public CreateIssueValidator() => When(r => r.TaskId is not null, () => RuleFor(r => r.TaskId).MustBeId());
}

public sealed class EditIssueValidator : PartialEditValidator<EditIssue>
{
    public EditIssueValidator()
    {
        NameWhenSent(r => r.Name);
        DescriptionWhenSent(r => r.Description);
    }
}

public sealed class MoveIssueValidator : AbstractValidator<MoveIssue>
{
    public MoveIssueValidator() => When(r => r.TaskId is not null, () => RuleFor(r => r.TaskId).MustBeId());
}

public sealed class SetIssueStatusValidator : AbstractValidator<SetIssueStatus>
{
    public SetIssueStatusValidator() => RuleFor(r => r.Status).IsInEnum();
}

internal sealed class IssueHandlers(IGrainFactory grains, IMediator sender, ICurrentPrincipal current) :
    IRequestHandler<CreateIssue, IssueView>, IRequestHandler<GetIssue, IssueView>, IRequestHandler<EditIssue, IssueView>,
    IRequestHandler<SetIssueStatus, IssueView>, IRequestHandler<MoveIssue, IssueView>, IRequestHandler<DeleteIssue, Unit>
{
    public async Task<IssueView> Handle(CreateIssue request, CancellationToken cancellationToken)
    {
        var (id, user) = (WorkIds.New(), current.UserId());
        var issue = await Project(request.ProjectId).AddIssueAsync(new NewIssue(id, request.Name, request.Description, request.TaskId, user));
        await sender.RegisterAsync(Secured.InProject(request.ProjectId, ObjectType.Issue, id), TaskPlace.Of(request.ProjectId, request.TaskId), user, cancellationToken);
        return issue;
    }

    public async Task<IssueView> Handle(GetIssue request, CancellationToken cancellationToken) =>
        await Project(request.ProjectId).FindIssueAsync(request.IssueId) ?? throw new NotFoundException($"Issue '{request.IssueId}'");

    public Task<IssueView> Handle(EditIssue request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).EditIssueAsync(request.IssueId, request.Name, request.Description);

    public Task<IssueView> Handle(SetIssueStatus request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).SetIssueStatusAsync(request.IssueId, request.Status, current.UserId());

    public async Task<IssueView> Handle(MoveIssue request, CancellationToken cancellationToken)
    {
        var issue = await Project(request.ProjectId).MoveIssueAsync(request.IssueId, request.TaskId);
        await sender.Send(new MoveSecuredObject(Secured.InProject(request.ProjectId, ObjectType.Issue, request.IssueId), TaskPlace.Of(request.ProjectId, request.TaskId)),
            cancellationToken);
        return issue;
    }

    public async Task<Unit> Handle(DeleteIssue request, CancellationToken cancellationToken)
    {
        await Project(request.ProjectId).DeleteIssueAsync(request.IssueId, current.UserId());
        await sender.Send(new RemoveSecuredObject(Secured.InProject(request.ProjectId, ObjectType.Issue, request.IssueId)), cancellationToken);
        return Unit.Value;
    }

    private IProjectGrain Project(string id) => grains.GetGrain<IProjectGrain>(id);
}
