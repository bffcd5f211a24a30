using System.Globalization;
using System.Net;
using System.Text.Json;
using Greenlight.Modules.FrameConnector.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Greenlight.Modules.FrameConnector.Mirror;

[GenerateSerializer, Immutable, Alias("frameconnector.tracked-project")]
public sealed record TrackedProject([property: Id(0)] string Name, [property: Id(1)] string? GroupId, [property: Id(2)] ProjectStatus Status);

[GenerateSerializer, Immutable, Alias("frameconnector.parked-step")]
public sealed record ParkedStep([property: Id(0)] string Step, [property: Id(1)] string Error);

/// <param name="AwaitingInvite">Flagged users (Greenlight id → e-mail) that no user of the Frame.io account matches: invite them there, then retry the sync.</param>
/// <param name="AwaitingRemovalFromAccount">
/// Deactivated users (Greenlight id → Frame.io user id) still in the Frame.io account: no documented call removes them,
/// so an administrator does it in Frame.io (unless <see cref="FrameConnectorOptions.UseAssumedCalls"/>).
/// </param>
[GenerateSerializer, Immutable, Alias("frameconnector.mirror-view")]
public sealed record MirrorView(
    [property: Id(0)] string? ConnectionKey, [property: Id(1)] string? NotConnectedReason, [property: Id(2)] string? FrameioProjectId, [property: Id(3)] string? ShareFolderId,
    [property: Id(4)] IReadOnlyDictionary<string, string> TaskFolders, [property: Id(5)] IReadOnlyDictionary<string, string> Members, [property: Id(6)] IReadOnlyDictionary<string, string> Uploads,
    [property: Id(7)] IReadOnlyList<string> PendingSteps, [property: Id(8)] IReadOnlyList<ParkedStep> ParkedSteps,
    [property: Id(9)] IReadOnlyDictionary<string, string> AwaitingInvite, [property: Id(10)] IReadOnlyDictionary<string, string> AwaitingRemovalFromAccount);

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

    [Alias("track-task")]
    Task TrackTaskAsync(string taskId, string name);

    /// <summary>Frame.io-enabled users assigned to a task (or, with no task, to an issue of the project).</summary>
    [Alias("assign")]
    Task AssignAsync(string? taskId, IReadOnlyList<MemberCandidate> members);

    [Alias("track-folder")]
    Task TrackFolderAsync(string folderId, string name);

    [Alias("track-document")]
    Task TrackDocumentAsync(string documentId, string? folderId, string? name, int version);

    [Alias("remove-user")]
    Task RemoveUserAsync(string userId);

    /// <summary>One try of the step: its Frame.io calls, with their waits and retries, may take minutes (a large upload).</summary>
    [Alias("run-step"), ResponseTimeout("00:10:00")]
    Task RunStepAsync(string step);

    [Alias("view"), ReadOnly]
    Task<MirrorView> ViewAsync();

    /// <summary>Parked steps get a new set of tries, waiting steps are tried now, people waiting for an invite are looked for again.</summary>
    [Alias("retry")]
    Task RetryAsync();
}

