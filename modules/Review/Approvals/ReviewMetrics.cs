using System.Diagnostics.Metrics;
using static Greenlight.Kernel.Telemetry.GreenlightMetrics;

namespace Greenlight.Modules.Review.Approvals;

/// <summary>Approvals as the operator follows them, counted once their change is stored. Tags: a round kind, a decision, a status.</summary>
internal static class ReviewMetrics
{
    private static readonly Counter<long> Opened = Counter("greenlight.review.approvals.opened", "{round}", "Approval rounds opened: a new approval (first) or a new version after Needs work (revision).");
    private static readonly Counter<long> Decisions = Counter("greenlight.review.decisions", "{decision}", "Approvers' decisions, by decision.");
    private static readonly Counter<long> Completed = Counter("greenlight.review.approvals.completed", "{round}", "Approval rounds decided, by resulting status.");
    private static readonly Counter<long> Overdue = Counter("greenlight.review.stages.overdue", "{stage}", "Approval stages whose due date passed with decisions missing.");

    public static void RoundOpened(bool revision) => Opened.Add(1, Tag("greenlight.review.round", revision ? "revision" : "first"));

    public static void Decided(Decision decision) => Decisions.Add(1, Tag("greenlight.review.decision", decision.ToString()));

    public static void RoundCompleted(ApprovalStatus status) => Completed.Add(1, Tag("greenlight.review.status", status.ToString()));

    public static void StagesOverdue(int count)
    {
        if (count > 0) Overdue.Add(count);
    }
}
