namespace Greenlight.Modules.Review.Approvals.Create;

/// <summary>
/// A single-use approval on a document (with up to nine more sent together): one or more parallel paths of stages.
/// A basic approval is one path of one stage. Needs Manage on every document.
/// </summary>
public sealed record CreateApproval(string ProjectId, string DocumentId, IReadOnlyList<string> OtherDocumentIds, string? Message, IReadOnlyList<PathSpec> Paths)
    : IRequest<ApprovalView>, ISecuredRequest
{
    [System.Text.Json.Serialization.JsonIgnore]
    public AccessCheck Check => AccessCheck.On(ReviewRefs.Document(ProjectId, DocumentId), AccessAction.Edit);
}

public sealed class CreateApprovalValidator : AbstractValidator<CreateApproval>
{
    public CreateApprovalValidator()
    {
        RuleFor(r => r.OtherDocumentIds).Must(d => d.Count < ApprovalRules.MaxDocuments)
            .WithMessage($"At most {ApprovalRules.MaxDocuments} documents in all.");
        RuleForEach(r => r.OtherDocumentIds).MustBeId();
        RuleFor(r => r.Message).MustBeMessage();
        RuleFor(r => r.Paths).NotEmpty()
            .Must(p => p.Count <= ApprovalRules.MaxPaths).WithMessage($"At most {ApprovalRules.MaxPaths} parallel paths.")
            .Must(p => p.Sum(x => x.Stages?.Count ?? 0) <= ApprovalRules.MaxStages).WithMessage($"At most {ApprovalRules.MaxStages} stages in all.");
        RuleForEach(r => r.Paths).ChildRules(path => path.MustBeStages(p => p.Stages));
    }
}

internal sealed class CreateApprovalHandler(ApprovalStarter starter, IMediator sender, ICurrentPrincipal current) : IRequestHandler<CreateApproval, ApprovalView>
{
    public async Task<ApprovalView> Handle(CreateApproval request, CancellationToken cancellationToken)
    {
        var userId = current.UserId();
        foreach (var other in request.OtherDocumentIds)
        {
            var answer = await sender.Send(new CheckAccess(userId, AccessCheck.On(ReviewRefs.Document(request.ProjectId, other), AccessAction.Edit)), cancellationToken);
            if (!answer.Allowed) throw new ForbiddenException($"Starting an approval needs Manage on document '{other}'.");
        }
        return await starter.StartAsync(request.ProjectId, [request.DocumentId, .. request.OtherDocumentIds.Except([request.DocumentId])],
            request.Message, request.Paths, new Act(userId, EventSource.Greenlight), cancellationToken);
    }
}

public sealed class CreateApprovalEndpoint : IEndpoints
{
    public sealed record Body(IReadOnlyList<string>? OtherDocumentIds, string? Message, IReadOnlyList<PathSpec>? Paths);

    public void MapEndpoints(IEndpointRouteBuilder api) =>
        api.MapGroup("/projects/{projectId}/documents/{documentId}/approvals").WithTags("Approvals")
            .MapPost("/", async Task<Created<ApprovalView>> (IMediator sender, string projectId, string documentId, Body body, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateApproval(projectId, documentId, body.OtherDocumentIds ?? [], body.Message, body.Paths ?? []), ct);
                return TypedResults.Created($"/api/v1/approvals/{created.Id}", created);
            }).WithName("CreateApproval").WithSummary("Paths of stages run in parallel; a basic approval is one path of one stage.");
}
