using System.Net;
using Greenlight.Modules.FrameConnector.Connections;
using Microsoft.Extensions.Options;

namespace Greenlight.Modules.FrameConnector.Mirror;

[GenerateSerializer, Immutable, Alias("frameconnector.tracked-project")]
public sealed record TrackedProject([property: Id(0)] string Name, [property: Id(1)] string? GroupId, [property: Id(2)] ProjectStatus Status);

[GenerateSerializer, Immutable, Alias("frameconnector.parked-step")]
public sealed record ParkedStep([property: Id(0)] string Step, [property: Id(1)] string Error);

[GenerateSerializer, Immutable, Alias("frameconnector.mirror-view")]
public sealed record MirrorView(
    [property: Id(0)] string? ConnectionKey, [property: Id(1)] string? NotConnectedReason, [property: Id(2)] string? FrameioProjectId, [property: Id(3)] string? ShareFolderId,
    [property: Id(4)] IReadOnlyDictionary<string, string> TaskFolders, [property: Id(5)] IReadOnlyDictionary<string, string> Members, [property: Id(6)] IReadOnlyDictionary<string, string> Uploads,
    [property: Id(7)] IReadOnlyList<string> PendingSteps, [property: Id(8)] IReadOnlyList<ParkedStep> ParkedSteps);

/// <summary>
/// One per Greenlight project: tracks the project from Work's notifications and makes its Frame.io mirror
/// converge, one Frame.io call per outbox job (<see cref="MirrorStepDue"/>). A step's result and the follow-up
/// jobs are written in one transaction, so a retried step sees what an earlier try did and never creates twice.
/// </summary>
public interface IProjectMirrorGrain : IGrainWithStringKey
{
    Task TrackProjectAsync(TrackedProject project);

    Task TrackTaskAsync(string taskId, string name);

    /// <summary>Frame.io-enabled users assigned to a task (or, with no task, to an issue of the project).</summary>
    Task AssignAsync(string? taskId, IReadOnlyList<MemberCandidate> members);

    Task TrackFolderAsync(string folderId, string name);

    Task TrackDocumentAsync(string documentId, string? folderId, string? name, int version);

    Task RemoveUserAsync(string userId);

    Task RunStepAsync(string step);

    Task<MirrorView> ViewAsync();

    Task RetryParkedAsync();
}

[GrainType("frameconnector.project-mirror")]
public sealed class ProjectMirrorGrain(SystemSender sender, IOptions<FrameConnectorOptions> options) : DurableGrain<MirrorState>, IProjectMirrorGrain
{
    public const string ShareFolderName = "Share with Frame.io";

    private string ProjectId => this.GetPrimaryKeyString();
    private FrameioSide Frameio => State.Frameio;

    public Task TrackProjectAsync(TrackedProject project)
    {
        (State.Tracked, State.Name, State.GroupId, State.Status) = (true, project.Name, project.GroupId, project.Status);
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
        return SaveAsync();
    }

    public async Task RunStepAsync(string step)
    {
        if (!PendingSteps().Contains(step)) return;
        // Recorded before the call: if this try dies with the host, the next one looks for what it may have made.
        if (State.Started.Add(step)) await SaveAsync();
        else State.Retried.Add(step);
        try
        {
            var links = await RunAsync(step);
            State.Attempts.Remove(step);
            State.Started.Remove(step);
            State.Retried.Remove(step);
            await SaveAsync(new LinksFound(links));
        }
        catch (FrameioTryLaterException later)
        {
            Record(new MirrorStepDue(ProjectId, step), new DeliveryOptions(later.RetryAt));
            await SaveAsync();
        }
        catch (Exception failed) when (failed is FrameioException or InvalidOperationException)
        {
            State.Retried.Add(step);
            var attempts = State.Attempts[step] = State.Attempts.GetValueOrDefault(step) + 1;
            if (attempts < options.Value.MaxStepAttempts)
            {
                await SaveAsync();
                throw;
            }
            State.Parked[step] = failed.Message;
            await SaveAsync();
        }
    }

    public Task<MirrorView> ViewAsync() => Task.FromResult(new MirrorView(
        Frameio.ConnectionKey, Frameio.NotConnectedReason, Frameio.ProjectId, Frameio.ShareFolderId, Frameio.TaskFolders,
        Frameio.Members.ToDictionary(m => m.Key, m => m.Value.FrameioUserId), Frameio.Uploads,
        PendingSteps(), [.. State.Parked.Select(p => new ParkedStep(p.Key, p.Value))]));

    public Task RetryParkedAsync()
    {
        foreach (var step in State.Parked.Keys) State.Attempts.Remove(step);
        State.Parked.Clear();
        Frameio.NotConnectedReason = null;
        return SaveAsync();
    }

