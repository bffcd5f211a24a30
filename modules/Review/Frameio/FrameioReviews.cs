using Greenlight.Modules.Review.Templates;

namespace Greenlight.Modules.Review.Frameio;

public sealed class StartReviewFromFrameioValidator : AbstractValidator<StartReviewFromFrameio>
{
    public StartReviewFromFrameioValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.DocumentIds).NotEmpty().Must(d => d.Count <= ApprovalRules.MaxDocuments)
            .WithMessage($"At most {ApprovalRules.MaxDocuments} documents are sent together.");
        RuleForEach(r => r.DocumentIds).MustBeId();
        RuleFor(r => r.TemplateId!).MustBeId().When(r => r.TemplateId is not null);
        RuleFor(r => r.RequestedBy).MustBeId();
    }
}

/// <summary>
/// Marks the documents as stored in Frame.io, records that they arrived, and with a template starts their approval.
/// The sender (a system job) is let through by the access policy, so the requester's rights are checked here, all of
/// them before anything changes: View on every document to send it for review; with a template, what starting an
/// approval needs (a Standard license and Manage on every document) and participants who may view every document.
/// </summary>
internal sealed class FrameioReviewHandlers(IStore store, IGrainFactory grains, IMediator sender, ApprovalStarter starter, TimeProvider clock) :
    IRequestHandler<StartReviewFromFrameio, string?>, IRequestHandler<RecordFrameioComment, Unit>
{
    public async Task<string?> Handle(StartReviewFromFrameio request, CancellationToken cancellationToken)
    {
        var documents = request.DocumentIds.Distinct().ToList();
        var approval = request.TemplateId is { } templateId ? await PrepareApprovalAsync(request, documents, templateId, cancellationToken) : null;
        if (approval is null)
        {
            foreach (var document in documents)
                (await sender.DecideAsync(request.RequestedBy, ReviewRefs.Document(request.ProjectId, document), AccessAction.View,
                    "Sending a document for review needs View on it.", cancellationToken)).Enforce();
        }
        await store.InTransactionAsync(async tx =>
        {
            foreach (var document in documents)
            {
                await FrameioDocuments.MarkAsync(tx, request.ProjectId, document);
                await ReviewRows.AddEventAsync(tx, Event(request.ProjectId, document, "SentForReview", request.RequestedBy, null));
            }
        }, cancellationToken);
        return approval is null ? null : (await starter.StartAsync(approval)).Id;
    }

    public async Task<Unit> Handle(RecordFrameioComment request, CancellationToken cancellationToken)
    {
        await store.InTransactionAsync(tx => ReviewRows.AddEventAsync(tx,
            Event(request.ProjectId, request.DocumentId, "Comment", request.Author, request.Text)), cancellationToken);
        return Unit.Value;
    }

    private async Task<NewApproval> PrepareApprovalAsync(StartReviewFromFrameio request, IReadOnlyList<string> documents, string templateId, CancellationToken ct)
    {
        foreach (var document in documents)
        {
            (await sender.DecideAsync(request.RequestedBy, ReviewRefs.Document(request.ProjectId, document), AccessAction.Edit,
                $"Starting an approval needs Manage on document '{document}'.", ct)).Enforce();
        }
        if (!await sender.StartsApprovalsAsync(request.RequestedBy, ct))
            throw new ForbiddenException("Applying an approval template to assets from Frame.io needs a Standard license.");
        var template = await grains.GetGrain<ITemplateCatalogGrain>(TemplateCatalogGrain.Key).FindAsync(templateId)
                       ?? throw new NotFoundException($"Template '{templateId}'");
        return await starter.PrepareAsync(request.ProjectId, documents, template.Message, [new PathSpec(template.Stages)],
            new Act(request.RequestedBy, EventSource.Frameio), sentFromFrameio: true,
            (_, stage, index) => $"template.stages[{stage}].participants[{index}]", ct);
    }

    private ReviewEvent Event(string projectId, string documentId, string name, string actor, string? detail) =>
        new(null, documentId, projectId, name, actor, EventSource.Frameio, clock.GetUtcNow(), detail);
}
