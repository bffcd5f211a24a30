namespace Greenlight.Modules.Work.Projects;

[GenerateSerializer, Immutable, Alias("work.new-task")]
public sealed record NewTask(
    [property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? Description, [property: Id(3)] string? ParentTaskId, [property: Id(4)] DateOnly? PlannedStart, [property: Id(5)] DateOnly? PlannedEnd, [property: Id(6)] string CreatedBy);

[GenerateSerializer, Immutable, Alias("work.task-details")]
public sealed record TaskDetails([property: Id(0)] string Name, [property: Id(1)] string? Description, [property: Id(2)] DateOnly? PlannedStart, [property: Id(3)] DateOnly? PlannedEnd);

[GenerateSerializer, Immutable, Alias("work.new-issue")]
public sealed record NewIssue([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? Description, [property: Id(3)] string? TaskId, [property: Id(4)] string CreatedBy);

/// <summary>A task with its subtasks and their issues, on its way from one project to another.</summary>
[GenerateSerializer, Immutable, Alias("work.task-subtree")]
public sealed record TaskSubtree([property: Id(0)] string RootId, [property: Id(1)] string? OldParentTaskId, [property: Id(2)] IReadOnlyDictionary<string, TaskState> Tasks, [property: Id(3)] IReadOnlyDictionary<string, IssueState> Issues);

public partial interface IProjectGrain
{
    Task<TaskView> AddTaskAsync(NewTask task);

    Task<TaskView?> FindTaskAsync(string taskId);

    Task<TaskView> EditTaskAsync(string taskId, TaskDetails details, string userId);

    Task<TaskView> SetTaskStatusAsync(string taskId, WorkTaskStatus status, string userId);

    /// <summary>Under another task of this project, or at its top level (null).</summary>
    Task<TaskView> MoveTaskAsync(string taskId, string? newParentTaskId, string userId);

    /// <summary>Removes the task, its subtasks and their issues from this project, for <see cref="AdoptTaskAsync"/> on another.</summary>
    Task<TaskSubtree> DetachTaskAsync(string taskId);

    Task<TaskView> AdoptTaskAsync(TaskSubtree subtree, string fromProjectId, string? parentTaskId, string userId);

    Task DeleteTaskAsync(string taskId, string userId);

    Task<IssueView> AddIssueAsync(NewIssue issue);

    Task<IssueView?> FindIssueAsync(string issueId);

    Task<IssueView> EditIssueAsync(string issueId, string name, string? description);

    Task<IssueView> SetIssueStatusAsync(string issueId, IssueStatus status, string userId);

    Task DeleteIssueAsync(string issueId, string userId);

    /// <summary>False when the assignee already was.</summary>
    Task<bool> AssignAsync(ObjectRef item, Assignee assignee, string userId);

    /// <summary>False when the assignee was not.</summary>
    Task<bool> UnassignAsync(ObjectRef item, Assignee assignee, string userId);
}

public sealed partial class ProjectGrain
{
    public async Task<TaskView> AddTaskAsync(NewTask task)
    {
        EnsureExists();
        if (task.ParentTaskId is { } parent) Found(State.Tasks, parent, "Parent task");
        var state = new TaskState
        {
            Name = task.Name, Description = task.Description, ParentTaskId = task.ParentTaskId,
            PlannedStart = task.PlannedStart, PlannedEnd = task.PlannedEnd,
        };
        State.Tasks.Add(task.Id, state);
        await SaveAsync(TaskRow(task.Id, state), ProjectRow(), new TaskCreated(ProjectId, task.Id, task.Name, task.ParentTaskId, task.CreatedBy));
        return TaskView(task.Id, state);
    }

    public Task<TaskView?> FindTaskAsync(string taskId) =>
        Task.FromResult(State.Tasks.TryGetValue(taskId, out var task) ? TaskView(taskId, task) : null);

    public async Task<TaskView> EditTaskAsync(string taskId, TaskDetails details, string userId)
    {
        var task = Found(State.Tasks, taskId, "Task");
        var oldName = task.Name;
        (task.Name, task.Description, task.PlannedStart, task.PlannedEnd) = (details.Name, details.Description, details.PlannedStart, details.PlannedEnd);
        await SaveAsync(oldName == task.Name
            ? [TaskRow(taskId, task)]
            : [TaskRow(taskId, task), new TaskRenamed(ProjectId, taskId, oldName, task.Name)]);
        return TaskView(taskId, task);
    }

    public async Task<TaskView> SetTaskStatusAsync(string taskId, WorkTaskStatus status, string userId)
    {
        var task = Found(State.Tasks, taskId, "Task");
        var old = task.Status;
        if (old == status) return TaskView(taskId, task);
        task.Status = status;
        task.CompletedAt = status == WorkTaskStatus.Complete ? clock.GetUtcNow() : null;
        List<INotification> changes = [TaskRow(taskId, task), ProjectRow(), new TaskStatusChanged(ProjectId, taskId, old, status, userId)];
        if (status == WorkTaskStatus.Complete) changes.Add(new TaskCompleted(ProjectId, taskId, userId));
        await SaveAsync([.. changes]);
        return TaskView(taskId, task);
    }

    public async Task<TaskView> MoveTaskAsync(string taskId, string? newParentTaskId, string userId)
    {
        var task = Found(State.Tasks, taskId, "Task");
        EnsureCanHold(taskId, newParentTaskId);
        var oldParent = TaskParent(ProjectId, task.ParentTaskId);
        task.ParentTaskId = newParentTaskId;
        await SaveAsync(TaskRow(taskId, task), new ObjectMoved(
            new ObjectRef(ObjectType.Task, taskId), ProjectId, oldParent, ProjectId, TaskParent(ProjectId, newParentTaskId)));
        return TaskView(taskId, task);
    }

    public async Task<TaskSubtree> DetachTaskAsync(string taskId)
    {
        var root = Found(State.Tasks, taskId, "Task");
        var tasks = Subtasks(taskId).ToDictionary(id => id, id => State.Tasks[id]);
        var issues = State.Issues.Where(i => i.Value.TaskId is { } t && tasks.ContainsKey(t)).ToDictionary();
        foreach (var id in tasks.Keys) State.Tasks.Remove(id);
        foreach (var id in issues.Keys) State.Issues.Remove(id);
        await SaveAsync(ProjectRow());
        return new TaskSubtree(taskId, root.ParentTaskId, tasks, issues);
    }

    public async Task<TaskView> AdoptTaskAsync(TaskSubtree subtree, string fromProjectId, string? parentTaskId, string userId)
    {
        EnsureExists();
        if (parentTaskId is not null) Found(State.Tasks, parentTaskId, "Parent task");
        foreach (var (id, task) in subtree.Tasks) State.Tasks[id] = task;
        foreach (var (id, issue) in subtree.Issues) State.Issues[id] = issue;
        var root = State.Tasks[subtree.RootId];
        root.ParentTaskId = parentTaskId;
        await SaveAsync(
        [
            ProjectRow(),
            .. subtree.Tasks.Select(t => TaskRow(t.Key, t.Value)),
            .. subtree.Issues.Select(i => IssueRow(i.Key, i.Value)),
            new ObjectMoved(new ObjectRef(ObjectType.Task, subtree.RootId),
                fromProjectId, TaskParent(fromProjectId, subtree.OldParentTaskId), ProjectId, TaskParent(ProjectId, parentTaskId)),
        ]);
        return TaskView(subtree.RootId, root);
    }

    public async Task DeleteTaskAsync(string taskId, string userId)
    {
        Found(State.Tasks, taskId, "Task");
        var tasks = Subtasks(taskId).ToList();
        var issues = State.Issues.Where(i => i.Value.TaskId is { } t && tasks.Contains(t)).Select(i => i.Key).ToList();
        tasks.ForEach(id => State.Tasks.Remove(id));
        issues.ForEach(id => State.Issues.Remove(id));
        await SaveAsync([ProjectRow(), .. Removed([.. Refs(ObjectType.Task, tasks), .. Refs(ObjectType.Issue, issues)], [], userId)]);
    }

    public async Task<IssueView> AddIssueAsync(NewIssue issue)
    {
        EnsureExists();
        if (issue.TaskId is { } taskId) Found(State.Tasks, taskId, "Task");
        var state = new IssueState { Name = issue.Name, Description = issue.Description, TaskId = issue.TaskId };
        State.Issues.Add(issue.Id, state);
        await SaveAsync(IssueRow(issue.Id, state), ProjectRow(), new IssueCreated(ProjectId, issue.Id, issue.Name, issue.TaskId, issue.CreatedBy));
        return IssueView(issue.Id, state);
    }

    public Task<IssueView?> FindIssueAsync(string issueId) =>
        Task.FromResult(State.Issues.TryGetValue(issueId, out var issue) ? IssueView(issueId, issue) : null);

    public async Task<IssueView> EditIssueAsync(string issueId, string name, string? description)
    {
        var issue = Found(State.Issues, issueId, "Issue");
        (issue.Name, issue.Description) = (name, description);
        await SaveAsync(IssueRow(issueId, issue));
        return IssueView(issueId, issue);
    }

    public async Task<IssueView> SetIssueStatusAsync(string issueId, IssueStatus status, string userId)
    {
        var issue = Found(State.Issues, issueId, "Issue");
        var old = issue.Status;
        if (old == status) return IssueView(issueId, issue);
        issue.Status = status;
        await SaveAsync(IssueRow(issueId, issue), ProjectRow(), new IssueStatusChanged(ProjectId, issueId, old, status, userId));
        return IssueView(issueId, issue);
    }

    public async Task DeleteIssueAsync(string issueId, string userId)
    {
        Found(State.Issues, issueId, "Issue");
        State.Issues.Remove(issueId);
        await SaveAsync([ProjectRow(), .. Removed([new ObjectRef(ObjectType.Issue, issueId)], [], userId)]);
    }

    public async Task<bool> AssignAsync(ObjectRef item, Assignee assignee, string userId)
    {
        var assignees = Assignable(item).Assignees;
        if (assignees.Contains(assignee)) return false;
        assignees.Add(assignee);
        await SaveAsync(new AssignmentAdded(ProjectId, item, assignee, userId));
        return true;
    }

    public async Task<bool> UnassignAsync(ObjectRef item, Assignee assignee, string userId)
    {
        if (!Assignable(item).Assignees.Remove(assignee)) return false;
        await SaveAsync(new AssignmentRemoved(ProjectId, item, assignee, userId));
        return true;
    }

    private WorkItemState Assignable(ObjectRef item) => item.Type == ObjectType.Task
        ? Found(State.Tasks, item.Id, "Task")
        : Found(State.Issues, item.Id, "Issue");

    /// <summary>The task and every task below it.</summary>
    private IEnumerable<string> Subtasks(string taskId) =>
        State.Tasks.Where(t => t.Value.ParentTaskId == taskId).SelectMany(t => Subtasks(t.Key)).Prepend(taskId);

    /// <summary>A task may not sit under itself or one of its own subtasks.</summary>
    private void EnsureCanHold(string taskId, string? newParentTaskId)
    {
        if (newParentTaskId is null) return;
        Found(State.Tasks, newParentTaskId, "Parent task");
        if (Subtasks(taskId).Contains(newParentTaskId))
            throw RequestValidationException.ForField("parentTaskId", "A task cannot be moved under itself or one of its subtasks.");
    }

    private static ObjectRef TaskParent(string projectId, string? parentTaskId) =>
        parentTaskId is null ? new ObjectRef(ObjectType.Project, projectId) : new ObjectRef(ObjectType.Task, parentTaskId);

    private IndexRow TaskRow(string id, TaskState task) => new(ObjectType.Task, id, ProjectId, task.ParentTaskId, task.Name, task.Status.ToString());

    private IndexRow IssueRow(string id, IssueState issue) => new(ObjectType.Issue, id, ProjectId, issue.TaskId, issue.Name, issue.Status.ToString());

    private TaskView TaskView(string id, TaskState t) =>
        new(ProjectId, id, t.Name, t.Description, t.Status, t.ParentTaskId, t.PlannedStart, t.PlannedEnd, [.. t.Assignees], t.CompletedAt);

    private IssueView IssueView(string id, IssueState i) => new(ProjectId, id, i.Name, i.Description, i.Status, i.TaskId, [.. i.Assignees]);
}
