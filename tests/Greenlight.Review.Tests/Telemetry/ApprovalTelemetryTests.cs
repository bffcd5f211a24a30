using Greenlight.Testing.Telemetry;

namespace Greenlight.Review.Tests.Telemetry;

/// <summary>Approvals on a host with telemetry on, exporting in memory. Alone, so the counts are this test's only.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ApprovalTelemetryCollection
{
    public const string Name = "approval telemetry";
}

[Collection(ApprovalTelemetryCollection.Name)]
public sealed class ApprovalTelemetryTests
{
    [Fact]
    public async Task Approvals_opened_decided_and_overdue_are_counted_once_their_change_is_stored()
    {
        var telemetry = new TelemetryCapture();
        await using var own = await OwnReviewHost.StartAsync(extra: (TelemetryCapture.Settings, telemetry.AddTo));
        var (review, clock) = (own.Review, own.Clock);
        telemetry.Attach(review.Host);
        var project = await review.ProjectAsync();
        var poster = await review.DocumentAsync(project, "poster.pdf");
        var flyer = await review.DocumentAsync(project, "flyer.pdf");
        var (anaId, ana) = await review.ViewerAsync("ana", poster);
        var (rexId, _) = await review.ViewerAsync("rex", flyer);

        var decided = await review.ApprovalAsync(project, poster, Approval(Path(Stage("Legal", [Approver(anaId)]))));
        (await ReviewHost.DecideAsync(ana, decided.Id, Decision.Approved)).EnsureSuccessStatusCode();
        await review.ApprovalAsync(project, flyer, Approval(Path(Stage("Print", [Approver(rexId)], dueAt: clock.GetUtcNow().AddDays(5)))));

        Assert.Equal(2, telemetry.Sum("greenlight.review.approvals.opened", ("greenlight.review.round", "first")));
        Assert.Equal(1, telemetry.Sum("greenlight.review.decisions", ("greenlight.review.decision", "Approved")));
        Assert.Equal(1, telemetry.Sum("greenlight.review.approvals.completed", ("greenlight.review.status", "Approved")));
        Assert.Equal(0, telemetry.Sum("greenlight.review.stages.overdue"));

        // Past the due date with rex's decision missing: the deadline reminder goes, and the stage counts as overdue.
        clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => review.EmailsTo(rexId).Any(m => m.Subject.Contains("deadline", StringComparison.Ordinal)),
            "the deadline reminder reaches rex");
        await Eventually.HoldsAsync(() => telemetry.Sum("greenlight.review.stages.overdue") == 1, "the overdue stage is counted");
        Assert.True(telemetry.Sum("greenlight.email.sent") >= 3);
    }
}
