using Greenlight.Modules.Review.Metrics;

namespace Greenlight.Review.Tests.Metrics;

public sealed class ApprovalMetricsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_report_counts_decisions_pending_overdue_abandoned_revisions_and_velocity(bool onPostgres)
    {
        await using var own = await OwnReviewHost.StartAsync(onPostgres);
        var (review, clock) = (own.Review, own.Clock);
        var (approverId, approver) = await review.UserAsync("mia");
        var (_, viewer) = await review.UserAsync("val");
        var project = await review.ProjectAsync();
        var documents = new List<string>();
        for (var i = 0; i < 4; i++) documents.Add(await review.DocumentAsync(project, $"d{i}.pdf"));
        documents.ForEach(d => review.Access.Grant(approverId, d, Permission.View));
        var start = clock.GetUtcNow();
        var approvals = new List<string>();
        foreach (var (document, due) in documents.Zip(new[] { 20, 20, 1, -20 }))
            approvals.Add((await review.ApprovalAsync(project, document, Approval(Path(Stage("S", [Approver(approverId)], dueAt: start.AddDays(due)))))).Id);

        clock.Advance(TimeSpan.FromHours(10));
        (await ReviewHost.DecideAsync(approver, approvals[0], Decision.Approved)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromHours(20));
        (await ReviewHost.DecideAsync(approver, approvals[1], Decision.NeedsWork)).EnsureSuccessStatusCode();
        (await review.NewVersionAsync(project, documents[1])).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await review.GetApprovalAsync(approvals[1])).Revisions == 1, "the revision started");
        (await ReviewHost.DecideAsync(approver, approvals[1], Decision.Approved)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromDays(2));

        var report = await review.Admin.GetSuccessAsync<ApprovalMetricsView>($"/api/v1/approval-metrics?projectId={project}");

        Assert.Equal(new Dictionary<string, int> { ["Approved"] = 2, ["NeedsWork"] = 1 }, report.Decisions);
        Assert.Equal((2, 2, 2, 1, 1), (report.Pending, report.Overdue, report.Completed, report.Abandoned, report.Revisions));
        Assert.Equal(20d, report.Velocity.AverageHours);
        Assert.Equal(10d, report.Velocity.MedianHours!.Value, tolerance: 0.1); // percentiles within 1%
        Assert.Equal(30d, report.Velocity.P90Hours!.Value, tolerance: 0.3);
        Assert.Equal(new WeekVelocity(new DateOnly(2026, 1, 5), 2, 20), Assert.Single(report.Velocity.PerWeek));
        var byApprover = await review.Admin.GetSuccessAsync<ApprovalMetricsView>($"/api/v1/approval-metrics?approverId={approverId}");
        Assert.Equal(2, byApprover.Completed);
        var empty = await review.Admin.GetSuccessAsync<ApprovalMetricsView>($"/api/v1/approval-metrics?from={Uri.EscapeDataString(start.AddDays(1).ToString("O"))}");
        Assert.Equal((0, null), (empty.Completed, empty.Velocity.MedianHours));
        await (await viewer.GetAsync($"/api/v1/approval-metrics?projectId={project}")).AssertProblemAsync(HttpStatusCode.NotFound, "no View on the project");
        await (await viewer.GetAsync("/api/v1/approval-metrics")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
