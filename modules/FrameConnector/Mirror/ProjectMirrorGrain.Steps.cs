using System.Globalization;
using System.Net;
using System.Text.Json;
using Greenlight.Modules.FrameConnector.Connections;
using Microsoft.Extensions.Logging;

namespace Greenlight.Modules.FrameConnector.Mirror;

// The mirror's steps: one try each, its Frame.io calls, and what a try that failed leads to.
public sealed partial class ProjectMirrorGrain
{
    public async Task RunStepAsync(string step)
    {
        if (!PendingSteps().Contains(step))
        {
            // Done by an earlier job, parked, or no longer needed. Written even when nothing changed: the write fences off a
            // stale activation (its silo being declared dead) that read an older state and would otherwise drop the job of a
            // step still queued in the current state; its write fails and the job is tried again on the current activation.
            State.Queued.Remove(step);
            await SaveAsync();
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
                step, ProjectId, LogValue.Of(down.Message));
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
                await EnsureShareFolderHereAsync();
                Frameio.ShareFolderId = (await FolderAsync(client, ShareFolderName, earlier)).Id;
                return [new Link(Frameio.ShareFolderId, LinkKind.ShareFolder, ProjectId, ProjectId)];
            case "task-folder":
                var folder = await FolderAsync(client, _tasks[id].Name, earlier);
                SetTask(id, _tasks[id] with { FolderId = folder.Id, FolderName = folder.Name });
                return [new Link(folder.Id, LinkKind.TaskFolder, ProjectId, id)];
            case "task-folder-rename":
                await client.RenameFolderAsync(Frameio.AccountId!, _tasks[id].FolderId!, _tasks[id].Name);
                SetTask(id, _tasks[id] with { FolderName = _tasks[id].Name });
                return [];
            case "member":
                return await SetMemberAsync(client, assumed, id);
            case "remove-member":
                await Tolerating404(() => client.RemoveProjectUserAsync(Frameio.AccountId!, Frameio.ProjectId!, Frameio.Members[id].FrameioUserId));
                Frameio.Members[id] = Frameio.Members[id] with { Removed = true };
                return [];
            case "remove-account-user":
                await RemoveFromAccountAsync(client, assumed, id);
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
            if (target is null)
            {
                Frameio.NotConnectedReason = $"The Frame.io connection '{key}' the mirror was made with is gone; connect it again, then retry the sync.";
                Frameio.ConnectionGoneSince ??= clock.GetUtcNow();
            }
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

    /// <summary>
    /// The project's "Share with Frame.io" folder here, made (or found, if someone made it by hand) when the mirror is: its
    /// documents are tracked from then on, those in it already at once.
    /// </summary>
    private async Task EnsureShareFolderHereAsync()
    {
        if (State.ShareFolderHere is not null) return;
        var folder = await sender.SendAsync(new EnsureFolder(ProjectId, ShareFolderName, State.OwnerId ?? Principal.System.UserId));
        State.ShareFolderHere = folder.Id;
        foreach (var document in await sender.SendAsync(new ListFolderDocuments(ProjectId, folder.Id)))
        {
            var known = _documents.GetValueOrDefault(document.Id);
            SetDocument(document.Id, known is null
                ? new MirroredDocument(document.Name, document.Versions.Count, true, [], null, 0)
                : known with { Name = document.Name, Versions = Math.Max(known.Versions, document.Versions.Count), Shared = true });
        }
    }

    /// <summary>Creates the folder under the project's root; after an earlier try, first looks for the folder it made.</summary>
    private async Task<(string Id, string Name)> FolderAsync(IFrameioClient client, string name, StepTry? earlier)
    {
        if (earlier is not null
            && await client.ListFolderChildrenAsync(Frameio.AccountId!, Frameio.RootFolderId!)
                .FirstOrDefaultAsync(a => a.Type == "folder" && earlier.Names.Contains(a.Name) && a.Id != Frameio.ShareFolderId && _tasks.Values.All(t => t.FolderId != a.Id)) is { } made)
            return (made.Id, made.Name);
        var folder = await client.CreateFolderAsync(Frameio.AccountId!, Frameio.RootFolderId!, name);
        return (folder.Id, folder.Name);
    }

    /// <summary>
    /// Gives the user their role in the project by their Frame.io id (documented, idempotent), found by e-mail among the
    /// account's active users. Someone the account does not have is invited by e-mail only with the assumed calls on, and
    /// joins once they accepted; otherwise they wait for an invite, listed in the sync view and the operator's view. A user
    /// deactivated or unflagged since their assignment gets nothing new.
    /// </summary>
    private async Task<IReadOnlyList<Link>> SetMemberAsync(IFrameioClient client, IFrameioAssumedCalls assumed, string userId)
    {
        if (await sender.SendAsync(new GetUserProfile(userId)) is not { Active: true, AddToFrameioProjects: true } user)
        {
            KeepOnlyWhatWasGiven(userId);
            return [];
        }
        var role = State.Members[userId].Role;
        var frameioUserId = Frameio.Members.GetValueOrDefault(userId)?.FrameioUserId
            ?? (await client.ListAccountUsersAsync(Frameio.AccountId!)
                .FirstOrDefaultAsync(u => u.User.Id is not null && string.Equals(u.User.Email, user.Email, StringComparison.OrdinalIgnoreCase)))?.User.Id;
        if (frameioUserId is not null)
            await client.SetProjectUserRoleAsync(Frameio.AccountId!, Frameio.ProjectId!, frameioUserId, role);
        else if (options.Value.UseAssumedCalls)
            frameioUserId = (await assumed.InviteProjectMemberAsync(Frameio.AccountId!, Frameio.ProjectId!, user.Email, role)).UserId;
        if (frameioUserId is null)
        {
            Frameio.AwaitingInvite[userId] = clock.GetUtcNow();
            return [new Link($"{Frameio.ProjectId}/invite/{userId}", LinkKind.AwaitingInvite, ProjectId, userId)];
        }
        Frameio.Members[userId] = new FrameioMember(frameioUserId, role, false);
        return [new Link($"{Frameio.ProjectId}/{frameioUserId}", LinkKind.Member, ProjectId, userId), new Link(frameioUserId, LinkKind.User, null, userId)];
    }

    /// <summary>
    /// A deactivated user out of the account. No documented call does it: with the assumed calls on, the assumed one;
    /// otherwise the account's users are read, and while the user is among them they wait for an administrator to
    /// remove them in Frame.io (listed in the sync view and the operator's view) until the project's sync is retried.
    /// </summary>
    private async Task RemoveFromAccountAsync(IFrameioClient client, IFrameioAssumedCalls assumed, string userId)
    {
        var frameioUserId = Frameio.Members[userId].FrameioUserId;
        if (options.Value.UseAssumedCalls) await Tolerating404(() => assumed.RemoveUserFromAccountAsync(Frameio.AccountId!, frameioUserId));
        else if (await client.ListAccountUsersAsync(Frameio.AccountId!).AnyAsync(u => u.User.Id == frameioUserId))
        {
            Frameio.AwaitingRemoval[userId] = clock.GetUtcNow();
            return;
        }
        Frameio.RemovedFromAccount.Add(userId);
    }

    private async Task<Link> UploadAsync(IFrameioClient client, string key, StepTry? earlier)
    {
        var (documentId, version) = UploadKey(key);
        var document = _documents[documentId];
        var made = earlier is null
            ? null
            : await client.ListFolderChildrenAsync(Frameio.AccountId!, Frameio.ShareFolderId!)
                .FirstOrDefaultAsync(a => a.Type == "file" && earlier.Names.Contains(a.Name) && _documents.Values.All(d => !d.Files.Contains(a.Id)));
        // A placeholder whose parts an earlier try did not finish sending can never be completed: replace it.
        if (made is { IsUnfinishedUpload: true }) await Tolerating404(() => client.DeleteFileAsync(Frameio.AccountId!, made.Id));
        var fileId = made is { IsUnfinishedUpload: false } ? made.Id : null;
        if (fileId is null)
        {
            var content = await sender.SendAsync(new ReadDocumentContent(ProjectId, documentId, version));
            await using var stream = content.Content;
            fileId = (await client.UploadLocalFileAsync(Frameio.AccountId!, Frameio.ShareFolderId!, document.Name, stream, content.Size)).Id;
        }
        SetDocument(documentId, document with { Files = [.. document.Files, fileId] });
        return new Link(fileId, LinkKind.Upload, ProjectId, documentId);
    }

    /// <summary>
    /// Stacks the document's versions not stacked yet: the first stack takes every version; later versions join it.
    /// After an earlier try, the files already moved out of the share folder were stacked by it, and a new stack is found there.
    /// </summary>
    private async Task StackAsync(IFrameioClient client, string documentId, StepTry? earlier)
    {
        var document = _documents[documentId];
        var stackId = document.StackId;
        var unstacked = document.Files.Skip(document.StackedVersions).ToList();
        if (earlier is not null)
        {
            var children = await client.ListFolderChildrenAsync(Frameio.AccountId!, Frameio.ShareFolderId!).ToListAsync();
            stackId ??= children.FirstOrDefault(a => a.Type == "version_stack" && a.Name == document.Name && _documents.Values.All(d => d.StackId != a.Id))?.Id;
            unstacked = [.. unstacked.Where(file => children.Any(a => a.Id == file))];
        }
        if (unstacked.Count > 0)
            stackId = (await client.CreateVersionStackAsync(Frameio.AccountId!, Frameio.ShareFolderId!, stackId is null ? unstacked : [stackId, .. unstacked])).Id;
        SetDocument(documentId, document with
        {
            StackId = stackId ?? throw new InvalidOperationException($"The version stack of document '{documentId}' was not found in Frame.io."),
            StackedVersions = document.Versions,
        });
    }

    /// <summary>The name a step asks Frame.io to create something under, if it creates something: what a later try looks for.</summary>
    private string? NameAskedFor(string step)
    {
        var (kind, id) = Split(step);
        return kind switch
        {
            "project" => State.Name,
            "share-folder" => ShareFolderName,
            "task-folder" => _tasks[id].Name,
            "upload" => _documents[UploadKey(id).DocumentId].Name,
            _ => null,
        };
    }

    /// <summary>"task-folder:{taskId}" is ("task-folder", "{taskId}"); "project" is ("project", "").</summary>
    private static (string Kind, string Id) Split(string step) =>
        step.IndexOf(':') is var colon and > 0 ? (step[..colon], step[(colon + 1)..]) : (step, "");

    /// <summary>"{documentId}:{version}".</summary>
    internal static (string DocumentId, int Version) UploadKey(string key) =>
        (key[..key.LastIndexOf(':')], int.Parse(key[(key.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture));

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
                step, ProjectId, attempts, options.Value.MaxStepAttempts, LogValue.Of(refused.Message));
            await TryAgainAsync(step, NextTryAt(step));
            return;
        }
        logger.LogWarning("Frame.io sync step {Step} of project {Project} is parked after {Attempts} failed tries: {Error}", step, ProjectId, attempts,
            LogValue.Of(refused.Message));
        State.Parked[step] = new StuckStep(refused.Message, attempts, clock.GetUtcNow());
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
}
