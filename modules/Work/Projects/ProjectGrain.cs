namespace Greenlight.Modules.Work.Projects;

[GenerateSerializer, Immutable, Alias("work.new-project")]
public sealed record NewProject(
    [property: Id(0)] string Name, [property: Id(1)] string? Description, [property: Id(2)] string? GroupId, [property: Id(3)] string OwnerId, [property: Id(4)] string? ProgramId, [property: Id(5)] string? PortfolioId, [property: Id(6)] ProjectStatus Status, [property: Id(7)] string CreatedBy);

[GenerateSerializer, Immutable, Alias("work.project-details")]
public sealed record ProjectDetails([property: Id(0)] string Name, [property: Id(1)] string? Description, [property: Id(2)] string? GroupId, [property: Id(3)] string OwnerId);

/// <summary>One grain per project, holding the project and the metadata of everything in it.</summary>
public partial interface IProjectGrain : IGrainWithStringKey
{
    Task<ProjectView> CreateAsync(NewProject project);

    /// <summary>Null when the project does not exist.</summary>
    Task<ProjectView?> FindAsync();

    Task<ProjectView> EditAsync(ProjectDetails details);

    /// <summary>Complete is refused (409) while a task, an issue or an approval is open.</summary>
    Task<ProjectView> SetStatusAsync(ProjectStatus status, string userId);

    Task<ProjectView> MoveAsync(string? programId, string? portfolioId);

    Task DeleteAsync(string userId);

    Task OpenApprovalAsync(string approvalId);

    Task CloseApprovalAsync(string approvalId);
}

[GrainType("work.project")]
public sealed partial class ProjectGrain(TimeProvider clock) : DurableGrain<ProjectState>, IProjectGrain
{
    private string ProjectId => this.GetPrimaryKeyString();

    public async Task<ProjectView> CreateAsync(NewProject project)
    {
        if (State.Exists) throw new ConflictException($"Project '{ProjectId}' already exists.");
        State = new ProjectState
        {
            Exists = true, Name = project.Name, Description = project.Description, GroupId = project.GroupId, OwnerId = project.OwnerId,
            ProgramId = project.ProgramId, PortfolioId = project.PortfolioId, Status = project.Status,
        };
        await SaveAsync(ProjectRow(), new ProjectCreated(ProjectId, project.Name, project.Status, project.GroupId, project.OwnerId,
            project.ProgramId, project.PortfolioId, project.CreatedBy));
        return View();
    }

    public Task<ProjectView?> FindAsync() => Task.FromResult(State.Exists ? View() : null);

    public async Task<ProjectView> EditAsync(ProjectDetails details)
    {
        EnsureExists();
        var oldName = State.Name;
        (State.Name, State.Description, State.GroupId, State.OwnerId) = (details.Name, details.Description, details.GroupId, details.OwnerId);
        await SaveAsync([ProjectRow(), .. Renamed(oldName)]);
        return View();
    }

    public async Task<ProjectView> SetStatusAsync(ProjectStatus status, string userId)
    {
        EnsureExists();
        var old = State.Status;
        if (old == status) return View();
        if (status == ProjectStatus.Complete && Blockers() is { Length: > 0 } blockers)
            throw new ConflictException($"Project '{ProjectId}' cannot be completed while {blockers}.");
        State.Status = status;
        await SaveAsync(ProjectRow(), new ProjectStatusChanged(ProjectId, old, status, userId));
        return View();
    }

    public async Task<ProjectView> MoveAsync(string? programId, string? portfolioId)
    {
        EnsureExists();
        var (oldProgram, oldPortfolio) = (State.ProgramId, State.PortfolioId);
        (State.ProgramId, State.PortfolioId) = (programId, portfolioId);
        await SaveAsync(ProjectRow(), new ProjectMoved(ProjectId, oldProgram, oldPortfolio, programId, portfolioId));
        return View();
    }

    public async Task DeleteAsync(string userId)
    {
        EnsureExists();
        List<ObjectRef> removed =
        [
            new(ObjectType.Project, ProjectId),
            .. Refs(ObjectType.Task, State.Tasks.Keys), .. Refs(ObjectType.Issue, State.Issues.Keys),
            .. Refs(ObjectType.DocumentFolder, State.Folders.Keys), .. Refs(ObjectType.Document, State.Documents.Keys),
        ];
        var content = State.Documents.Values.SelectMany(d => d.Versions).Select(v => v.ContentId).ToList();
        foreach (var change in Removed(removed, content, userId)) Record(change);
        await ClearStateAsync();
    }

    public async Task OpenApprovalAsync(string approvalId)
    {
        EnsureExists();
        if (State.OpenApprovals.Add(approvalId)) await SaveAsync();
    }

    public async Task CloseApprovalAsync(string approvalId)
    {
        EnsureExists();
        if (State.OpenApprovals.Remove(approvalId)) await SaveAsync();
    }

    private string Blockers() => string.Join(", ", new[]
    {
        (Count: OpenTasks(), What: "task(s)"), (Count: OpenIssues(), What: "issue(s)"), (Count: State.OpenApprovals.Count, What: "approval(s)"),
    }.Where(b => b.Count > 0).Select(b => $"{b.Count} {b.What} are open"));

    private int OpenTasks() => State.Tasks.Values.Count(t => t.Status != WorkTaskStatus.Complete);

    private int OpenIssues() => State.Issues.Values.Count(i => i.Status != IssueStatus.Resolved);

    private IEnumerable<INotification> Renamed(string oldName) =>
        oldName == State.Name ? [] : [new ProjectRenamed(ProjectId, oldName, State.Name)];

    private IndexRow ProjectRow() =>
        new(ObjectType.Project, ProjectId, ProjectId, State.ProgramId ?? State.PortfolioId, State.Name, State.Status.Code());

    private ProjectView View() => new(ProjectId, State.Name, State.Description, State.GroupId, State.OwnerId, State.ProgramId, State.PortfolioId,
        State.Status, State.Status.Code(), OpenTasks(), OpenIssues(), State.OpenApprovals.Count);

    private void EnsureExists()
    {
        if (!State.Exists) throw new NotFoundException($"Project '{ProjectId}'");
    }

    private static T Found<T>(Dictionary<string, T> items, string id, string what) =>
        items.TryGetValue(id, out var item) ? item : throw new NotFoundException($"{what} '{id}'");

    private static IEnumerable<ObjectRef> Refs(ObjectType type, IEnumerable<string> ids) => ids.Select(id => new ObjectRef(type, id));

    /// <summary>Rows, bytes and the ObjectDeleted notices of removed objects.</summary>
    private IEnumerable<INotification> Removed(IReadOnlyCollection<ObjectRef> removed, IReadOnlyCollection<string> content, string userId) =>
    [
        new UnindexRows(removed.Select(r => r.Id).ToList()),
        new DropContent(content),
        .. removed.Select(r => new ObjectDeleted(r, ProjectId, userId)),
    ];

    /// <summary>Writes the state with the changes; a failed write drops this activation so the next call reads afresh.</summary>
    private Task SaveAsync(params INotification[] changes)
    {
        foreach (var change in changes) Record(change);
        return WriteStateAsync();
    }
}
