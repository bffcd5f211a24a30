using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Greenlight.Modules.FrameConnector.Mirror;

/// <param name="Revision">The project's revision the values were read at (<see cref="ProjectView.Revision"/>): an older read never replaces a newer one.</param>
[GenerateSerializer, Immutable, Alias("frameconnector.tracked-project")]
public sealed record TrackedProject([property: Id(0)] string Name, [property: Id(1)] string? GroupId, [property: Id(2)] ProjectStatus Status, [property: Id(3)] string OwnerId,
    [property: Id(4)] long Revision = 0);

/// <summary>Frame.io-enabled users assigned to the task <paramref name="TaskId"/> (named <paramref name="TaskName"/>), or with no task to an issue of the project.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.assigned-work")]
public sealed record AssignedWork([property: Id(0)] string? TaskId, [property: Id(1)] string? TaskName, [property: Id(2)] IReadOnlyList<MemberCandidate> Members);

/// <summary>A document of the project as it is now: in which folder, under which name, with how many versions.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.tracked-document")]
public sealed record TrackedDocument([property: Id(0)] string DocumentId, [property: Id(1)] string? FolderId, [property: Id(2)] string Name, [property: Id(3)] int Versions);

[GenerateSerializer, Immutable, Alias("frameconnector.parked-step")]
public sealed record ParkedStep([property: Id(0)] string Step, [property: Id(1)] string Error);

/// <param name="ProjectShareFolderId">The project's "Share with Frame.io" folder here (made with the mirror): its documents go to <paramref name="ShareFolderId"/> in Frame.io.</param>
/// <param name="AwaitingInvite">Flagged users (Greenlight id → e-mail) that no active user of the Frame.io account matches: invite them there, then retry the sync.</param>
/// <param name="AwaitingRemovalFromAccount">
/// Deactivated users (Greenlight id → Frame.io user id) still in the Frame.io account: no documented call removes them,
/// so an administrator does it in Frame.io, then retries the sync (unless <see cref="FrameConnectorOptions.UseAssumedCalls"/>).
/// </param>
[GenerateSerializer, Immutable, Alias("frameconnector.mirror-view")]
public sealed record MirrorView(
    [property: Id(0)] string? ConnectionKey, [property: Id(1)] string? NotConnectedReason, [property: Id(2)] string? FrameioProjectId, [property: Id(3)] string? ShareFolderId,
    [property: Id(4)] IReadOnlyDictionary<string, string> TaskFolders, [property: Id(5)] IReadOnlyDictionary<string, string> Members, [property: Id(6)] IReadOnlyDictionary<string, string> Uploads,
    [property: Id(7)] IReadOnlyList<string> PendingSteps, [property: Id(8)] IReadOnlyList<ParkedStep> ParkedSteps,
    [property: Id(9)] IReadOnlyDictionary<string, string> AwaitingInvite, [property: Id(10)] IReadOnlyDictionary<string, string> AwaitingRemovalFromAccount,
    [property: Id(11)] string? ProjectShareFolderId);

/// <summary>
/// One per Greenlight project: tracks the project from Work's notifications and makes its Frame.io mirror converge, one
/// step per outbox job (<see cref="MirrorStepDue"/>). A step records that it began before it calls Frame.io, and its
/// result, the links it found and the jobs that follow in the next write, so a step tried again after a crash or a lost
/// answer first finds what an earlier try made instead of creating it twice.
/// </summary>
[Alias("frameconnector.project-mirror")]
public interface IProjectMirrorGrain : IGrainWithStringKey
{
    [Alias("track-project")]
    Task TrackProjectAsync(TrackedProject project);

    [Alias("assign-work")]
    Task AssignAsync(AssignedWork work);

    /// <summary>A task of the project was renamed: its folder follows, if the mirror tracks the task.</summary>
    [Alias("rename-task")]
    Task RenameTaskAsync(string taskId, string name);

