namespace Greenlight.Modules.Review.Participation;

/// <summary>Decisions and statuses in the words the console's pages use.</summary>
public static class ReviewWords
{
    public static string Of(Decision decision) => decision switch
    {
        Decision.Approved => "Approved",
        Decision.ApprovedWithChanges => "Approved with changes",
        _ => "Needs work",
    };

    public static string Of(ApprovalStatus status) => status switch
    {
        ApprovalStatus.PendingReview => "Pending review",
        ApprovalStatus.InReview => "In review",
        ApprovalStatus.NeedsWork => "Needs work",
        ApprovalStatus.ApprovedWithChanges => "Approved with changes",
        _ => status.ToString(),
    };
}
