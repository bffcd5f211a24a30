using Microsoft.Extensions.Options;

namespace Greenlight.Modules.Work.Projects;

[GenerateSerializer, Immutable, Alias("work.new-project")]
public sealed record NewProject(
    [property: Id(0)] string Name, [property: Id(1)] string? Description, [property: Id(2)] string? GroupId, [property: Id(3)] string OwnerId, [property: Id(4)] string? ProgramId, [property: Id(5)] string? PortfolioId, [property: Id(6)] ProjectStatus Status, [property: Id(7)] string CreatedBy);

/// <summary>
/// One grain per project: the project and everything in it, and the one writer of all of it, so every rule
/// (no Complete while something is open, parents that exist, no task under its own subtask, cascading deletes)
/// is checked and applied in one turn and stored in one write. Reads (<see cref="AlwaysInterleaveAttribute"/>)
/// answer from what was last stored, so they never wait for a write in progress.
/// </summary>
[Alias("work.project")]
public partial interface IProjectGrain : IGrainWithStringKey
{
    [Alias("create")]
    Task<ProjectView> CreateAsync(NewProject project);

    /// <summary>Null when the project does not exist.</summary>
    [Alias("find"), AlwaysInterleave]
    Task<ProjectView?> FindAsync();

    /// <summary>Changes the fields given (null: not sent, left as it is).</summary>
    [Alias("edit")]
    Task<ProjectView> EditAsync(Set<string>? name, Set<string?>? description, Set<string?>? groupId, Set<string?>? ownerId);

    /// <summary>Complete is refused (409) while a task, an issue or an approval is open.</summary>
    [Alias("set-status")]
    Task<ProjectView> SetStatusAsync(ProjectStatus status, string userId);

    [Alias("move")]
    Task<ProjectView> MoveAsync(string? programId, string? portfolioId);

    /// <summary>Deletes the project and everything in it (document bytes included).</summary>
    [Alias("delete")]
    Task DeleteAsync(string userId);

    [Alias("open-approval")]
    Task OpenApprovalAsync(string approvalId);

    [Alias("close-approval")]
    Task CloseApprovalAsync(string approvalId);
}

/// <summary>
/// The project's own fields are its grain state; its items are rows of <c>work_items</c>, read when the grain
/// activates and written by the projection of the <see cref="ItemSaved"/> and <see cref="ItemsRemoved"/> messages a
/// change records. So a change stores the project's small state with the items it touched — never the rest —
/// in one write, and the kernel hands the messages on (rows, notices) exactly once in effect, even after a crash.
/// </summary>
[GrainType("work.project")]
public sealed partial class ProjectGrain(TimeProvider clock, WorkItemRows rows, IOptions<GrainOptions> grainOptions) : DurableGrain<ProjectState>, IProjectGrain
{
    /// <summary>The items with the change being written, if one is.</summary>
    private ProjectContents _contents = ProjectContents.Empty;

    /// <summary>What reads answer from: the project and its items as the last write left them.</summary>
    private Committed _committed = new(null, ProjectContents.Empty);

    private sealed record Committed(ProjectView? Project, ProjectContents Contents);

    private string ProjectId => this.GetPrimaryKeyString();

