namespace Greenlight.Modules.Review.Approvals;

/// <summary>An approval as a user may reach it: only with View on every one of its documents (an External user: documents shared with them).</summary>
internal sealed class ViewableApprovals(IGrainFactory grains, IMediator sender)
{
    /// <summary>
    /// Allowed with View on every document of the approval; not found when it does not exist, the user may view
    /// none of its documents, or the given document is not one of them; denied when the user may view only some.
    /// </summary>
    public async ValueTask<AccessDecision> DecideAsync(string userId, string approvalId, string? documentId, CancellationToken ct)
    {
        if (await grains.GetGrain<IApprovalGrain>(approvalId).FindAsync() is not { } approval)
            return AccessDecision.DenyAsNotFound($"Approval '{approvalId}' was not found.");
        var denied = await DeniedAsync(userId, approval, AccessAction.View, ct);
        if (denied == approval.DocumentIds.Count) return AccessDecision.DenyAsNotFound($"No View on any document of approval '{approvalId}'.");
        if (denied > 0) return AccessDecision.Deny("You may not view every document of this approval.");
        return documentId is null || approval.DocumentIds.Contains(documentId)
            ? AccessDecision.Allow("View on every document of the approval")
            : AccessDecision.DenyAsNotFound($"Document '{documentId}' is not one of approval '{approvalId}'.");
    }

    /// <summary>How many documents of the approval the user may not act on this way.</summary>
    private async Task<int> DeniedAsync(string userId, ApprovalView approval, AccessAction action, CancellationToken ct)
    {
        var denied = 0;
        foreach (var document in approval.DocumentIds)
        {
            var check = AccessCheck.On(ReviewRefs.Document(approval.ProjectId, document), action);
            if (!(await sender.Send(new CheckAccess(userId, check), ct)).Allowed) denied++;
        }
        return denied;
    }

    /// <summary>As <see cref="DecideAsync"/>, and denied unless the user also has Manage on every document (what starting an approval needs).</summary>
    public async ValueTask<AccessDecision> DecideManageAsync(string userId, string approvalId, CancellationToken ct)
    {
        var view = await DecideAsync(userId, approvalId, null, ct);
        if (!view.Allowed) return view;
        return await DeniedAsync(userId, (await GetAsync(approvalId)).Approval, AccessAction.Edit, ct) == 0
            ? AccessDecision.Allow("Manage on every document of the approval")
            : AccessDecision.Deny("Changing an approval needs Manage on every one of its documents.");
    }

    /// <summary>The approval a request's authorizer has let the caller reach.</summary>
    public async Task<(IApprovalGrain Grain, ApprovalView Approval)> GetAsync(string approvalId)
    {
        var grain = grains.GetGrain<IApprovalGrain>(approvalId);
        return (grain, await grain.FindAsync() ?? throw new NotFoundException($"Approval '{approvalId}'"));
    }
}
