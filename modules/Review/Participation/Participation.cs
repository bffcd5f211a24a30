using System.Text.Json.Serialization;

namespace Greenlight.Modules.Review.Participation;

// Decide, CompleteReview, Comment, GetApproval: any signed-in user may send them; their authorizer lets through
// only someone with View on every document of the approval (an External user: documents shared with them),
// and the grain only a participant whose open stage waits for them.

public sealed record Decide(string ApprovalId, Decision Decision, string? Comment) : IRequest<ApprovalView>, IAuthenticatedRequest;

public sealed record CompleteReview(string ApprovalId) : IRequest<ApprovalView>, IAuthenticatedRequest;

public sealed record Comment(string ApprovalId, string Text) : IRequest<ApprovalView>, IAuthenticatedRequest;

public sealed record GetApproval(string ApprovalId) : IRequest<ApprovalView>, IAuthenticatedRequest;

public sealed class DecideValidator : AbstractValidator<Decide>
{
    public DecideValidator()
    {
        RuleFor(r => r.Decision).IsInEnum();
        RuleFor(r => r.Comment).MaximumLength(4000);
    }
}

public sealed class CommentValidator : AbstractValidator<Comment>
{
    public CommentValidator() => RuleFor(r => r.Text).NotEmpty().MaximumLength(4000);
}

internal sealed class ParticipationAuthorizer(ViewableApprovals approvals) :
    IRequestAuthorizer<Decide>, IRequestAuthorizer<CompleteReview>, IRequestAuthorizer<Comment>, IRequestAuthorizer<GetApproval>
{
    public ValueTask<AccessDecision> DecideAsync(Principal principal, Decide request, CancellationToken cancellationToken) =>
        approvals.DecideAsync(principal.UserId, request.ApprovalId, null, cancellationToken);

    public ValueTask<AccessDecision> DecideAsync(Principal principal, CompleteReview request, CancellationToken cancellationToken) =>
        approvals.DecideAsync(principal.UserId, request.ApprovalId, null, cancellationToken);

    public ValueTask<AccessDecision> DecideAsync(Principal principal, Comment request, CancellationToken cancellationToken) =>
        approvals.DecideAsync(principal.UserId, request.ApprovalId, null, cancellationToken);

    public ValueTask<AccessDecision> DecideAsync(Principal principal, GetApproval request, CancellationToken cancellationToken) =>
        approvals.DecideAsync(principal.UserId, request.ApprovalId, null, cancellationToken);
}

internal sealed class ParticipationHandlers(ViewableApprovals approvals, ICurrentPrincipal current) :
    IRequestHandler<Decide, ApprovalView>, IRequestHandler<CompleteReview, ApprovalView>, IRequestHandler<Comment, ApprovalView>,
    IRequestHandler<GetApproval, ApprovalView>
{
    public async Task<ApprovalView> Handle(Decide request, CancellationToken cancellationToken) =>
        await (await approvals.GetAsync(request.ApprovalId)).Grain.DecideAsync(Me, request.Decision, request.Comment);

    public async Task<ApprovalView> Handle(CompleteReview request, CancellationToken cancellationToken) =>
        await (await approvals.GetAsync(request.ApprovalId)).Grain.CompleteReviewAsync(Me);

    public async Task<ApprovalView> Handle(Comment request, CancellationToken cancellationToken) =>
        await (await approvals.GetAsync(request.ApprovalId)).Grain.CommentAsync(Me, request.Text);

    public async Task<ApprovalView> Handle(GetApproval request, CancellationToken cancellationToken) =>
        (await approvals.GetAsync(request.ApprovalId)).Approval;

    private Act Me => new(current.UserId(), EventSource.Greenlight);
}

public sealed class ParticipationEndpoints : IEndpoints
{
    /// <param name="Decision">Required, by name: a body without it records nothing (never a default decision).</param>
    public sealed record DecisionBody([property: JsonRequired] Decision Decision, string? Comment = null);

    public sealed record CommentBody(string Text);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var approvals = api.MapGroup("/approvals/{approvalId}").WithTags("Approvals");
        approvals.MapGet("/", async Task<Ok<ApprovalView>> (IMediator sender, string approvalId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetApproval(approvalId), ct))).WithName("GetApproval");
        approvals.MapPost("/decisions", async Task<Ok<ApprovalView>> (IMediator sender, string approvalId, DecisionBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new Decide(approvalId, body.Decision, body.Comment), ct))).WithName("DecideOnApproval");
        approvals.MapPost("/review-complete", async Task<Ok<ApprovalView>> (IMediator sender, string approvalId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new CompleteReview(approvalId), ct))).WithName("CompleteReview");
        approvals.MapPost("/comments", async Task<Ok<ApprovalView>> (IMediator sender, string approvalId, CommentBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new Comment(approvalId, body.Text), ct))).WithName("CommentOnApproval");
    }
}
