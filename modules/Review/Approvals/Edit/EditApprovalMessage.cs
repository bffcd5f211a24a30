namespace Greenlight.Modules.Review.Approvals.Edit;

/// <summary>
/// A new message for an approval (at most 500 characters; empty removes it): the participants of its open stages get it
/// again by email. Needs what starting it needs: Manage on every document. The message is required: a request without
/// it is refused rather than taken as "no message".
/// </summary>
public sealed record EditApprovalMessage(string ApprovalId, string Message) : IRequest<ApprovalView>, IAuthenticatedRequest;

public sealed class EditApprovalMessageValidator : AbstractValidator<EditApprovalMessage>
{
    public EditApprovalMessageValidator() => RuleFor(r => r.Message).Cascade(CascadeMode.Stop).NotNull().MustBeMessage();
}

internal sealed class EditApprovalMessageAuthorizer(ViewableApprovals approvals) : IRequestAuthorizer<EditApprovalMessage>
{
    public ValueTask<AccessDecision> DecideAsync(Principal principal, EditApprovalMessage request, CancellationToken cancellationToken) =>
        approvals.DecideManageAsync(principal.UserId, request.ApprovalId, cancellationToken);
}

internal sealed class EditApprovalMessageHandler(ViewableApprovals approvals, ICurrentPrincipal current) : IRequestHandler<EditApprovalMessage, ApprovalView>
{
    public async Task<ApprovalView> Handle(EditApprovalMessage request, CancellationToken cancellationToken) =>
        await (await approvals.GetAsync(request.ApprovalId)).Grain.EditMessageAsync(new Act(current.UserId(), EventSource.Greenlight), request.Message);
}

public sealed class EditApprovalMessageEndpoint : IEndpoints
{
    /// <param name="Message">Required; empty removes the message.</param>
    public sealed record Body(string Message);

    public void MapEndpoints(IEndpointRouteBuilder api) =>
        api.MapGroup("/approvals/{approvalId}").WithTags("Approvals")
            .MapPatch("/", async Task<Ok<ApprovalView>> (IMediator sender, string approvalId, Body body, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EditApprovalMessage(approvalId, body.Message), ct)))
            .WithName("EditApprovalMessage").WithSummary("Changes the message (the only field an approval lets change), emailed again to the participants of the open stages.");
}
