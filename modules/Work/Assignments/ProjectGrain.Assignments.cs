namespace Greenlight.Modules.Work.Projects;

public partial interface IProjectGrain
{
    /// <summary>Assigns a task or an issue; false when the assignee already was.</summary>
    [Alias("assign")]
    Task<bool> AssignAsync(ObjectRef item, Assignee assignee, string userId);

    /// <summary>False when the assignee was not.</summary>
    [Alias("unassign")]
    Task<bool> UnassignAsync(ObjectRef item, Assignee assignee, string userId);
}

public sealed partial class ProjectGrain
{
    public async Task<bool> AssignAsync(ObjectRef item, Assignee assignee, string userId)
    {
        var assignable = Assignable(item);
        if (assignable.Assignees.Contains(assignee)) return false;
        await SaveItemAsync(item.Id, assignable.WithAssignees([.. assignable.Assignees, assignee]), new AssignmentAdded(ProjectId, item, assignee, userId));
        return true;
    }

    public async Task<bool> UnassignAsync(ObjectRef item, Assignee assignee, string userId)
    {
        var assignable = Assignable(item);
        if (!assignable.Assignees.Contains(assignee)) return false;
        await SaveItemAsync(item.Id, assignable.WithAssignees([.. assignable.Assignees.Where(a => a != assignee)]),
            new AssignmentRemoved(ProjectId, item, assignee, userId));
        return true;
    }

    private AssignableItem Assignable(ObjectRef item) => item.Type == ObjectType.Task
        ? Found(_contents.Tasks, item.Id, "Task")
        : Found(_contents.Issues, item.Id, "Issue");
}