[GrainType("frameconnector.project-mirror")]
public sealed class ProjectMirrorGrain(
    FrameioClients clients, SystemSender sender, Links links, IOptions<FrameConnectorOptions> options, TimeProvider clock, ILogger<ProjectMirrorGrain> logger)
    : DurableGrain<MirrorState>, IProjectMirrorGrain
{
    public const string ShareFolderName = "Share with Frame.io";

    private string ProjectId => this.GetPrimaryKeyString();
    private FrameioSide Frameio => State.Frameio;

    public Task TrackProjectAsync(TrackedProject project)
    {
        (State.Tracked, State.Name, State.GroupId, State.Status) = (true, project.Name, project.GroupId, project.Status);
        // Until its Frame.io project exists, each change of the project looks for a connection again: one may have been made since.
        if (Frameio.ProjectId is null) Frameio.NotConnectedReason = null;
        return SaveAsync();
    }

    public Task TrackTaskAsync(string taskId, string name)
    {
        TaskOf(taskId).Name = name;
        return SaveAsync();
    }

    public Task AssignAsync(string? taskId, IReadOnlyList<MemberCandidate> members)
    {
        foreach (var member in members)
        {
            State.Members[member.UserId] = member;
            // Looked for in the account again: they may have been invited since.
            Frameio.AwaitingInvite.Remove(member.UserId);
            if (taskId is not null) TaskOf(taskId).EnabledAssignees.Add(member.UserId);
        }
        return SaveAsync();
    }

    public Task TrackFolderAsync(string folderId, string name)
    {
        State.Folders[folderId] = name;
        return SaveAsync();
    }

    public Task TrackDocumentAsync(string documentId, string? folderId, string? name, int version)
    {
        var document = State.Documents.TryGetValue(documentId, out var known) ? known : State.Documents[documentId] = new TrackedDocument { FolderId = folderId };
        document.Name = name ?? document.Name;
        document.Versions = Math.Max(document.Versions, version);
        return SaveAsync();
    }

    public Task RemoveUserAsync(string userId)
    {
        State.Deactivated.Add(userId);
        Frameio.AwaitingInvite.Remove(userId);
        return SaveAsync();
    }

    public async Task RunStepAsync(string step)
    {
        if (!PendingSteps().Contains(step))
        {
            // Done by an earlier job, parked, or no longer needed.
            if (State.Queued.Remove(step)) await SaveAsync();
            return;
        }
        var earlier = State.Tries.GetValueOrDefault(step);
        // Written before the call: if this try dies with its host, the next one looks for what it may have made. The write
        // also fences off a stale second activation of this grain (on a silo being declared dead): its next write fails.
        State.Tries[step] = (earlier ?? new StepTry(0, [])).Next(NameAskedFor(step));
        await SaveAsync();
        IReadOnlyList<Link>? found;
        try
        {
            found = await RunAsync(step, earlier);
        }
        catch (FrameioTryLaterException busy)
        {
            // Frame.io's rate limit, not a failure: this try does not count towards the delays of the next ones.
            State.Tries[step] = State.Tries[step] with { Count = earlier?.Count ?? 0 };
            await TryAgainAsync(step, busy.RetryAt);
            return;
        }
        catch (Exception down) when (IsFrameioDown(down))
        {
            logger.LogWarning("Frame.io sync step {Step} of project {Project} found Frame.io unavailable ({Error}); trying again later",
                step, ProjectId, down.Message);
            await TryAgainAsync(step, NextTryAt(step));
            return;
        }
        catch (Exception refused) when (IsRefusal(refused))
        {
            await RefusedAsync(step, refused);
            return;
        }
        State.Queued.Remove(step);
        if (found is not null)
        {
            State.Tries.Remove(step);
            State.Attempts.Remove(step);
        }
        await SaveAsync(found is { Count: > 0 } ? new LinksFound(found) : null);
    }

    public Task<MirrorView> ViewAsync() => Task.FromResult(new MirrorView(
        Frameio.ConnectionKey, Frameio.NotConnectedReason, Frameio.ProjectId, Frameio.ShareFolderId, Frameio.TaskFolders,
        Frameio.Members.Where(m => !m.Value.Removed).ToDictionary(m => m.Key, m => m.Value.FrameioUserId), Frameio.Uploads,
        PendingSteps(), [.. State.Parked.Select(p => new ParkedStep(p.Key, p.Value))],
        Frameio.AwaitingInvite.ToDictionary(u => u, u => State.Members[u].Email),
        options.Value.UseAssumedCalls ? new Dictionary<string, string>() : LeftInAccount().ToDictionary(u => u, u => Frameio.Members[u].FrameioUserId)));

    public Task RetryAsync()
    {
        foreach (var step in State.Parked.Keys) State.Attempts.Remove(step);
        State.Parked.Clear();
        State.Queued.Clear();
        Frameio.AwaitingInvite.Clear();
        Frameio.NotConnectedReason = null;
        return SaveAsync();
    }

    /// <summary>
    /// Does the step's Frame.io calls and records their result in the state; returns the links to write with it, or null
    /// when the mirror has no connection to make it with (the reason is recorded; the step waits for a retry).
    /// </summary>
    /// <param name="earlier">The step's earlier tries, when there were some: what they may have made is looked for first.</param>
    private async Task<IReadOnlyList<Link>?> RunAsync(string step, StepTry? earlier)
    {
        if (await TargetAsync() is not { } target) return null;
        var (client, assumed) = clients.For(target);
        var (kind, id) = Split(step);
        switch (kind)
        {
            case "project":
                return [await CreateProjectAsync(client, target, earlier)];
            case "rename":
                await client.RenameProjectAsync(Frameio.AccountId!, Frameio.ProjectId!, State.Name);
                Frameio.Name = State.Name;
                return [];
            case "share-folder":
                Frameio.ShareFolderId = (await FolderAsync(client, ShareFolderName, earlier)).Id;
                return [new Link(Frameio.ShareFolderId, LinkKind.ShareFolder, ProjectId, ProjectId)];
            case "task-folder":
                var folder = await FolderAsync(client, State.Tasks[id].Name, earlier);
                (Frameio.TaskFolders[id], Frameio.TaskFolderNames[id]) = (folder.Id, folder.Name);
                return [new Link(folder.Id, LinkKind.TaskFolder, ProjectId, id)];
            case "task-folder-rename":
                await client.RenameFolderAsync(Frameio.AccountId!, Frameio.TaskFolders[id], State.Tasks[id].Name);
                Frameio.TaskFolderNames[id] = State.Tasks[id].Name;
                return [];
            case "member":
                return await SetMemberAsync(client, assumed, State.Members[id]);
            case "remove-member":
                await Tolerating404(() => client.RemoveProjectUserAsync(Frameio.AccountId!, Frameio.ProjectId!, Frameio.Members[id].FrameioUserId));
                Frameio.Members[id] = Frameio.Members[id] with { Removed = true };
                return [];
            case "remove-account-user":
                // Assumed: no documented call removes a user from the account (only made with UseAssumedCalls; see PendingSteps).
                await Tolerating404(() => assumed.RemoveUserFromAccountAsync(Frameio.AccountId!, Frameio.Members[id].FrameioUserId));
                Frameio.RemovedFromAccount.Add(id);
                return [];
            case "upload":
                return [await UploadAsync(client, id, earlier)];
            case "stack":
                await StackAsync(client, id, earlier);
                return [];
            default:
                throw new InvalidOperationException($"Unknown Frame.io sync step '{step}'.");
        }
    }

    /// <summary>
    /// The connection the mirror was made with; before the Frame.io project exists, its group's or the organization's
    /// default. Null, with the reason recorded, when there is none.
    /// </summary>
    private async Task<ConnectionTarget?> TargetAsync()
    {
        if (Frameio.ConnectionKey is { } key)
        {
            var target = await GrainFactory.GetGrain<IConnectionGrain>(key).TargetAsync();
            if (target is null) Frameio.NotConnectedReason = $"The Frame.io connection '{key}' the mirror was made with is gone; connect it again, then retry the sync.";
            return target;
        }
        var choice = await ConnectionResolver.ResolveAsync(GrainFactory, State.GroupId);
        if (choice.Target is null) Frameio.NotConnectedReason = choice.Reason;
        return choice.Target;
    }

    private async Task<Link> CreateProjectAsync(IFrameioClient client, ConnectionTarget target, StepTry? earlier)
    {
        var project = earlier is null ? null : await FindProjectMadeAsync(client, target, earlier);
        project ??= await client.CreateProjectAsync(target.AccountId, target.WorkspaceId, State.Name);
        (Frameio.ConnectionKey, Frameio.AccountId, Frameio.WorkspaceId) = (target.Key, target.AccountId, target.WorkspaceId);
        (Frameio.ProjectId, Frameio.RootFolderId, Frameio.Name, Frameio.NotConnectedReason) = (project.Id, project.RootFolderId, project.Name, null);
        return new Link(project.Id, LinkKind.Project, ProjectId, ProjectId);
    }

    /// <summary>A project an earlier try made: under one of the names it asked for, and not the mirror of another project here.</summary>
    private async Task<FrameioProject?> FindProjectMadeAsync(IFrameioClient client, ConnectionTarget target, StepTry earlier)
    {
        var named = await client.ListProjectsAsync(target.AccountId, target.WorkspaceId).Where(p => earlier.Names.Contains(p.Name)).ToListAsync();
        foreach (var project in named)
        {
            var mirrorOf = (await links.FindAsync(project.Id))?.GreenlightId;
            if (mirrorOf is null || mirrorOf == ProjectId) return project;
        }
        return null;
    }

    /// <summary>Creates the folder under the project's root; after an earlier try, first looks for the folder it made.</summary>
    private async Task<(string Id, string Name)> FolderAsync(IFrameioClient client, string name, StepTry? earlier)
    {
        if (earlier is not null
            && await client.ListFolderChildrenAsync(Frameio.AccountId!, Frameio.RootFolderId!)
                .FirstOrDefaultAsync(a => a.Type == "folder" && earlier.Names.Contains(a.Name) && !Frameio.TaskFolders.ContainsValue(a.Id) && a.Id != Frameio.ShareFolderId) is { } made)
            return (made.Id, made.Name);
        var folder = await client.CreateFolderAsync(Frameio.AccountId!, Frameio.RootFolderId!, name);
        return (folder.Id, folder.Name);
    }

    /// <summary>
    /// Gives the user their role in the project by their Frame.io id (documented, idempotent), found by e-mail among the
    /// account's users. Someone the account does not have is invited by e-mail only with the assumed calls on; otherwise
    /// they wait for an invite, listed in the sync view.
    /// </summary>
    private async Task<IReadOnlyList<Link>> SetMemberAsync(IFrameioClient client, IFrameioAssumedCalls assumed, MemberCandidate member)
    {
        var frameioUserId = Frameio.Members.GetValueOrDefault(member.UserId)?.FrameioUserId
            ?? (await client.ListAccountUsersAsync(Frameio.AccountId!).FirstOrDefaultAsync(u => string.Equals(u.Email, member.Email, StringComparison.OrdinalIgnoreCase)))?.Id;
        FrameioProjectUser user;
        if (frameioUserId is not null) user = await client.SetProjectUserRoleAsync(Frameio.AccountId!, Frameio.ProjectId!, frameioUserId, member.Role);
        else if (options.Value.UseAssumedCalls) user = await assumed.InviteProjectMemberAsync(Frameio.AccountId!, Frameio.ProjectId!, member.Email, member.Role);
        else
        {
            Frameio.AwaitingInvite.Add(member.UserId);
            return [new Link($"{Frameio.ProjectId}/invite/{member.UserId}", LinkKind.AwaitingInvite, ProjectId, member.UserId)];
        }
        Frameio.Members[member.UserId] = new FrameioMember(user.UserId, member.Role, false);
        return [new Link($"{Frameio.ProjectId}/{user.UserId}", LinkKind.Member, ProjectId, member.UserId), new Link(user.UserId, LinkKind.User, null, member.UserId)];
    }

    private async Task<Link> UploadAsync(IFrameioClient client, string key, StepTry? earlier)
    {
        var (documentId, version) = UploadKey(key);
        var name = State.Documents[documentId].Name;
        var made = earlier is null
            ? null
            : await client.ListFolderChildrenAsync(Frameio.AccountId!, Frameio.ShareFolderId!)
                .FirstOrDefaultAsync(a => a.Type == "file" && earlier.Names.Contains(a.Name) && !Frameio.Uploads.ContainsValue(a.Id));
        // A placeholder whose parts an earlier try did not finish sending can never be completed: replace it.
        if (made is { IsUnfinishedUpload: true }) await Tolerating404(() => client.DeleteFileAsync(Frameio.AccountId!, made.Id));
        var fileId = made is { IsUnfinishedUpload: false } ? made.Id : null;
        if (fileId is null)
        {
            var content = await sender.SendAsync(new ReadDocumentContent(ProjectId, documentId, version));
            await using var stream = content.Content;
            fileId = (await client.UploadLocalFileAsync(Frameio.AccountId!, Frameio.ShareFolderId!, name, stream, content.Size)).Id;
        }
        Frameio.Uploads[key] = fileId;
        return new Link(fileId, LinkKind.Upload, ProjectId, documentId);
    }

    /// <summary>
    /// Stacks the document's versions not stacked yet: the first stack takes every version; later versions join it.
    /// After an earlier try, the files already moved out of the share folder were stacked by it, and a new stack is found there.
    /// </summary>
    private async Task StackAsync(IFrameioClient client, string documentId, StepTry? earlier)
    {
        var versions = State.Documents[documentId].Versions;
        var files = Enumerable.Range(1, versions).Select(v => Frameio.Uploads[$"{documentId}:{v}"]).ToList();
        var stackId = Frameio.Stacks.GetValueOrDefault(documentId);
        var unstacked = files.Skip(Frameio.StackedVersions.GetValueOrDefault(documentId)).ToList();
        if (earlier is not null)
        {
            var children = await client.ListFolderChildrenAsync(Frameio.AccountId!, Frameio.ShareFolderId!).ToListAsync();
            stackId ??= children.FirstOrDefault(a => a.Type == "version_stack" && a.Name == State.Documents[documentId].Name && !Frameio.Stacks.ContainsValue(a.Id))?.Id;
            unstacked = [.. unstacked.Where(file => children.Any(a => a.Id == file))];
        }
        if (unstacked.Count > 0)
            stackId = (await client.CreateVersionStackAsync(Frameio.AccountId!, Frameio.ShareFolderId!, stackId is null ? unstacked : [stackId, .. unstacked])).Id;
        Frameio.Stacks[documentId] = stackId ?? throw new InvalidOperationException($"The version stack of document '{documentId}' was not found in Frame.io.");
        Frameio.StackedVersions[documentId] = versions;
    }

    private static async Task Tolerating404(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (FrameioApiException gone) when (gone.Status == HttpStatusCode.NotFound)
        {
            // Already removed by an earlier try.
        }
    }

    /// <summary>Frame.io is down, slow or busy: the step is tried again until it answers, without counting towards parking.</summary>
    private static bool IsFrameioDown(Exception failure) => failure is FrameioUnreachableException or FrameioOutcomeUnknownException
        or FrameioApiException { Status: >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout };

    /// <summary>Frame.io said no, answered what the connector cannot use, or this host refused (the document is gone): counts towards parking.</summary>
    private static bool IsRefusal(Exception failure) => failure is FrameioException or InvalidOperationException or JsonException
        or NotFoundException or ForbiddenException or ConflictException or RequestValidationException;

    private async Task RefusedAsync(string step, Exception refused)
    {
        var attempts = State.Attempts[step] = State.Attempts.GetValueOrDefault(step) + 1;
        if (attempts < options.Value.MaxStepAttempts)
        {
            logger.LogWarning("Frame.io sync step {Step} of project {Project} failed (try {Attempt} of {Max}): {Error}",
                step, ProjectId, attempts, options.Value.MaxStepAttempts, refused.Message);
            await TryAgainAsync(step, NextTryAt(step));
            return;
        }
        logger.LogError("Frame.io sync step {Step} of project {Project} is parked after {Attempts} failed tries: {Error}", step, ProjectId, attempts, refused.Message);
        State.Parked[step] = refused.Message;
        State.Queued.Remove(step);
        await SaveAsync();
    }

    /// <summary>Queues the step's next try (its job stays the one on its way: the step remains queued).</summary>
    private Task TryAgainAsync(string step, DateTimeOffset at)
    {
        Record(new MirrorStepDue(ProjectId, step), new DeliveryOptions(at));
        return SaveAsync();
    }

    /// <summary>Doubling from <see cref="FrameConnectorOptions.StepRetryDelay"/> with each try, capped, with ±20% jitter so a burst of failures spreads out.</summary>
    private DateTimeOffset NextTryAt(string step)
    {
        var (first, max) = (options.Value.StepRetryDelay, options.Value.MaxStepRetryDelay);
        var doubled = first * Math.Pow(2, Math.Min(Math.Max(State.Tries[step].Count - 1, 0), 20));
        return clock.GetUtcNow() + (doubled < max ? doubled : max) * (0.8 + Random.Shared.NextDouble() * 0.4);
    }

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
        // A task assigned before its creation reached the mirror has no name yet: its folder waits for it.
        steps.AddRange(State.Tasks.Where(t => !Frameio.TaskFolders.ContainsKey(t.Key) && t.Value.Name.Length > 0 && t.Value.EnabledAssignees.Overlaps(active))
            .Select(t => $"task-folder:{t.Key}"));
        steps.AddRange(State.Tasks.Where(t => Frameio.TaskFolders.ContainsKey(t.Key) && Frameio.TaskFolderNames.GetValueOrDefault(t.Key) != t.Value.Name)
            .Select(t => $"task-folder-rename:{t.Key}"));
        steps.AddRange(active.Where(u => !Frameio.AwaitingInvite.Contains(u) && (Frameio.Members.GetValueOrDefault(u) is not { } m || m.Role != State.Members[u].Role))
            .Select(u => $"member:{u}"));
        steps.AddRange(State.Deactivated.Where(u => Frameio.Members.GetValueOrDefault(u) is { Removed: false }).Select(u => $"remove-member:{u}"));
        if (options.Value.UseAssumedCalls) steps.AddRange(LeftInAccount().Select(u => $"remove-account-user:{u}"));
        if (Frameio.ShareFolderId is not null)
        {
            foreach (var (id, document) in State.Documents.Where(d => IsShared(d.Value)))
            {
                // One version at a time: an upload tried again then looks only for its own file, never for another version's.
                var missing = Enumerable.Range(1, document.Versions).FirstOrDefault(v => !Frameio.Uploads.ContainsKey($"{id}:{v}"));
                if (missing > 0) steps.Add($"upload:{id}:{missing}");
                else if (document.Versions >= 2 && Frameio.StackedVersions.GetValueOrDefault(id) < document.Versions) steps.Add($"stack:{id}");
            }
        }
        return [.. steps.Where(s => !State.Parked.ContainsKey(s))];
    }

    /// <summary>Deactivated users taken out of the Frame.io project and not yet out of its account.</summary>
    private IEnumerable<string> LeftInAccount() =>
        State.Deactivated.Where(u => Frameio.Members.GetValueOrDefault(u) is { Removed: true } && !Frameio.RemovedFromAccount.Contains(u));

    /// <summary>The name a step asks Frame.io to create something under, if it creates something: what a later try looks for.</summary>
    private string? NameAskedFor(string step)
    {
        var (kind, id) = Split(step);
        return kind switch
        {
            "project" => State.Name,
            "share-folder" => ShareFolderName,
            "task-folder" => State.Tasks[id].Name,
            "upload" => State.Documents[UploadKey(id).DocumentId].Name,
            _ => null,
        };
    }

    /// <summary>"task-folder:{taskId}" is ("task-folder", "{taskId}"); "project" is ("project", "").</summary>
    private static (string Kind, string Id) Split(string step) =>
        step.IndexOf(':') is var colon and > 0 ? (step[..colon], step[(colon + 1)..]) : (step, "");

    /// <summary>"{documentId}:{version}".</summary>
    private static (string DocumentId, int Version) UploadKey(string key) =>
        (key[..key.LastIndexOf(':')], int.Parse(key[(key.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture));

    /// <summary>
    /// The work-assigned emails not queued yet: one when a user became a member of the Frame.io project, one per task
    /// folder made for a task they are assigned to (once they are a member, so they can open it).
    /// </summary>
    private IEnumerable<WorkAssignedEmailDue> DueEmails()
    {
        var members = Frameio.Members.Where(m => !m.Value.Removed && !State.Deactivated.Contains(m.Key)).Select(m => m.Key).ToList();
        foreach (var userId in members.Where(u => !State.Notified.Contains(u)))
            yield return new WorkAssignedEmailDue(ProjectId, userId, null);
        foreach (var (taskId, task) in State.Tasks.Where(t => Frameio.TaskFolders.ContainsKey(t.Key)))
            foreach (var userId in members.Where(u => task.EnabledAssignees.Contains(u) && !State.Notified.Contains($"{u}:{taskId}")))
                yield return new WorkAssignedEmailDue(ProjectId, userId, taskId);
    }

    private bool IsShared(TrackedDocument document) =>
        document.FolderId is { } folder && State.Folders.GetValueOrDefault(folder)?.Trim().Equals(ShareFolderName, StringComparison.OrdinalIgnoreCase) == true;

    private TrackedTask TaskOf(string taskId) => State.Tasks.TryGetValue(taskId, out var task) ? task : State.Tasks[taskId] = new TrackedTask();

    /// <summary>
    /// Writes the state with a job for every pending step that has none on its way, and the emails now due. No deduplication
    /// key on the jobs: the state says which steps have one, so a change made while a step's job is finishing still gets its own.
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
            State.Notified.Add(email.TaskId is null ? email.UserId : $"{email.UserId}:{email.TaskId}");
            Record(email, new DeliveryOptions(DeduplicationKey: $"frameio-email:{ProjectId}:{email.UserId}:{email.TaskId}"));
        }
        return WriteStateAsync();
    }
}