    /// <summary>Does the step's one Frame.io call and records its result in the state; returns the links to write with it.</summary>
    private async Task<IReadOnlyList<Link>> RunAsync(string step)
    {
        var (kind, id) = step.IndexOf(':') is var colon and > 0 ? (step[..colon], step[(colon + 1)..]) : (step, "");
        if (kind == "project") return await CreateProjectAsync();
        var api = await TargetAsync();
        switch (kind)
        {
            case "rename":
                await api.Client.RenameProjectAsync(Frameio.AccountId!, Frameio.ProjectId!, State.Name);
                Frameio.Name = State.Name;
                return [];
            case "share-folder":
                Frameio.ShareFolderId = await FolderAsync(api.Client, step, ShareFolderName);
                return [new Link(Frameio.ShareFolderId, LinkKind.ShareFolder, ProjectId, ProjectId)];
            case "task-folder":
                var folder = Frameio.TaskFolders[id] = await FolderAsync(api.Client, step, State.Tasks[id].Name);
                Frameio.TaskFolderNames[id] = State.Tasks[id].Name;
                return [new Link(folder, LinkKind.TaskFolder, ProjectId, id)];
            case "task-folder-rename":
                await api.Client.RenameFolderAsync(Frameio.AccountId!, Frameio.TaskFolders[id], State.Tasks[id].Name);
                Frameio.TaskFolderNames[id] = State.Tasks[id].Name;
                return [];
            case "member":
                return await SetMemberAsync(api, State.Members[id]);
            case "remove-member":
                await Tolerating404(() => api.Assumed.RemoveProjectUserAsync(Frameio.AccountId!, Frameio.ProjectId!, Frameio.Members[id].FrameioUserId));
                Frameio.Members[id] = Frameio.Members[id] with { Removed = true };
                return [];
            case "remove-account-user":
                await Tolerating404(() => api.Assumed.RemoveUserFromAccountAsync(Frameio.AccountId!, Frameio.Members[id].FrameioUserId));
                Frameio.RemovedFromAccount.Add(id);
                return [];
            case "upload":
                return [await UploadAsync(api.Client, step, id)];
            case "stack":
                await StackAsync(api.Client, step, id);
                return [];
            default:
                throw new InvalidOperationException($"Unknown Frame.io sync step '{step}'.");
        }
    }

    private async Task<IReadOnlyList<Link>> CreateProjectAsync()
    {
        var choice = await ConnectionResolver.ResolveAsync(GrainFactory, State.GroupId);
        if (choice.Target is not { } target)
        {
            Frameio.NotConnectedReason = choice.Reason;
            return [];
        }
        var client = target.Apis.Client;
        var project = Uncertain("project")
            ? await client.ListProjectsAsync(target.AccountId, target.WorkspaceId).FirstOrDefaultAsync(p => p.Name == State.Name)
            : null;
        project ??= await client.CreateProjectAsync(target.AccountId, target.WorkspaceId, State.Name);
        (Frameio.ConnectionKey, Frameio.AccountId, Frameio.WorkspaceId) = (target.Key, target.AccountId, target.WorkspaceId);
        (Frameio.ProjectId, Frameio.RootFolderId, Frameio.Name, Frameio.NotConnectedReason) = (project.Id, project.RootFolderId, project.Name, null);
        return [new Link(project.Id, LinkKind.Project, ProjectId, ProjectId)];
    }

    /// <summary>Creates the folder under the project's root; after an unanswered create, first looks for it by name.</summary>
    private async Task<string> FolderAsync(IFrameioClient client, string step, string name)
    {
        if (Uncertain(step)
            && await client.ListFolderChildrenAsync(Frameio.AccountId!, Frameio.RootFolderId!)
                .FirstOrDefaultAsync(a => a.Type == "folder" && a.Name == name && !Frameio.TaskFolders.ContainsValue(a.Id) && a.Id != Frameio.ShareFolderId) is { } found)
            return found.Id;
        return (await client.CreateFolderAsync(Frameio.AccountId!, Frameio.RootFolderId!, name)).Id;
    }

    /// <summary>Adds the user by email (Frame.io answers with their id) or, once known, sets their role by id. Both are idempotent.</summary>
    private async Task<IReadOnlyList<Link>> SetMemberAsync(FrameioApis api, MemberCandidate member)
    {
        var user = Frameio.Members.TryGetValue(member.UserId, out var known)
            ? await api.Client.SetProjectUserRoleAsync(Frameio.AccountId!, Frameio.ProjectId!, known.FrameioUserId, member.Role)
            : await api.Assumed.AddProjectMemberByEmailAsync(Frameio.AccountId!, Frameio.ProjectId!, member.Email, member.Role);
        Frameio.Members[member.UserId] = new FrameioMember(user.UserId, member.Role, false);
        return [new Link($"{Frameio.ProjectId}/{user.UserId}", LinkKind.Member, ProjectId, member.UserId), new Link(user.UserId, LinkKind.User, null, member.UserId)];
    }