    /// <summary>The task left the project (moved to another one): no more syncing of it here; its folder in Frame.io stays.</summary>
    [Alias("forget-task")]
    Task ForgetTaskAsync(string taskId);

    /// <summary>A document added or moved: tracked when it is in the project's "Share with Frame.io" folder.</summary>
    [Alias("track-document")]
    Task TrackDocumentAsync(TrackedDocument document);

    [Alias("track-version")]
    Task TrackVersionAsync(string documentId, int version);

    /// <summary>The user was deactivated: out of the Frame.io project (and of the account, where the API allows it).</summary>
    [Alias("remove-user")]
    Task RemoveUserAsync(string userId);

    /// <summary>The user is no longer "Add to projects in Frame.io": keeps what they were given, gets nothing new.</summary>
    [Alias("unflag-user")]
    Task UnflagUserAsync(string userId);

    /// <summary>One try of the step: its Frame.io calls, with their waits and retries, may take minutes (a large upload).</summary>
    [Alias("run-step"), ResponseTimeout("00:10:00")]
    Task RunStepAsync(string step);

    [Alias("view"), ReadOnly]
    Task<MirrorView> ViewAsync();

    /// <summary>Parked steps get a new set of tries, waiting steps are tried now, people waiting in Frame.io are looked for again.</summary>
    [Alias("retry")]
    Task RetryAsync();
}

