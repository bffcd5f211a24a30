using Greenlight.Modules.Work.Projects;

namespace Greenlight.Modules.Work.Tasks;

// CreateTask, GetTask, EditTask, SetTaskStatus (complete and reopen too), MoveTask, DeleteTask.

public sealed record CreateTask(
    string ProjectId, string Name, string? Description, string? ParentTaskId, DateOnly? PlannedStart, DateOnly? PlannedEnd)
    : IRequest<TaskView>, ISecuredRequest, INamedFields
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.CreateIn(TaskPlace.Of(ProjectId, ParentTaskId), ObjectType.Task);
}

public sealed record GetTask(string ProjectId, string TaskId) : IRequest<TaskView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Task, TaskId), AccessAction.View);
}

/// <summary>A partial edit: only the fields sent change.</summary>
public sealed record EditTask(string ProjectId, string TaskId, Set<string>? Name, Set<string?>? Description, Set<DateOnly?>? PlannedStart, Set<DateOnly?>? PlannedEnd)
    : IRequest<TaskView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Task, TaskId), AccessAction.Edit);
}

/// <summary>Status, completion and reopening are contribute-level changes.</summary>
public sealed record SetTaskStatus(string ProjectId, string TaskId, WorkTaskStatus Status) : IRequest<TaskView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Task, TaskId), AccessAction.Update);
}

/// <summary>Under another task (of <paramref name="ToProjectId"/>, or of this project when null), or at a project's top level.</summary>
public sealed record MoveTask(string ProjectId, string TaskId, string? ToProjectId, string? ParentTaskId) : IRequest<TaskView>, ISecuredRequest, ITouchesOtherObjects
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Task, TaskId), AccessAction.Edit);

    /// <summary>Where it goes: the right to create a task there.</summary>
    [JsonIgnore]
    public IEnumerable<AccessCheck> OtherChecks =>
        [AccessCheck.CreateIn(TaskPlace.Of(ToProjectId ?? ProjectId, ParentTaskId), ObjectType.Task)];
}

public sealed record DeleteTask(string ProjectId, string TaskId) : IRequest, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.Task, TaskId), AccessAction.Delete);
}

public sealed class CreateTaskValidator : NamedFieldsValidator<CreateTask>
{
    public CreateTaskValidator()
    {
        When(r => r.ParentTaskId is not null, () => RuleFor(r => r.ParentTaskId).MustBeId());
        RuleFor(r => r.PlannedEnd).GreaterThanOrEqualTo(r => r.PlannedStart).When(r => r.PlannedStart is not null && r.PlannedEnd is not null);
    }
}

/// <summary>The planned dates are checked by the project, against the ones the task keeps when only one is sent.</summary>
public sealed class EditTaskValidator : PartialEditValidator<EditTask>
{
    public EditTaskValidator()
    {
        NameWhenSent(r => r.Name);
        DescriptionWhenSent(r => r.Description);
    }
}

public sealed class SetTaskStatusValidator : AbstractValidator<SetTaskStatus>
{
    public SetTaskStatusValidator() => RuleFor(r => r.Status).IsInEnum();
}

public sealed class MoveTaskValidator : AbstractValidator<MoveTask>
{
    public MoveTaskValidator(IGrainFactory grains)
    {
        When(r => r.ParentTaskId is not null, () => RuleFor(r => r.ParentTaskId).MustBeId());
        When(r => r.ToProjectId is not null, () => RuleFor(r => r.ToProjectId).MustBeId()
            .MustAsync(async (id, _) => await grains.GetGrain<IProjectGrain>(id!).FindAsync() is not null)
            .WithMessage("There is no such project: '{PropertyValue}'."));
    }
}

/// <summary>Where a task (or an issue) sits: under a task of the project, or at its top level.</summary>
internal static class TaskPlace
{
    public static SecuredRef Of(string projectId, string? parentTaskId) =>
        parentTaskId is null ? Secured.Project(projectId) : Secured.InProject(projectId, ObjectType.Task, parentTaskId);
}