    /// <summary>Runs after the kernel handed on what a previous activation stored and did not hand on, so the rows are complete.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Exists) _contents = await rows.LoadAsync(ProjectId, cancellationToken);
        Publish();
    }

    public async Task<ProjectView> CreateAsync(NewProject project)
    {
        if (State.Exists) throw new ConflictException($"Project '{ProjectId}' already exists.");
        State.Exists = true;
        (State.Name, State.Description, State.GroupId, State.OwnerId) = (project.Name, project.Description, project.GroupId, project.OwnerId);
        (State.ProgramId, State.PortfolioId, State.Status) = (project.ProgramId, project.PortfolioId, project.Status);
        await SaveAsync(_contents, [ProjectRow(), new ProjectCreated(ProjectId, project.Name, project.Status, project.GroupId, project.OwnerId,
            project.ProgramId, project.PortfolioId, project.CreatedBy)]);
        return View();
    }

    public Task<ProjectView?> FindAsync() => Task.FromResult(_committed.Project);

    public async Task<ProjectView> EditAsync(Set<string>? name, Set<string?>? description, Set<string?>? groupId, Set<string?>? ownerId)
    {
        EnsureExists();
        var oldName = State.Name;
        (State.Name, State.Description, State.GroupId) = (name.Or(State.Name), description.Or(State.Description), groupId.Or(State.GroupId));
        State.OwnerId = ownerId.Or(State.OwnerId)!;
        await SaveAsync(_contents, oldName == State.Name ? [ProjectRow()] : [ProjectRow(), new ProjectRenamed(ProjectId, oldName, State.Name)]);
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
        await SaveAsync(_contents, [ProjectRow(), new ProjectStatusChanged(ProjectId, old, status, userId)]);
        return View();
    }

    public async Task<ProjectView> MoveAsync(string? programId, string? portfolioId)
    {
        EnsureExists();
        var (oldProgram, oldPortfolio) = (State.ProgramId, State.PortfolioId);
        (State.ProgramId, State.PortfolioId) = (programId, portfolioId);
        await SaveAsync(_contents, [ProjectRow(), new ProjectMoved(ProjectId, oldProgram, oldPortfolio, programId, portfolioId)]);
        return View();
    }

    public async Task DeleteAsync(string userId)
    {
        EnsureExists();
        var removal = Removal([.. _contents.Refs()], userId);
        State = new ProjectState { Unsent = State.Unsent, SettledMoves = State.SettledMoves };
        await SaveAsync(ProjectContents.Empty,
            [new UnindexRows([ProjectId]), new ObjectDeleted(new ObjectRef(ObjectType.Project, ProjectId), ProjectId, userId), .. removal]);
    }

    public async Task OpenApprovalAsync(string approvalId)
    {
        EnsureExists();
        if (State.OpenApprovals.Add(approvalId)) await SaveAsync(_contents, []);
    }

    public async Task CloseApprovalAsync(string approvalId)
    {
        EnsureExists();
        if (State.OpenApprovals.Remove(approvalId)) await SaveAsync(_contents, []);
    }

    /// <summary>
    /// Stores the change: the project's state with the messages recorded for it (the items it changed and the
    /// notices about them). A failed store write drops this activation (the kernel's rule), so what memory holds
    /// then is never read.
    /// </summary>
    private Task SaveAsync(ProjectContents next, IEnumerable<INotification> changes)
    {
        foreach (var change in changes) Record(change);
        _contents = next;
        State.Revision++;
        return WriteStateAsync();
    }

    /// <summary>
    /// Reads see the change once it is stored, before its notices are handed on: a handler of a notice then reads at
    /// least the change it was told of (also when only handing the messages on fails, as the change is stored then).
    /// </summary>
    protected override void OnStateStored() => Publish();

    /// <summary>Adds or replaces one item, with the notices of the change.</summary>
    private Task SaveItemAsync(string id, WorkItem item, params INotification[] notices) =>
        SaveAsync(_contents.With(id, item), [new ItemSaved(ProjectId, id, item), .. notices]);

    /// <summary>Removes items: their rows, their documents' bytes, and an <see cref="ObjectDeleted"/> for each.</summary>
    private Task RemoveAsync(IReadOnlyCollection<ObjectRef> removed, string userId) =>
        SaveAsync(_contents.Without(removed), Removal(removed, userId));

    private List<INotification> Removal(IReadOnlyCollection<ObjectRef> removed, string userId)
    {
        if (removed.Count == 0) return [];
        var content = removed.Where(r => r.Type == ObjectType.Document)
            .SelectMany(r => _contents.Documents[r.Id].Versions).Select(v => v.ContentId).ToList();
        return
        [
            new ItemsRemoved(ProjectId, [.. removed.Select(r => r.Id)]),
            .. content.Count > 0 ? [new DropContent(content)] : Array.Empty<INotification>(),
            .. removed.Select(item => new ObjectDeleted(item, ProjectId, userId)),
        ];
    }

    private void Publish() => _committed = new Committed(State.Exists ? View() : null, _contents);

    private string Blockers() => string.Join(", ", new[]
    {
        (Count: _contents.OpenTasks, What: "task(s)"), (Count: _contents.OpenIssues, What: "issue(s)"), (Count: State.OpenApprovals.Count, What: "approval(s)"),
    }.Where(b => b.Count > 0).Select(b => $"{b.Count} {b.What} are open"));

    private IndexRow ProjectRow() =>
        new(ObjectType.Project, ProjectId, ProjectId, State.ProgramId ?? State.PortfolioId, State.Name, State.Status.Code());

    private ProjectView View() => new(ProjectId, State.Name, State.Description, State.GroupId, State.OwnerId, State.ProgramId, State.PortfolioId,
        State.Status, State.Status.Code(), _contents.OpenTasks, _contents.OpenIssues, State.OpenApprovals.Count, State.Revision);

    private void EnsureExists()
    {
        if (!State.Exists) throw new NotFoundException($"Project '{ProjectId}'");
    }

    private static T Found<T>(IReadOnlyDictionary<string, T> items, string id, string what) =>
        items.TryGetValue(id, out var item) ? item : throw new NotFoundException($"{what} '{id}'");
}
