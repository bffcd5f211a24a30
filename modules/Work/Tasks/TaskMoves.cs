namespace Greenlight.Modules.Work.Projects;

// Moving a task to another project takes two grain writes: the source takes the task (with its subtasks and
// their issues) out, then the target takes it in. The source records the move with its write, so a crash in
// between leaves a message that finishes the move: the outbox delivers it to FinishTaskMove until the target
// took the task in, or — only when the target project is gone — the source took it back. Every step may run
// twice (the request and the outbox race, or a step is retried) and changes nothing the second time.

/// <summary>What a move between projects takes out of the source: the task, its subtasks and their issues.</summary>
/// <param name="NewParentTaskId">The task of the target to put it under; null for the target's top level.</param>
[GenerateSerializer, Immutable, Alias("work.task-moved-out")]
public sealed record TaskMovedOut(
    [property: Id(0)] string MoveId, [property: Id(1)] string SourceProjectId, [property: Id(2)] string TargetProjectId, [property: Id(3)] string TaskId,
    [property: Id(4)] string? OldParentTaskId, [property: Id(5)] string? NewParentTaskId,
    [property: Id(6)] IReadOnlyDictionary<string, WorkTask> Tasks, [property: Id(7)] IReadOnlyDictionary<string, WorkIssue> Issues,
    [property: Id(8)] string MovedBy) : INotification;

[GenerateSerializer, Immutable, Alias("work.task-move-order")]
public sealed record TaskMoveOrder(
    [property: Id(0)] string MoveId, [property: Id(1)] string TaskId, [property: Id(2)] string TargetProjectId, [property: Id(3)] string? NewParentTaskId,
    [property: Id(4)] string MovedBy);

public partial interface IProjectGrain
{
    /// <summary>The first step of a move to another project: takes the task, its subtasks and their issues out of this one.</summary>
    [Alias("move-task-out")]
    Task<TaskMovedOut> MoveTaskOutAsync(TaskMoveOrder order);

    /// <summary>
    /// The second step: takes the moved task in, under the task named by the move or, if that task is gone
    /// meanwhile, at the top level. Null when this project does not exist (the source then takes the task back).
    /// </summary>
    [Alias("move-task-in")]
    Task<TaskView?> MoveTaskInAsync(TaskMovedOut move);

    /// <summary>Puts back what a move took out of this project, when its target turned out to be gone.</summary>
    [Alias("take-task-back")]
    Task TakeTaskBackAsync(TaskMovedOut move);
}

public sealed partial class ProjectGrain
{
    public async Task<TaskMovedOut> MoveTaskOutAsync(TaskMoveOrder order)
    {
        var task = Found(_contents.Tasks, order.TaskId, "Task");
        var (tasks, issues) = TaskWithSubtasks(order.TaskId);
        var move = new TaskMovedOut(order.MoveId, ProjectId, order.TargetProjectId, order.TaskId, task.ParentTaskId, order.NewParentTaskId,
            tasks.ToDictionary(id => id, id => _contents.Tasks[id]), issues.ToDictionary(id => id, id => _contents.Issues[id]), order.MovedBy);
        List<ObjectRef> removed = [.. ProjectContents.Refs(ObjectType.Task, tasks), .. ProjectContents.Refs(ObjectType.Issue, issues)];
        await SaveAsync(_contents.Without(removed), [new ItemsRemoved(ProjectId, [.. tasks, .. issues]), move]);
        return move;
    }

    public async Task<TaskView?> MoveTaskInAsync(TaskMovedOut move)
    {
        if (State.SettledMoves.ContainsKey(move.MoveId))
            return TaskView(move.TaskId, _contents.Tasks.GetValueOrDefault(move.TaskId) ?? move.Tasks[move.TaskId]);
        if (!State.Exists) return null;
        var parent = move.NewParentTaskId is { } id && _contents.Tasks.ContainsKey(id) ? id : null;
        await SettleAsync(move, parent, new ObjectMoved(new ObjectRef(ObjectType.Task, move.TaskId),
            move.SourceProjectId, TaskParent(move.SourceProjectId, move.OldParentTaskId), ProjectId, TaskParent(ProjectId, parent)));
        return TaskView(move.TaskId, _contents.Tasks[move.TaskId]);
    }

    public async Task TakeTaskBackAsync(TaskMovedOut move)
    {
        // A project deleted meanwhile took its items with it.
        if (State.SettledMoves.ContainsKey(move.MoveId) || !State.Exists) return;
        var parent = move.OldParentTaskId is { } id && _contents.Tasks.ContainsKey(id) ? id : null;
        await SettleAsync(move, parent);
    }

    /// <summary>Adds the moved items (the moved task under <paramref name="parentTaskId"/>) and remembers the move as settled here.</summary>
    private Task SettleAsync(TaskMovedOut move, string? parentTaskId, params INotification[] notices)
    {
        var now = clock.GetUtcNow();
        foreach (var old in State.SettledMoves.Where(m => m.Value < now - grainOptions.Value.HandedOnRetention).Select(m => m.Key).ToList())
            State.SettledMoves.Remove(old);
        State.SettledMoves[move.MoveId] = now;
        List<(string Id, WorkItem Item)> items =
        [
            .. move.Tasks.Select(t => (t.Key, (WorkItem)(t.Key == move.TaskId ? t.Value with { ParentTaskId = parentTaskId } : t.Value))),
            .. move.Issues.Select(i => (i.Key, (WorkItem)i.Value)),
        ];
        return SaveAsync(items.Aggregate(_contents, (contents, item) => contents.With(item.Id, item.Item)),
            [.. items.Select(item => new ItemSaved(ProjectId, item.Id, item.Item)), .. notices]);
    }
}

internal static class TaskMoves
{
    /// <summary>The second step of a move (idempotent): the task as the target now holds it, or null when the target is gone and the source took it back.</summary>
    public static async Task<TaskView?> FinishTaskMoveAsync(this IGrainFactory grains, TaskMovedOut move)
    {
        if (await grains.GetGrain<IProjectGrain>(move.TargetProjectId).MoveTaskInAsync(move) is { } moved) return moved;
        await grains.GetGrain<IProjectGrain>(move.SourceProjectId).TakeTaskBackAsync(move);
        return null;
    }
}

/// <summary>Finishes a move whose request did not (the process died after the source's write); a move already finished changes nothing.</summary>
internal sealed class FinishTaskMove(IGrainFactory grains) : INotificationHandler<TaskMovedOut>
{
    public Task Handle(TaskMovedOut move, CancellationToken cancellationToken) => grains.FinishTaskMoveAsync(move);
}
