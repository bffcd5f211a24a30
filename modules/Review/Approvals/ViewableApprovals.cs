namespace Greenlight.Modules.Review.Approvals;

/// <summary>An approval as its caller may reach it: only with View on every one of its documents (an External user: documents shared with them).</summary>
internal sealed class ViewableApprovals(IGrainFactory grains, ISender sender, ICurrentPrincipal current)
{
    /// <summary>The approval's grain and view; 404 when the caller may view none of its documents, 403 when only some.</summary>
    public async Task<(IApprovalGrain Grain, ApprovalView Approval)> GetAsync(string approvalId, CancellationToken ct)
    {
        var grain = grains.GetGrain<IApprovalGrain>(approvalId);
        var approval = await grain.FindAsync() ?? throw new NotFoundException($"Approval '{approvalId}'");
        var denied = 0;
        foreach (var document in approval.DocumentIds)
        {
            var check = AccessCheck.On(ReviewRefs.Document(approval.ProjectId, document), AccessAction.View);
            if (!(await sender.Send(new CheckAccess(current.UserId(), check), ct)).Allowed) denied++;
        }
        if (denied == approval.DocumentIds.Count) throw new NotFoundException($"Approval '{approvalId}'");
        if (denied > 0) throw new ForbiddenException("You may not view every document of this approval.");
        return (grain, approval);
    }
}