[GrainType("frameconnector.project-mirror")]
public sealed partial class ProjectMirrorGrain(
    FrameioClients clients, SystemSender sender, Links links, MirrorItemRows items, IOptions<FrameConnectorOptions> options, TimeProvider clock,
    ILogger<ProjectMirrorGrain> logger)
    : DurableGrain<MirrorState>, IProjectMirrorGrain
{
    public const string ShareFolderName = "Share with Frame.io";

    // The mirror's tasks and documents (rows of frameconnector_mirror_items), and those changed since the last write.
    private Dictionary<string, MirroredTask> _tasks = [];
    private Dictionary<string, MirroredDocument> _documents = [];
    private readonly Dictionary<string, MirroredTask> _changedTasks = [];
    private readonly Dictionary<string, MirroredDocument> _changedDocuments = [];
    private readonly HashSet<string> _forgottenTasks = [];

    private string ProjectId => this.GetPrimaryKeyString();
    private FrameioSide Frameio => State.Frameio;

    /// <summary>Runs after the kernel handed on what a previous activation stored and did not hand on, so the rows are complete.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken) => (_tasks, _documents) = await items.LoadAsync(ProjectId);

    public Task TrackProjectAsync(TrackedProject project)
    {
        // Notifications of one project are handled in any order, each reading the project when it runs: a read made
        // before another's (a Planning read arriving after the Current one) must not undo it. Revision 0 comes from a host
        // of a version before revisions (during a rolling upgrade) and is taken as it was then.
        if (project.Revision != 0 && project.Revision < State.ProjectRevision) return Task.CompletedTask;
        State.ProjectRevision = Math.Max(State.ProjectRevision, project.Revision);
        (State.Tracked, State.Name, State.GroupId, State.Status, State.OwnerId) = (true, project.Name, project.GroupId, project.Status, project.OwnerId);
        // Until its Frame.io project exists, each change of the project looks for a connection again: one may have been made since.
        if (Frameio.ProjectId is null) Frameio.NotConnectedReason = null;
        return SaveAsync();
    }

    public Task AssignAsync(AssignedWork work)
    {
        foreach (var member in work.Members)
        {
            State.Members[member.UserId] = member.Widened(State.Members.GetValueOrDefault(member.UserId));
            // Looked for in the account again: they may have been invited since.
            Frameio.AwaitingInvite.Remove(member.UserId);
            // Assigned while active: a user deactivated earlier was reactivated, and joins again.
            if (State.Deactivated.Remove(member.UserId))
            {
                Frameio.RemovedFromAccount.Remove(member.UserId);
                Frameio.AwaitingRemoval.Remove(member.UserId);
            }
        }
        if (work.TaskId is { } taskId)
        {
            var task = _tasks.GetValueOrDefault(taskId) ?? new MirroredTask(work.TaskName ?? "", [], null, null, []);
            SetTask(taskId, task with { Name = work.TaskName ?? task.Name, Assignees = [.. task.Assignees.Union(work.Members.Select(m => m.UserId))] });
        }
        return SaveAsync();
    }

    public Task RenameTaskAsync(string taskId, string name)
    {
        if (_tasks.GetValueOrDefault(taskId) is not { } task || task.Name == name) return Task.CompletedTask;
        SetTask(taskId, task with { Name = name });
        return SaveAsync();
    }

    public Task ForgetTaskAsync(string taskId)
    {
        if (!_tasks.Remove(taskId)) return Task.CompletedTask;
        _changedTasks.Remove(taskId);
        _forgottenTasks.Add(taskId);
        foreach (var step in new[] { $"task-folder:{taskId}", $"task-folder-rename:{taskId}" })
        {
            State.Tries.Remove(step);
            State.Attempts.Remove(step);
            State.Parked.Remove(step);
        }
        return SaveAsync();
    }

    public Task TrackDocumentAsync(TrackedDocument document)
    {
        var shared = document.FolderId is not null && document.FolderId == State.ShareFolderHere;
        var known = _documents.GetValueOrDefault(document.DocumentId);
        if (known is null && !shared) return Task.CompletedTask;
        var tracked = known is null
            ? new MirroredDocument(document.Name, document.Versions, true, [], null, 0)
            : known with { Name = document.Name, Versions = Math.Max(known.Versions, document.Versions), Shared = shared };
        if (tracked == known) return Task.CompletedTask;
        SetDocument(document.DocumentId, tracked);
        return SaveAsync();
    }

    public Task TrackVersionAsync(string documentId, int version)
    {
        if (_documents.GetValueOrDefault(documentId) is not { } document || document.Versions >= version) return Task.CompletedTask;
        SetDocument(documentId, document with { Versions = version });
        return SaveAsync();
    }

    public Task RemoveUserAsync(string userId)
    {
        State.Deactivated.Add(userId);
        Frameio.AwaitingInvite.Remove(userId);
        return SaveAsync();
    }

    public Task UnflagUserAsync(string userId)
    {
        KeepOnlyWhatWasGiven(userId);
        return SaveAsync();
    }

    public Task<MirrorView> ViewAsync() => Task.FromResult(new MirrorView(
        Frameio.ConnectionKey, Frameio.NotConnectedReason, Frameio.ProjectId, Frameio.ShareFolderId,
        _tasks.Where(t => t.Value.FolderId is not null).ToDictionary(t => t.Key, t => t.Value.FolderId!),
        Frameio.Members.Where(m => !m.Value.Removed).ToDictionary(m => m.Key, m => m.Value.FrameioUserId),
        _documents.SelectMany(d => d.Value.Files.Select((file, i) => (Key: $"{d.Key}:{i + 1}", File: file))).ToDictionary(u => u.Key, u => u.File),
        PendingSteps(), [.. State.Parked.Select(p => new ParkedStep(p.Key, p.Value.Error))],
        Frameio.AwaitingInvite.Keys.ToDictionary(u => u, u => State.Members.GetValueOrDefault(u)?.Email ?? ""),
        Frameio.AwaitingRemoval.Keys.ToDictionary(u => u, u => Frameio.Members[u].FrameioUserId), State.ShareFolderHere));

    public Task RetryAsync()
    {
        foreach (var step in State.Parked.Keys) State.Attempts.Remove(step);
        State.Parked.Clear();
        State.Queued.Clear();
        Frameio.AwaitingInvite.Clear();
        Frameio.AwaitingRemoval.Clear();
        (Frameio.NotConnectedReason, Frameio.ConnectionGoneSince) = (null, null);
        return SaveAsync();
    }

    /// <summary>
    /// A user who may no longer be given anything new in Frame.io (unflagged, or found so when their step ran) keeps the
    /// membership and role they have there and the folders of their tasks made so far; they wait for nothing more.
    /// </summary>
    private void KeepOnlyWhatWasGiven(string userId)
    {
        Frameio.AwaitingInvite.Remove(userId);
        if (Frameio.Members.GetValueOrDefault(userId) is { Removed: false } member && State.Members.TryGetValue(userId, out var candidate))
            State.Members[userId] = candidate with { Role = member.Role };
        else
            State.Members.Remove(userId);
        foreach (var (taskId, task) in _tasks.Where(t => t.Value.FolderId is null && t.Value.Assignees.Contains(userId)).ToList())
            SetTask(taskId, task with { Assignees = [.. task.Assignees.Where(a => a != userId)] });
    }

    private void SetTask(string taskId, MirroredTask task)
    {
        _tasks[taskId] = _changedTasks[taskId] = task;
        _forgottenTasks.Remove(taskId);
    }

    private void SetDocument(string documentId, MirroredDocument document) => _documents[documentId] = _changedDocuments[documentId] = document;

    /// <summary>What the mirror still lacks, one step each, in the order they can be made.</summary>
    private List<string> PendingSteps()
    {
        var steps = new List<string>();
        if (!State.Tracked || Frameio.NotConnectedReason is not null) return steps;
        if (Frameio.ProjectId is null)
        {
            if (State.Status == ProjectStatus.Current) steps.Add("project");
            return [.. steps.Where(s => !State.Parked.ContainsKey(s))];
        }
        if (Frameio.Name != State.Name) steps.Add("rename");
        if (Frameio.ShareFolderId is null) steps.Add("share-folder");
        var active = State.Members.Keys.Where(u => !State.Deactivated.Contains(u)).ToHashSet();
        // A task's folder is made once one of its assignees is in the Frame.io project: before that, nobody could open it.
        var joined = active.Where(u => Frameio.Members.GetValueOrDefault(u) is { Removed: false }).ToHashSet();
        steps.AddRange(_tasks.Where(t => t.Value.FolderId is null && t.Value.Assignees.Any(joined.Contains)).Select(t => $"task-folder:{t.Key}"));
        steps.AddRange(_tasks.Where(t => t.Value.FolderId is not null && t.Value.FolderName != t.Value.Name).Select(t => $"task-folder-rename:{t.Key}"));
        steps.AddRange(active.Where(u => !Frameio.AwaitingInvite.ContainsKey(u)
                && (Frameio.Members.GetValueOrDefault(u) is not { } m || m.Removed || m.Role != State.Members[u].Role))
            .Select(u => $"member:{u}"));
        steps.AddRange(State.Deactivated.Where(u => Frameio.Members.GetValueOrDefault(u) is { Removed: false }).Select(u => $"remove-member:{u}"));
        steps.AddRange(LeftInAccount().Where(u => !Frameio.AwaitingRemoval.ContainsKey(u)).Select(u => $"remove-account-user:{u}"));
        if (Frameio.ShareFolderId is not null)
        {
            foreach (var (id, document) in _documents.Where(d => d.Value.Shared))
            {
                // One version at a time: an upload tried again then looks only for its own file, never for another version's.
                if (document.NextVersionToSend > 0) steps.Add($"upload:{id}:{document.NextVersionToSend}");
                else if (document.Versions >= 2 && document.StackedVersions < document.Versions) steps.Add($"stack:{id}");
            }
        }
        return [.. steps.Where(s => !State.Parked.ContainsKey(s))];
    }

    /// <summary>Deactivated users taken out of the Frame.io project and not known to be out of its account.</summary>
    private IEnumerable<string> LeftInAccount() =>
        State.Deactivated.Where(u => Frameio.Members.GetValueOrDefault(u) is { Removed: true } && !Frameio.RemovedFromAccount.Contains(u));

    /// <summary>
    /// The work-assigned emails not queued yet: one when a user became a member of the Frame.io project, one per task
    /// folder made for a task they are assigned to (once they are a member, so they can open it).
    /// </summary>
    private IEnumerable<WorkAssignedEmailDue> DueEmails()
    {
        var members = Frameio.Members.Where(m => !m.Value.Removed && !State.Deactivated.Contains(m.Key)).Select(m => m.Key).ToHashSet();
        foreach (var userId in members.Where(u => !State.Notified.Contains(u)))
            yield return new WorkAssignedEmailDue(ProjectId, userId, null);
        foreach (var (taskId, task) in _tasks.Where(t => t.Value.FolderId is not null))
        {
            foreach (var userId in task.Assignees.Where(u => members.Contains(u) && !task.Notified.Contains(u)))
                yield return new WorkAssignedEmailDue(ProjectId, userId, taskId);
        }
    }

    /// <summary>
    /// What is stuck here, for the sync view's readers and the operator's view: steps parked after their tries, people
    /// waiting in Frame.io for what its API cannot do (an invite, a removal from the account), a connection gone.
    /// </summary>
    private IEnumerable<StuckWork> Stuck()
    {
        foreach (var (step, parked) in State.Parked) yield return new StuckWork(step, parked.Error, parked.Tries, parked.Since);
        foreach (var (userId, since) in Frameio.AwaitingInvite)
        {
            yield return new StuckWork($"member:{userId}", $"No active user of Frame.io account {Frameio.AccountId} has the e-mail " +
                $"{State.Members.GetValueOrDefault(userId)?.Email}: invite them to the account in Frame.io, then retry the project's sync.", 0, since);
        }
        foreach (var (userId, since) in Frameio.AwaitingRemoval)
        {
            yield return new StuckWork($"remove-account-user:{userId}", $"Frame.io's public API cannot remove a user from an account: remove Frame.io " +
                $"user {Frameio.Members[userId].FrameioUserId} from account {Frameio.AccountId} in Frame.io, then retry the project's sync.", 0, since);
        }
        if (Frameio.ConnectionGoneSince is { } gone) yield return new StuckWork("connection", Frameio.NotConnectedReason ?? "", 0, gone);
    }

    /// <summary>
    /// Writes the state with a job for every pending step that has none on its way, the emails now due, the tasks and
    /// documents changed, and what is stuck if that changed. No deduplication key on the jobs: the state says which steps
    /// have one, so a change made while a step's job is finishing still gets its own.
    /// </summary>
    private Task SaveAsync(INotification? also = null)
    {
        if (also is not null) Record(also);
        foreach (var step in PendingSteps())
        {
            if (State.Queued.Add(step)) Record(new MirrorStepDue(ProjectId, step));
        }
        foreach (var email in DueEmails().ToList())
        {
            if (email.TaskId is { } taskId) SetTask(taskId, _tasks[taskId] with { Notified = [.. _tasks[taskId].Notified, email.UserId] });
            else State.Notified.Add(email.UserId);
            Record(email, new DeliveryOptions(DeduplicationKey: $"frameio-email:{ProjectId}:{email.UserId}:{email.TaskId}"));
        }
        if (_changedTasks.Count > 0 || _changedDocuments.Count > 0 || _forgottenTasks.Count > 0)
        {
            Record(new MirrorItemsSaved(ProjectId, new Dictionary<string, MirroredTask>(_changedTasks),
                new Dictionary<string, MirroredDocument>(_changedDocuments), [.. _forgottenTasks]));
            _changedTasks.Clear();
            _changedDocuments.Clear();
            _forgottenTasks.Clear();
        }
        var stuck = Stuck().ToList();
        var reported = string.Join('\n', stuck.Select(s => $"{s.Step}\t{s.Error}").Order(StringComparer.Ordinal));
        if (reported != State.StuckReported)
        {
            State.StuckReported = reported;
            Record(new MirrorStuckChanged(ProjectId, stuck));
        }
        return WriteStateAsync();
    }
}
