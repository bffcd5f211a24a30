using System.Diagnostics;
using System.Diagnostics.Metrics;
using Greenlight.Kernel.Telemetry;

namespace Greenlight.Modules.Review.Approvals;

/// <summary>Approvals as the operator follows them, counted once their change is stored. Tags: a round kind, a decision, a status.</summary>
internal static class ReviewMetrics
{
    private static readonly Counter<long> Opened = GreenlightTelemetry.Meter.CreateCounter<long>(
        "greenlight.review.approvals.opened", "{round}", "Approval rounds opened: a new approval (first) or a new version after Needs work (revision).");

    private static readonly Counter<long> Decisions = GreenlightTelemetry.Meter.CreateCounter<long>(
        "greenlight.review.decisions", "{decision}", "Approvers' decisions, by decision.");

    private static readonly Counter<long> Completed = GreenlightTelemetry.Meter.CreateCounter<long>(
        "greenlight.review.approvals.completed", "{round}", "Approval rounds decided, by resulting status.");

    private static readonly Counter<long> Overdue = GreenlightTelemetry.Meter.CreateCounter<long>(
        "greenlight.review.stages.overdue", "{stage}", "Approval stages whose due date passed with decisions missing.");

    public static void RoundOpened(bool revision) => Opened.Add(1, new TagList { { "greenlight.review.round", revision ? "revision" : "first" } });

    public static void Decided(Decision decision) => Decisions.Add(1, new TagList { { "greenlight.review.decision", decision.ToString() } });

    public static void RoundCompleted(ApprovalStatus status) => Completed.Add(1, new TagList { { "greenlight.review.status", status.ToString() } });

    public static void StagesOverdue(int count)
    {
        if (count > 0) Overdue.Add(count);
    }
}
