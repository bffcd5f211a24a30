using Greenlight.Modules.Review.Templates;

namespace Greenlight.Modules.Review.Frameio;

public sealed class StartReviewFromFrameioValidator : AbstractValidator<StartReviewFromFrameio>
{
    public StartReviewFromFrameioValidator()
    {
        RuleFor(r => r.DocumentIds).NotEmpty().Must(d => d.Count <= ApprovalRules.MaxDocuments)
            .WithMessage($"At most {ApprovalRules.MaxDocuments} documents are sent together.");
        RuleForEach(r => r.DocumentIds).MustBeId();
        RuleFor(r => r.RequestedBy).MustBeId();
    }
}

/// <summary>Marks the documents as stored in Frame.io, records that they arrived, and with a template starts their approval.</summary>
internal sealed class FrameioReviewHandlers(IStore store, IGrainFactory grains, ApprovalStarter starter, TimeProvider clock) :
    IRequestHandler<StartReviewFromFrameio, string?>, IRequestHandler<RecordFrameioComment, Unit>
{
    public async Task<string?> Handle(StartReviewFromFrameio request, CancellationToken cancellationToken)
    {
        await store.InTransactionAsync(async tx =>
        {
            foreach (var document in request.DocumentIds)
            {
                await FrameioDocuments.MarkAsync(tx, request.ProjectId, document);
                await ReviewRows.AddEventAsync(tx, Event(request.ProjectId, document, "SentForReview", request.RequestedBy, null));
            }
        }, cancellationToken);
        if (request.TemplateId is null) return null;
        var template = await grains.GetGrain<ITemplateCatalogGrain>(TemplateCatalogGrain.Key).FindAsync(request.TemplateId)
                       ?? throw new NotFoundException($"Template '{request.TemplateId}'");
        var approval = await starter.StartAsync(request.ProjectId, request.DocumentIds, template.Message, [new PathSpec(template.Stages)],
            new Act(request.RequestedBy, EventSource.Frameio), cancellationToken);
        return approval.Id;
    }

    public async Task<Unit> Handle(RecordFrameioComment request, CancellationToken cancellationToken)
    {
        await store.InTransactionAsync(tx => ReviewRows.AddEventAsync(tx,
            Event(request.ProjectId, request.DocumentId, "Comment", request.Author, request.Text)), cancellationToken);
        return Unit.Value;
    }

    private ReviewEvent Event(string projectId, string documentId, string name, string actor, string? detail) =>
        new(null, documentId, projectId, name, actor, EventSource.Frameio, clock.GetUtcNow(), detail);
}
