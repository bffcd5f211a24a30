using Greenlight.Kernel.Email;

namespace Greenlight.Modules.Review.Notifications;

/// <summary>Sends one email to the user's current address; users without one (or deactivated) get none.</summary>
internal sealed class EmailDueHandler(IMediator sender, IEmailSender email) : INotificationHandler<EmailDue>
{
    public async Task Handle(EmailDue notification, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetUserProfile(notification.UserId), cancellationToken) is not { Active: true, Email.Length: > 0 } user) return;
        await email.SendAsync(EmailMessage.FromText([$"{user.Name} <{user.Email}>"], notification.Subject, notification.Body), cancellationToken);
    }
}

/// <summary>Tells the Work module whether the approval is open now, so a project cannot complete under an open approval.</summary>
internal sealed class ApprovalOpenChangedHandler(IGrainFactory grains, IMediator sender) : INotificationHandler<ApprovalOpenChanged>
{
    public async Task Handle(ApprovalOpenChanged notification, CancellationToken cancellationToken)
    {
        var approval = await grains.GetGrain<IApprovalGrain>(notification.ApprovalId).FindAsync();
        if (approval is { CompletedAt: null })
            await sender.Send(new ApprovalOpened(notification.ProjectId, notification.ApprovalId), cancellationToken);
        else
            await sender.Send(new ApprovalClosed(notification.ProjectId, notification.ApprovalId), cancellationToken);
    }
}

/// <summary>A new version of a document whose last approval said Needs work starts that approval's next round.</summary>
internal sealed class RevisionHandler(IGrainFactory grains, IStore store, IMediator sender) : INotificationHandler<DocumentVersionAdded>
{
    public async Task Handle(DocumentVersionAdded notification, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var approvalId = await connection.ScalarAsync<string>("""
            SELECT a.approval_id FROM review_approvals a JOIN review_approval_documents d ON d.approval_id = a.approval_id
            WHERE d.document_id = @d AND a.status = @status AND a.is_open = 0
            ORDER BY a.created_at DESC LIMIT 1
            """, ("d", notification.DocumentId), ("status", ApprovalStatus.NeedsWork.ToString()));
        if (approvalId is null || await grains.GetGrain<IApprovalGrain>(approvalId).FindAsync() is not { } approval) return;
        var documents = await ApprovalStarter.CurrentDocumentsAsync(sender, approval.ProjectId, approval.DocumentIds, cancellationToken);
        await grains.GetGrain<IApprovalGrain>(approvalId).StartRevisionAsync(notification.DocumentId,
            documents.ToDictionary(d => d.Id, d => d.Versions.Max(v => v.Number)), documents.ToDictionary(d => d.Id, d => d.Name), notification.UploadedBy);
    }
}
