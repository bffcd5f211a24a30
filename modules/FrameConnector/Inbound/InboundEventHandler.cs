using System.Text;
using Greenlight.Modules.FrameConnector.Connections;
using Greenlight.Modules.Review.Contracts;
using Microsoft.Extensions.Logging;

namespace Greenlight.Modules.FrameConnector.Inbound;

/// <summary>
/// Acts on a Frame.io event as the Greenlight user behind the Frame.io identity, after checking their rights here:
/// a custom action on a task folder sets the task's status; on files, sends the assets to Review for formal review.
/// A comment made in Frame.io (not a private, team-only one) joins its document's feed in Review.
/// Events from unknown people or about unknown objects change nothing, and neither does a repeated one.
/// </summary>
/// <remarks>
/// A Frame.io identity is the Greenlight user the connector added under it, else the one active user whose e-mail is
/// that Frame.io user's in the account (<c>GET /accounts/{a}/users</c>, the lookup the mirror adds people with), which is
/// then remembered. So people who joined the Frame.io project by other means are recognised too.
/// </remarks>
/// <remarks>
/// Frame.io's payload carries ids only, so what is not an id comes from the custom action's form (<c>data</c>):
/// <c>status</c> (a <see cref="WorkTaskStatus"/> name: New, InProgress or Complete; Complete without it) for a task
/// folder, <c>template</c> (a Review template id; without it the assets only arrive for review) for files.
/// </remarks>
public sealed class InboundEventHandler(IMediator sender, IGrainFactory grains, FrameioClients clients, Links links, IStore store, ILogger<InboundEventHandler> logger)
    : INotificationHandler<FrameioEventReceived>
{
    public const string StatusField = "status";
    public const string TemplateField = "template";

    public async Task Handle(FrameioEventReceived received, CancellationToken cancellationToken)
    {
        if (received.Type == "comment.created" && received.ResourceType == "comment")
        {
            await RecordCommentAsync(received, cancellationToken);
            return;
        }
        if (received.Type != "action.executed") return;
        if (await GreenlightUserAsync(received, received.UserId, cancellationToken) is not { } userId)
        {
            logger.LogWarning("Ignored Frame.io {Event}: Frame.io user {User} is nobody here", LogValue.Of(received.Type), LogValue.Of(received.UserId));
            return;
        }
        if (received.ResourceType == "folder" && await links.FindAsync(received.ResourceIds[0]) is { Kind: LinkKind.TaskFolder, ProjectId: { } projectId } folder)
            await SetTaskStatusAsync(received, projectId, folder.GreenlightId, userId, cancellationToken);
        else if (received.ResourceType == "file" && received.ProjectId is not null
                 && await links.FindAsync(received.ProjectId) is { Kind: LinkKind.Project } project)
            await SendForReviewAsync(received, project.GreenlightId, userId, cancellationToken);
    }

    private async Task SetTaskStatusAsync(FrameioEventReceived received, string projectId, string taskId, string userId, CancellationToken cancellationToken)
    {
        var status = WorkTaskStatus.Complete;
        if (received.Form.TryGetValue(StatusField, out var asked) && !Enum.TryParse(asked.Replace("_", "", StringComparison.Ordinal), true, out status))
        {
            logger.LogWarning("Ignored a Frame.io action on task {Task}: '{Status}' is not a task status", taskId, LogValue.Of(asked));
            return;
        }
        var task = new SecuredRef(new ObjectRef(ObjectType.Task, taskId), new ObjectRef(ObjectType.Project, projectId));
        if (!await AllowedAsync(userId, AccessCheck.On(task, AccessAction.Update), cancellationToken)) return;
        try
        {
            await sender.Send(new SetTaskStatusFor(projectId, taskId, status, userId), cancellationToken);
        }
        catch (NotFoundException gone)
        {
            // The task was deleted, or moved to another project (its old folder stays in Frame.io).
            logger.LogWarning("Ignored a Frame.io action on task {Task} of project {Project}: {Reason}", taskId, projectId, gone.Message);
        }
    }

    /// <summary>
    /// Documents here linked to the Frame.io files (a new one's content is the file's address, and a file in a task's
    /// folder makes a document attached to that task; a file mirrored from here is its document), handed to Review together, with the form's template if any. The files' selection is
    /// recorded once Review took it, so a repeated action changes nothing; documents made before a failed hand-over
    /// are found again by their links.
    /// </summary>
    private async Task SendForReviewAsync(FrameioEventReceived received, string projectId, string userId, CancellationToken cancellationToken)
    {
        var selection = "review:" + string.Join(',', received.ResourceIds.Order(StringComparer.Ordinal));
        if (await links.FindAsync(selection) is not null) return;
        var project = SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, projectId));
        if (!await AllowedAsync(userId, AccessCheck.CreateIn(project, ObjectType.Document), cancellationToken)) return;
        var target = await TargetAsync(received);
        var documents = new List<string>();
        foreach (var fileId in received.ResourceIds)
        {
            if (await links.FindAsync(fileId) is { Kind: LinkKind.SentAsset or LinkKind.Upload, ProjectId: var linkedProject } linked && linkedProject == projectId)
            {
                documents.Add(linked.GreenlightId);
                continue;
            }
            var file = await clients.For(target).Client.GetFileAsync(target.AccountId, fileId, cancellationToken);
            var address = $"frameio://accounts/{target.AccountId}/files/{file.Id}\r\n";
            var document = await sender.Send(new AddDocument(projectId, null, file.Name, "text/uri-list",
                new MemoryStream(Encoding.UTF8.GetBytes(address)), userId, await TaskOfFolderAsync(file.ParentId, projectId)), cancellationToken);
            await store.InTransactionAsync(tx => new Link(file.Id, LinkKind.SentAsset, projectId, document.Id).WriteAsync(tx), cancellationToken);
            documents.Add(document.Id);
        }
        var template = received.Form.GetValueOrDefault(TemplateField);
        string? approval;
        try
        {
            approval = await sender.Send(new StartReviewFromFrameio(projectId, documents, template, userId), cancellationToken);
        }
        catch (Exception refused) when (refused is NotFoundException or ForbiddenException or ConflictException or RequestValidationException)
        {
            logger.LogWarning("Review refused the assets {User} sent from Frame.io with template {Template}: {Reason}", userId, LogValue.Of(template),
                LogValue.Of(refused.Message));
            return;
        }
        await store.InTransactionAsync(tx => new Link(selection, LinkKind.SentForReview, projectId, approval ?? "").WriteAsync(tx), cancellationToken);
    }

    /// <summary>The task whose Frame.io folder (of this project) holds the file, else null: the document is the project's.</summary>
    private async Task<string?> TaskOfFolderAsync(string? folderId, string projectId) =>
        folderId is not null && await links.FindAsync(folderId) is { Kind: LinkKind.TaskFolder } folder && folder.ProjectId == projectId
            ? folder.GreenlightId
            : null;

    /// <summary>The comment, fetched from Frame.io, joins the feed of the document its file is linked to, once.</summary>
    private async Task RecordCommentAsync(FrameioEventReceived received, CancellationToken cancellationToken)
    {
        var commentId = received.ResourceIds[0];
        if (await links.FindAsync(commentId) is not null) return;
        var target = await TargetAsync(received);
        var comment = await clients.For(target).Client.GetCommentAsync(target.AccountId, commentId, cancellationToken);
        if (comment.Private || comment.CommentedFileId is null
            || await links.FindAsync(comment.CommentedFileId) is not { Kind: LinkKind.SentAsset or LinkKind.Upload, ProjectId: { } projectId } document) return;
        var ownerId = comment.OwnerUserId ?? received.UserId;
        var author = await GreenlightUserAsync(received, ownerId, cancellationToken) ?? $"frameio:{ownerId}";
        await sender.Send(new RecordFrameioComment(projectId, document.GreenlightId, author, comment.Text), cancellationToken);
        await store.InTransactionAsync(tx => new Link(commentId, LinkKind.Comment, projectId, document.GreenlightId).WriteAsync(tx), cancellationToken);
    }

    /// <summary>The Greenlight user behind a Frame.io identity (see the remarks above), or null: nobody here.</summary>
    private async Task<string?> GreenlightUserAsync(FrameioEventReceived received, string? frameioUserId, CancellationToken cancellationToken)
    {
        if (frameioUserId is null) return null;
        if (await links.FindAsync(frameioUserId) is { Kind: LinkKind.User } known) return known.GreenlightId;
        var target = await TargetAsync(received);
        var person = await clients.For(target).Client.ListAccountUsersAsync(target.AccountId, cancellationToken)
            .FirstOrDefaultAsync(u => u.User.Id == frameioUserId, cancellationToken);
        if (person?.User.Email is not { Length: > 0 } email || await sender.Send(new FindUserByEmail(email), cancellationToken) is not { } user) return null;
        await store.InTransactionAsync(tx => new Link(frameioUserId, LinkKind.User, null, user.Id).WriteAsync(tx), cancellationToken);
        return user.Id;
    }

    private async Task<ConnectionTarget> TargetAsync(FrameioEventReceived received) =>
        await grains.GetGrain<IConnectionGrain>(received.ConnectionKey).TargetAsync()
        ?? throw new InvalidOperationException($"The Frame.io connection '{received.ConnectionKey}' is gone.");

    private async Task<bool> AllowedAsync(string userId, AccessCheck check, CancellationToken cancellationToken)
    {
        var answer = await sender.Send(new CheckAccess(userId, check), cancellationToken);
        if (!answer.Allowed) logger.LogWarning("Ignored a Frame.io action by {User}: {Reason}", userId, answer.Reason);
        return answer.Allowed;
    }
}
