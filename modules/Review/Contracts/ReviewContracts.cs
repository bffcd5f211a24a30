namespace Greenlight.Modules.Review.Contracts;

// For other modules (the FrameConnector sends finished assets here). The sender has checked its caller's
// Frame.io identity; Review checks what its rules demand of the requester, before anything changes.

/// <summary>
/// Assets sent from Frame.io, already added to the project as documents: they are marked as stored in Frame.io
/// (no "Approved with changes", a Standard license to start an approval) and, with a template, their approval starts now.
/// The requester needs View on every document (404 otherwise); with a template, a Standard license (403), Manage on
/// every document (403, or 404), a template that exists (404) and participants who may view every document (400).
/// </summary>
/// <returns>The approval started, or null without a template.</returns>
public sealed record StartReviewFromFrameio(string ProjectId, IReadOnlyList<string> DocumentIds, string? TemplateId, string RequestedBy)
    : IRequest<string?>, IModuleRequest;

/// <summary>A comment made in Frame.io on a document's asset: it joins the document's feed, its source Frame.io.</summary>
public sealed record RecordFrameioComment(string ProjectId, string DocumentId, string Author, string Text)
    : IRequest, IModuleRequest;

/// <summary>An approval finished (every path decided or stopped); <paramref name="Status"/> is its final status name.</summary>
[GenerateSerializer, Immutable, Alias("review.approval-finished")]
public sealed record ApprovalFinished([property: Id(0)] string ApprovalId, [property: Id(1)] string ProjectId, [property: Id(2)] IReadOnlyList<string> DocumentIds, [property: Id(3)] string Status) : INotification;