internal sealed class TaskHandlers(IGrainFactory grains, IMediator sender, ICurrentPrincipal current) :
    IRequestHandler<CreateTask, TaskView>, IRequestHandler<GetTask, TaskView>, IRequestHandler<EditTask, TaskView>,
    IRequestHandler<SetTaskStatus, TaskView>, IRequestHandler<MoveTask, TaskView>, IRequestHandler<DeleteTask, Unit>,
    IRequestHandler<GetTaskSummary, TaskView?>, IRequestHandler<GetTaskSummaries, IReadOnlyList<TaskView>>, IRequestHandler<SetTaskStatusFor, TaskView>
{
    public async Task<TaskView> Handle(CreateTask request, CancellationToken cancellationToken)
    {
        var (id, user) = (WorkIds.New(), current.UserId());
        var task = await Project(request.ProjectId).AddTaskAsync(new NewTask(id, request.Name, request.Description, request.ParentTaskId,
            request.PlannedStart, request.PlannedEnd, user));
        await sender.RegisterAsync(Secured.InProject(request.ProjectId, ObjectType.Task, id), TaskPlace.Of(request.ProjectId, request.ParentTaskId), user, cancellationToken);
        return task;
    }

    public async Task<TaskView> Handle(GetTask request, CancellationToken cancellationToken) =>
        await Project(request.ProjectId).FindTaskAsync(request.TaskId) ?? throw new NotFoundException($"Task '{request.TaskId}'");

    public Task<TaskView> Handle(EditTask request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).EditTaskAsync(request.TaskId, request.Name, request.Description, request.PlannedStart, request.PlannedEnd);

    public Task<TaskView> Handle(SetTaskStatus request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).SetTaskStatusAsync(request.TaskId, request.Status, current.UserId());

    public Task<TaskView> Handle(SetTaskStatusFor request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).SetTaskStatusAsync(request.TaskId, request.Status, request.UserId);

    public async Task<TaskView> Handle(MoveTask request, CancellationToken cancellationToken)
    {
        var target = request.ToProjectId ?? request.ProjectId;
        var task = target == request.ProjectId
            ? await Project(target).MoveTaskAsync(request.TaskId, request.ParentTaskId)
            : await MoveToProjectAsync(request, target);
        await sender.Send(new MoveSecuredObject(Secured.InProject(request.ProjectId, ObjectType.Task, request.TaskId), TaskPlace.Of(target, task.ParentTaskId)),
            cancellationToken);
        return task;
    }

    public async Task<Unit> Handle(DeleteTask request, CancellationToken cancellationToken)
    {
        await Project(request.ProjectId).DeleteTaskAsync(request.TaskId, current.UserId());
        await sender.Send(new RemoveSecuredObject(Secured.InProject(request.ProjectId, ObjectType.Task, request.TaskId)), cancellationToken);
        return Unit.Value;
    }

    public Task<TaskView?> Handle(GetTaskSummary request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).FindTaskAsync(request.TaskId);

    public Task<IReadOnlyList<TaskView>> Handle(GetTaskSummaries request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).FindTasksAsync(request.TaskIds);

    /// <summary>Two grains, two writes: the source's write records the move, so that it finishes even if this request does not (see TaskMoves).</summary>
    private async Task<TaskView> MoveToProjectAsync(MoveTask request, string target)
    {
        if (request.ParentTaskId is { } parent && await Project(target).FindTaskAsync(parent) is null)
            throw RequestValidationException.ForField("parentTaskId", $"Project '{target}' has no task '{parent}'.");
        var move = await Project(request.ProjectId).MoveTaskOutAsync(new TaskMoveOrder(WorkIds.New(), request.TaskId, target, request.ParentTaskId, current.UserId()));
        // Null: the target was deleted since the request was validated, and the task went back where it was.
        return await grains.FinishTaskMoveAsync(move) ?? throw RequestValidationException.ForField("toProjectId", $"There is no such project: '{target}'.");
    }

    private IProjectGrain Project(string id) => grains.GetGrain<IProjectGrain>(id);
}