    private async Task<Link> UploadAsync(IFrameioClient client, string step, string key)
    {
        var documentId = key[..key.LastIndexOf(':')];
        var version = int.Parse(key[(key.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var name = State.Documents[documentId].Name;
        var found = Uncertain(step)
            ? await client.ListFolderChildrenAsync(Frameio.AccountId!, Frameio.ShareFolderId!)
                .FirstOrDefaultAsync(a => a.Type == "file" && a.Name == name && !Frameio.Uploads.ContainsValue(a.Id))
            : null;
        // A placeholder whose parts an earlier try did not finish sending can never be completed: replace it.
        if (found is { IsUnfinishedUpload: true }) await Tolerating404(() => client.DeleteFileAsync(Frameio.AccountId!, found.Id));
        var fileId = found is { IsUnfinishedUpload: false } ? found.Id : null;
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
    /// After an unanswered try, the files already moved out of the share folder were stacked by it, and a new stack is found there.
    /// </summary>
    private async Task StackAsync(IFrameioClient client, string step, string documentId)
    {
        var versions = State.Documents[documentId].Versions;
        var files = Enumerable.Range(1, versions).Select(v => Frameio.Uploads[$"{documentId}:{v}"]).ToList();
        var stackId = Frameio.Stacks.GetValueOrDefault(documentId);
        var unstacked = files.Skip(Frameio.StackedVersions.GetValueOrDefault(documentId)).ToList();
        if (Uncertain(step))
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

    /// <summary>An earlier try of the step began and did not finish: its create may have happened.</summary>
    private bool Uncertain(string step) => State.Retried.Contains(step);

    private async Task<FrameioApis> TargetAsync() =>
        (await GrainFactory.GetGrain<IConnectionGrain>(Frameio.ConnectionKey!).TargetAsync())?.Apis
        ?? throw new InvalidOperationException($"The Frame.io connection '{Frameio.ConnectionKey}' of the project is gone.");

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

    /// <summary>What the mirror still lacks, one Frame.io call each, in the order they can be made.</summary>
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
        steps.AddRange(State.Tasks.Where(t => !Frameio.TaskFolders.ContainsKey(t.Key) && t.Value.EnabledAssignees.Overlaps(active)).Select(t => $"task-folder:{t.Key}"));
        steps.AddRange(State.Tasks.Where(t => Frameio.TaskFolders.ContainsKey(t.Key) && Frameio.TaskFolderNames.GetValueOrDefault(t.Key) != t.Value.Name)
            .Select(t => $"task-folder-rename:{t.Key}"));
        steps.AddRange(active.Where(u => Frameio.Members.GetValueOrDefault(u) is not { } m || m.Role != State.Members[u].Role).Select(u => $"member:{u}"));
        steps.AddRange(State.Deactivated.Where(u => Frameio.Members.GetValueOrDefault(u) is { Removed: false }).Select(u => $"remove-member:{u}"));
        steps.AddRange(State.Deactivated.Where(u => Frameio.Members.GetValueOrDefault(u) is { Removed: true } && !Frameio.RemovedFromAccount.Contains(u))
            .Select(u => $"remove-account-user:{u}"));
        if (Frameio.ShareFolderId is not null)
        {
            foreach (var (id, document) in State.Documents.Where(d => IsShared(d.Value)))
            {
                var missing = Enumerable.Range(1, document.Versions).Where(v => !Frameio.Uploads.ContainsKey($"{id}:{v}")).ToList();
                steps.AddRange(missing.Select(v => $"upload:{id}:{v}"));
                if (missing.Count == 0 && document.Versions >= 2 && Frameio.StackedVersions.GetValueOrDefault(id) < document.Versions) steps.Add($"stack:{id}");
            }
        }
        return [.. steps.Where(s => !State.Parked.ContainsKey(s))];
    }

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

    /// <summary>Writes the state with a job for every step still missing (one per step: the key deduplicates) and the emails now due.</summary>
    private Task SaveAsync(INotification? also = null)
    {
        var emails = DueEmails().ToList();
        State.Notified.UnionWith(emails.Select(e => e.TaskId is null ? e.UserId : $"{e.UserId}:{e.TaskId}"));
        if (also is not null) Record(also);
        foreach (var step in PendingSteps())
            Record(new MirrorStepDue(ProjectId, step), new DeliveryOptions(DeduplicationKey: $"frameio:{ProjectId}:{step}"));
        foreach (var email in emails)
            Record(email, new DeliveryOptions(DeduplicationKey: $"frameio-email:{ProjectId}:{email.UserId}:{email.TaskId}"));
        return WriteStateAsync();
    }
}
