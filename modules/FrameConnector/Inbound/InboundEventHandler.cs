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
        if (received.UserId is null || await links.FindAsync(received.UserId) is not { Kind: LinkKind.User } user)
        {
            logger.LogWarning("Ignored Frame.io {Event}: Frame.io user {User} is nobody here", received.Type, received.UserId);
            return;
        }
        if (received.ResourceType == "folder" && await links.FindAsync(received.ResourceIds[0]) is { Kind: LinkKind.TaskFolder, ProjectId: { } projectId } folder)
            await SetTaskStatusAsync(received, projectId, folder.GreenlightId, user.GreenlightId, cancellationToken);
        else if (received.ResourceType == "file" && received.ProjectId is not null
                 && await links.FindAsync(received.ProjectId) is { Kind: LinkKind.Project } project)
            await SendForReviewAsync(received, project.GreenlightId, user.GreenlightId, cancellationToken);
    }

    private async Task SetTaskStatusAsync(FrameioEventReceived received, string projectId, string taskId, string userId, CancellationToken cancellationToken)
    {
        var status = WorkTaskStatus.Complete;
        if (received.Form.TryGetValue(StatusField, out var asked) && !Enum.TryParse(asked.Replace("_", "", StringComparison.Ordinal), true, out status))
        {
            logger.LogWarning("Ignored a Frame.io action on task {Task}: '{Status}' is not a task status", taskId, asked);
            return;
        }
        var task = new SecuredRef(new ObjectRef(ObjectType.Task, taskId), new ObjectRef(ObjectType.Project, projectId));
        if (await AllowedAsync(userId, AccessCheck.On(task, AccessAction.Update), cancellationToken))
            await sender.Send(new SetTaskStatusFor(projectId, taskId, status, userId), cancellationToken);
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
            logger.LogWarning("Review refused the assets {User} sent from Frame.io with template {Template}: {Reason}", userId, template, refused.Message);
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
        if (comment.Private || comment.AssetId is null
            || await links.FindAsync(comment.AssetId) is not { Kind: LinkKind.SentAsset or LinkKind.Upload, ProjectId: { } projectId } document) return;
        var ownerId = comment.OwnerId ?? received.UserId;
        var author = ownerId is not null && await links.FindAsync(ownerId) is { Kind: LinkKind.User } user ? user.GreenlightId : $"frameio:{ownerId}";
        await sender.Send(new RecordFrameioComment(projectId, document.GreenlightId, author, comment.Text), cancellationToken);
        await store.InTransactionAsync(tx => new Link(commentId, LinkKind.Comment, projectId, document.GreenlightId).WriteAsync(tx), cancellationToken);
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
