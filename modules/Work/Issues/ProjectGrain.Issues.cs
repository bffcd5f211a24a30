namespace Greenlight.Modules.Work.Projects;

[GenerateSerializer, Immutable, Alias("work.new-issue")]
public sealed record NewIssue([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? Description, [property: Id(3)] string? TaskId, [property: Id(4)] string CreatedBy);

public partial interface IProjectGrain
{
    [Alias("add-issue")]
    Task<IssueView> AddIssueAsync(NewIssue issue);

    [Alias("find-issue"), AlwaysInterleave]
    Task<IssueView?> FindIssueAsync(string issueId);

    /// <summary>Changes the fields given (null: not sent, left as it is).</summary>
    [Alias("edit-issue")]
    Task<IssueView> EditIssueAsync(string issueId, Set<string>? name, Set<string?>? description);

    [Alias("set-issue-status")]
    Task<IssueView> SetIssueStatusAsync(string issueId, IssueStatus status, string userId);

    /// <summary>About another task of this project, or about the project itself (null).</summary>
    [Alias("move-issue")]
    Task<IssueView> MoveIssueAsync(string issueId, string? taskId);

    [Alias("delete-issue")]
    Task DeleteIssueAsync(string issueId, string userId);
}

public sealed partial class ProjectGrain
{
    public async Task<IssueView> AddIssueAsync(NewIssue issue)
    {
        EnsureExists();
        if (issue.TaskId is { } taskId) Found(_contents.Tasks, taskId, "Task");
        var created = new WorkIssue(issue.Name, issue.Description, [], IssueStatus.New, issue.TaskId);
        await SaveItemAsync(issue.Id, created, new IssueCreated(ProjectId, issue.Id, issue.Name, issue.TaskId, issue.CreatedBy));
        return IssueView(issue.Id, created);
    }

    public Task<IssueView?> FindIssueAsync(string issueId) =>
        Task.FromResult(_committed.Contents.Issues.TryGetValue(issueId, out var issue) ? IssueView(issueId, issue) : null);

    public async Task<IssueView> EditIssueAsync(string issueId, Set<string>? name, Set<string?>? description)
    {
        var issue = Found(_contents.Issues, issueId, "Issue");
        var edited = issue with { Name = name.Or(issue.Name), Description = description.Or(issue.Description) };
        await SaveItemAsync(issueId, edited);
        return IssueView(issueId, edited);
    }

    public async Task<IssueView> SetIssueStatusAsync(string issueId, IssueStatus status, string userId)
    {
        var issue = Found(_contents.Issues, issueId, "Issue");
        if (issue.Status == status) return IssueView(issueId, issue);
        var changed = issue with { Status = status };
        await SaveItemAsync(issueId, changed, new IssueStatusChanged(ProjectId, issueId, issue.Status, status, userId));
        return IssueView(issueId, changed);
    }

    public async Task<IssueView> MoveIssueAsync(string issueId, string? taskId)
    {
        var issue = Found(_contents.Issues, issueId, "Issue");
        if (taskId is not null) Found(_contents.Tasks, taskId, "Task");
        var moved = issue with { TaskId = taskId };
        await SaveItemAsync(issueId, moved, new ObjectMoved(
            new ObjectRef(ObjectType.Issue, issueId), ProjectId, TaskParent(ProjectId, issue.TaskId), ProjectId, TaskParent(ProjectId, taskId)));
        return IssueView(issueId, moved);
    }

    public async Task DeleteIssueAsync(string issueId, string userId)
    {
        Found(_contents.Issues, issueId, "Issue");
        await RemoveAsync([new ObjectRef(ObjectType.Issue, issueId)], userId);
    }

    private IssueView IssueView(string id, WorkIssue i) => new(ProjectId, id, i.Name, i.Description, i.Status, i.TaskId, i.Assignees);
}
