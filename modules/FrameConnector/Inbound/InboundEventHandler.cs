using System.Text;
using Greenlight.Modules.FrameConnector.Connections;
using Microsoft.Extensions.Logging;

namespace Greenlight.Modules.FrameConnector.Inbound;

/// <summary>
/// Published for the Review module: Frame.io assets a creative sent here for formal review, now documents of the
/// project (on the task whose Frame.io folder they came from, if any). Review has no contract for it yet.
/// </summary>
public sealed record AssetsSentForReview(string ProjectId, string? TaskId, IReadOnlyList<string> DocumentIds, string SentBy) : INotification;

/// <summary>
/// Acts on a Frame.io event as the Greenlight user behind the Frame.io identity, after checking their rights here:
/// a custom action on a task folder completes the task; on a file, sends the asset for formal review.
/// Events from unknown people or about unknown objects change nothing.
/// </summary>
public sealed class InboundEventHandler(ISender sender, IGrainFactory grains, Links links, IStore store, IOutbox outbox, ILogger<InboundEventHandler> logger)
    : INotificationHandler<FrameioEventReceived>
{
    public async Task Handle(FrameioEventReceived received, CancellationToken cancellationToken)
    {
        if (received.Type != "action.executed") return;
        if (received.UserId is null || await links.FindAsync(received.UserId) is not { Kind: LinkKind.User } user)
        {
            logger.LogWarning("Ignored Frame.io {Event}: Frame.io user {User} is nobody here", received.Type, received.UserId);
            return;
        }
        var target = await links.FindAsync(received.ResourceId);
        if (received.ResourceType == "folder" && target is { Kind: LinkKind.TaskFolder, ProjectId: { } projectId })
            await CompleteTaskAsync(projectId, target.GreenlightId, user.GreenlightId, cancellationToken);
        else if (received.ResourceType == "file" && target is null && received.ProjectId is not null
                 && await links.FindAsync(received.ProjectId) is { Kind: LinkKind.Project } project)
            await SendAssetAsync(received, project.GreenlightId, user.GreenlightId, cancellationToken);
    }

    private async Task CompleteTaskAsync(string projectId, string taskId, string userId, CancellationToken cancellationToken)
    {
        var task = new SecuredRef(new ObjectRef(ObjectType.Task, taskId), new ObjectRef(ObjectType.Project, projectId));
        if (await AllowedAsync(userId, AccessCheck.On(task, AccessAction.Update), cancellationToken))
            await sender.Send(new SetTaskStatusFor(projectId, taskId, WorkTaskStatus.Complete, userId), cancellationToken);
    }

    /// <summary>A document here linked to the Frame.io file (its content is the file's address), handed to Review.</summary>
    private async Task SendAssetAsync(FrameioEventReceived received, string projectId, string userId, CancellationToken cancellationToken)
    {
        var project = SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, projectId));
        if (!await AllowedAsync(userId, AccessCheck.CreateIn(project, ObjectType.Document), cancellationToken)) return;
        var target = await grains.GetGrain<IConnectionGrain>(received.ConnectionKey).TargetAsync()
            ?? throw new InvalidOperationException($"The Frame.io connection '{received.ConnectionKey}' is gone.");
        var file = await target.Apis.Client.GetFileAsync(target.AccountId, received.ResourceId, cancellationToken);
        var taskId = file.ParentId is { } parent && await links.FindAsync(parent) is { Kind: LinkKind.TaskFolder } folder ? folder.GreenlightId : null;
        var address = $"frameio://accounts/{target.AccountId}/files/{file.Id}\r\n";
        var document = await sender.Send(new AddDocument(projectId, null, file.Name, "text/uri-list",
            new MemoryStream(Encoding.UTF8.GetBytes(address)), userId), cancellationToken);
        await store.InTransactionAsync(async tx =>
        {
            await new Link(file.Id, LinkKind.SentAsset, projectId, document.Id).WriteAsync(tx);
            await outbox.EnqueueAsync(tx, new AssetsSentForReview(projectId, taskId, [document.Id], userId));
        }, cancellationToken);
    }

    private async Task<bool> AllowedAsync(string userId, AccessCheck check, CancellationToken cancellationToken)
    {
        var answer = await sender.Send(new CheckAccess(userId, check), cancellationToken);
        if (!answer.Allowed) logger.LogWarning("Ignored a Frame.io action by {User}: {Reason}", userId, answer.Reason);
        return answer.Allowed;
    }
}
