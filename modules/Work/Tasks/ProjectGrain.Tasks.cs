namespace Greenlight.Modules.Work.Projects;

[GenerateSerializer, Immutable, Alias("work.new-task")]
public sealed record NewTask(
    [property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? Description, [property: Id(3)] string? ParentTaskId, [property: Id(4)] DateOnly? PlannedStart, [property: Id(5)] DateOnly? PlannedEnd, [property: Id(6)] string CreatedBy);

public partial interface IProjectGrain
{
    [Alias("add-task")]
    Task<TaskView> AddTaskAsync(NewTask task);

    [Alias("find-task"), AlwaysInterleave]
    Task<TaskView?> FindTaskAsync(string taskId);

    /// <summary>The tasks among those named that exist, in the order named: one call for a page listing many.</summary>
    [Alias("find-tasks"), AlwaysInterleave]
    Task<IReadOnlyList<TaskView>> FindTasksAsync(IReadOnlyList<string> taskIds);

    /// <summary>
    /// Changes the fields given (null: not sent, left as it is). The planned end may not come before the planned start,
    /// as the task has them after the edit (400 naming the date sent).
    /// </summary>
    [Alias("edit-task")]
    Task<TaskView> EditTaskAsync(string taskId, Set<string>? name, Set<string?>? description, Set<DateOnly?>? plannedStart, Set<DateOnly?>? plannedEnd);

    [Alias("set-task-status")]
    Task<TaskView> SetTaskStatusAsync(string taskId, WorkTaskStatus status, string userId);

    /// <summary>Under another task of this project, or at its top level (null).</summary>
    [Alias("move-task")]
    Task<TaskView> MoveTaskAsync(string taskId, string? newParentTaskId);

    /// <summary>Deletes the task, its subtasks and their issues.</summary>
    [Alias("delete-task")]
    Task DeleteTaskAsync(string taskId, string userId);
}

public sealed partial class ProjectGrain
{
    public async Task<TaskView> AddTaskAsync(NewTask task)
    {
        EnsureExists();
        if (task.ParentTaskId is { } parent) Found(_contents.Tasks, parent, "Parent task");
        var created = new WorkTask(task.Name, task.Description, [], WorkTaskStatus.New, task.ParentTaskId, task.PlannedStart, task.PlannedEnd, null);
        await SaveItemAsync(task.Id, created, new TaskCreated(ProjectId, task.Id, task.Name, task.ParentTaskId, task.CreatedBy));
        return TaskView(task.Id, created);
    }

    public Task<TaskView?> FindTaskAsync(string taskId) =>
        Task.FromResult(_committed.Contents.Tasks.TryGetValue(taskId, out var task) ? TaskView(taskId, task) : null);

    public Task<IReadOnlyList<TaskView>> FindTasksAsync(IReadOnlyList<string> taskIds)
    {
        var tasks = _committed.Contents.Tasks;
        return Task.FromResult<IReadOnlyList<TaskView>>([.. taskIds.Where(tasks.ContainsKey).Select(id => TaskView(id, tasks[id]))]);
    }

    public async Task<TaskView> EditTaskAsync(string taskId, Set<string>? name, Set<string?>? description, Set<DateOnly?>? plannedStart, Set<DateOnly?>? plannedEnd)
    {
        var task = Found(_contents.Tasks, taskId, "Task");
        var edited = task with
        {
            Name = name.Or(task.Name), Description = description.Or(task.Description),
            PlannedStart = plannedStart.Or(task.PlannedStart), PlannedEnd = plannedEnd.Or(task.PlannedEnd),
        };
        if (edited.PlannedEnd < edited.PlannedStart)
            throw RequestValidationException.ForField(plannedEnd is null ? "plannedStart" : "plannedEnd", "The planned end may not come before the planned start.");
        await SaveItemAsync(taskId, edited, task.Name == edited.Name ? [] : [new TaskRenamed(ProjectId, taskId, task.Name, edited.Name)]);
        return TaskView(taskId, edited);
    }

    public async Task<TaskView> SetTaskStatusAsync(string taskId, WorkTaskStatus status, string userId)
    {
        var task = Found(_contents.Tasks, taskId, "Task");
        if (task.Status == status) return TaskView(taskId, task);
        var changed = task with { Status = status, CompletedAt = status == WorkTaskStatus.Complete ? clock.GetUtcNow() : null };
        INotification[] notices = status == WorkTaskStatus.Complete
            ? [new TaskStatusChanged(ProjectId, taskId, task.Status, status, userId), new TaskCompleted(ProjectId, taskId, userId)]
            : [new TaskStatusChanged(ProjectId, taskId, task.Status, status, userId)];
        await SaveItemAsync(taskId, changed, notices);
        return TaskView(taskId, changed);
    }

    public async Task<TaskView> MoveTaskAsync(string taskId, string? newParentTaskId)
    {
        var task = Found(_contents.Tasks, taskId, "Task");
        if (newParentTaskId is not null)
        {
            Found(_contents.Tasks, newParentTaskId, "Parent task");
            if (_contents.IsWithin(newParentTaskId, taskId))
                throw RequestValidationException.ForField("parentTaskId", "A task cannot be moved under itself or one of its subtasks.");
        }
        var moved = task with { ParentTaskId = newParentTaskId };
        await SaveItemAsync(taskId, moved, new ObjectMoved(
            new ObjectRef(ObjectType.Task, taskId), ProjectId, TaskParent(ProjectId, task.ParentTaskId), ProjectId, TaskParent(ProjectId, newParentTaskId)));
        return TaskView(taskId, moved);
    }

    public async Task DeleteTaskAsync(string taskId, string userId)
    {
        Found(_contents.Tasks, taskId, "Task");
        var (tasks, issues) = TaskWithSubtasks(taskId);
        await RemoveAsync([.. ProjectContents.Refs(ObjectType.Task, tasks), .. ProjectContents.Refs(ObjectType.Issue, issues)], userId);
    }

    /// <summary>The task, every task below it, and the issues of all of them.</summary>
    private (IReadOnlyList<string> Tasks, IReadOnlyList<string> Issues) TaskWithSubtasks(string taskId)
    {
        var tasks = _contents.Subtasks(taskId);
        var within = tasks.ToHashSet();
        return (tasks, [.. _contents.Issues.Where(i => i.Value.TaskId is { } t && within.Contains(t)).Select(i => i.Key)]);
    }

    private static ObjectRef TaskParent(string projectId, string? parentTaskId) =>
        parentTaskId is null ? new ObjectRef(ObjectType.Project, projectId) : new ObjectRef(ObjectType.Task, parentTaskId);

    private TaskView TaskView(string id, WorkTask t) =>
        new(ProjectId, id, t.Name, t.Description, t.Status, t.ParentTaskId, t.PlannedStart, t.PlannedEnd, t.Assignees, t.CompletedAt);
}
