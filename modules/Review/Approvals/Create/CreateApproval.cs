namespace Greenlight.Modules.Review.Approvals.Create;

/// <summary>
/// A single-use approval on a document (with up to nine more sent together): one or more parallel paths of stages.
/// A basic approval is one path of one stage. Needs Manage on every document (and a Standard license when one of them
/// is stored in Frame.io); every participant must be able to view every document.
/// </summary>
public sealed record CreateApproval(string ProjectId, string DocumentId, IReadOnlyList<string> OtherDocumentIds, string? Message, IReadOnlyList<PathSpec> Paths)
    : IRequest<ApprovalView>, ISecuredRequest
{
    [System.Text.Json.Serialization.JsonIgnore]
    public AccessCheck Check => AccessCheck.On(ReviewRefs.Document(ProjectId, DocumentId), AccessAction.Edit);

    /// <summary>Every document of the approval, the route's first, each once.</summary>
    public IReadOnlyList<string> DocumentIds() => [DocumentId, .. (OtherDocumentIds ?? []).Distinct().Except([DocumentId])];

    public static string ParticipantField(int path, int stage, int index) => $"paths[{path}].stages[{stage}].participants[{index}]";
}

public sealed class CreateApprovalValidator : AbstractValidator<CreateApproval>
{
    public CreateApprovalValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.OtherDocumentIds).NotNull().Must(d => d.Count < ApprovalRules.MaxDocuments)
            .WithMessage($"At most {ApprovalRules.MaxDocuments} documents in all.");
        RuleForEach(r => r.OtherDocumentIds).MustBeId();
        RuleFor(r => r.Message).MustBeMessage();
        RuleFor(r => r.Paths).NotEmpty()
            .Must(p => p.Count <= ApprovalRules.MaxPaths).WithMessage($"At most {ApprovalRules.MaxPaths} parallel paths.")
            .Must(p => p.Sum(x => x?.Stages?.Count ?? 0) <= ApprovalRules.MaxStages).WithMessage($"At most {ApprovalRules.MaxStages} stages in all.");
        RuleForEach(r => r.Paths).NotNull().ChildRules(path => path.MustBeStages(p => p.Stages));
    }
}

/// <summary>
/// The documents besides the route's (which the access policy checks): Manage on each, else 403, or 404 for one the
/// caller may not even view. Assets stored in Frame.io need a Standard license as well. Before validation, so a caller
/// without rights learns nothing from it.
/// </summary>
internal sealed class CreateApprovalAuthorizer(IMediator sender, IStore store) : IRequestAuthorizer<CreateApproval>
{
    public async ValueTask<AccessDecision> DecideAsync(Principal principal, CreateApproval request, CancellationToken cancellationToken)
    {
        var documents = request.DocumentIds();
        foreach (var other in documents.Skip(1))
        {
            var decision = await sender.DecideAsync(principal.UserId, ReviewRefs.Document(request.ProjectId, other), AccessAction.Edit,
                $"Starting an approval needs Manage on document '{other}'.", cancellationToken);
            if (!decision.Allowed) return decision;
        }
        return await FrameioDocuments.AnyAsync(store, documents) && !await sender.StartsApprovalsAsync(principal.UserId, cancellationToken)
            ? AccessDecision.Deny("An approval of assets stored in Frame.io needs a Standard license.")
            : AccessDecision.Allow("Manage on every document");
    }
}

internal sealed class CreateApprovalHandler(ApprovalStarter starter, ICurrentPrincipal current) : IRequestHandler<CreateApproval, ApprovalView>
{
    public async Task<ApprovalView> Handle(CreateApproval request, CancellationToken cancellationToken) =>
        await starter.StartAsync(await starter.PrepareAsync(request.ProjectId, request.DocumentIds(), request.Message, request.Paths,
            new Act(current.UserId(), EventSource.Greenlight), sentFromFrameio: false, CreateApproval.ParticipantField, cancellationToken));
}

public sealed class CreateApprovalEndpoint : IEndpoints
{
    /// <param name="Paths">Required: at least one path of at least one stage.</param>
    public sealed record Body(IReadOnlyList<PathSpec> Paths, IReadOnlyList<string>? OtherDocumentIds = null, string? Message = null);

    public void MapEndpoints(IEndpointRouteBuilder api) =>
        api.MapGroup("/projects/{projectId}/documents/{documentId}/approvals").WithTags("Approvals")
            .MapPost("/", async Task<Created<ApprovalView>> (IMediator sender, string projectId, string documentId, Body body, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateApproval(projectId, documentId, body.OtherDocumentIds ?? [], body.Message, body.Paths), ct);
                return TypedResults.Created($"/api/v1/approvals/{created.Id}", created);
            }).WithName("CreateApproval").WithSummary("Paths of stages run in parallel; a basic approval is one path of one stage.");
}
