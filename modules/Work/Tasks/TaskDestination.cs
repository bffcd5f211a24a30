namespace Greenlight.Modules.Work.Tasks;

/// <summary>Where the console's move form sends a task, as one form value: "project/parent task", the parent empty for the top level.</summary>
public static class TaskDestination
{
    public static string Format(string projectId, string? parentTaskId) => $"{projectId}/{parentTaskId}";

    public static (string ProjectId, string? ParentTaskId) Parse(string destination)
    {
        var parts = destination.Split('/', 2);
        return (parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null);
    }

    /// <summary>The task and every task beneath it: places a task cannot move to.</summary>
    public static HashSet<string> SelfAndBeneath(string taskId, IReadOnlyList<WorkObjectSummary> tasks)
    {
        var beneath = new HashSet<string> { taskId };
        var children = tasks.ToLookup(t => t.ParentId);
        var pending = new Queue<string>([taskId]);
        while (pending.TryDequeue(out var parent))
            foreach (var child in children[parent])
                if (beneath.Add(child.Id)) pending.Enqueue(child.Id);
        return beneath;
    }
}
