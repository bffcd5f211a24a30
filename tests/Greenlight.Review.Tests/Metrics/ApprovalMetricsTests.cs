using Greenlight.Kernel.Storage;
using Greenlight.Modules.Review.Metrics;
using Microsoft.Extensions.DependencyInjection;

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

        // This host has no other approvals: the organization's report, read from the roll-ups kept with every change
        // (decisions, a revision), is the project's, read from its rows; and so it stays once they are rebuilt.
        Assert.Equivalent(report, await review.Admin.GetSuccessAsync<ApprovalMetricsView>("/api/v1/approval-metrics"), strict: true);
        Assert.Equal(HttpStatusCode.NoContent, (await review.Admin.PostAsync("/api/v1/admin/approval-metrics/rebuild", null)).StatusCode);
        Assert.Equivalent(report, await review.Admin.GetSuccessAsync<ApprovalMetricsView>("/api/v1/approval-metrics"), strict: true);
        await (await viewer.PostAsync("/api/v1/admin/approval-metrics/rebuild", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>
    /// 240 approvals over seven weeks in three projects, two of them in a group each, written as rows and rolled up by a
    /// rebuild: a group's report (roll-ups) is its project's (rows), all weeks or a range that starts and ends mid-week
    /// (whole weeks from the roll-ups, the ends from rows), and the organization's counts are the projects' sums.
    /// Open approvals are due on days before today, earlier today, later today and around the abandoned cut.
    /// </summary>
    [Fact]
    public async Task Group_and_organization_reports_from_the_roll_ups_equal_the_reports_from_the_rows()
    {
        await using var own = await OwnReviewHost.StartAsync();
        var review = own.Review;
        var now = own.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        const long hour = 3_600_000;
        var projects = new[] { ("p1", (string?)"g1"), ("p2", "g2"), ("p3", null) };
        await review.Host.Services.GetRequiredService<IStore>().InTransactionAsync(async tx =>
        {
            for (var i = 0; i < 240; i++)
            {
                var (project, group) = projects[i % 3];
                var created = now - i * 5 * hour - i % 7 * 60_000;
                var open = i % 4 == 0;
                long? due = !open ? created + i % 9 * 24 * hour : (i / 4 % 7) switch
                {
                    0 => now - 2 * hour, 1 => now + 2 * hour, 2 => now - 14 * 24 * hour - hour, 3 => now - 14 * 24 * hour + hour, 4 => null,
                    5 => now - 20 * 24 * hour, _ => created + 3 * 24 * hour,
                };
                long? completed = open ? null : created + (i % 11 + 1) * 7 * hour;
                await tx.ExecuteAsync("""
                    INSERT INTO review_approvals (approval_id, project_id, group_id, status, is_open, created_at, first_due_at, completed_at, revisions)
                    VALUES (@id, @project, @group, @status, @open, @created, @due, @completed, @revisions)
                    """, ("id", $"seeded-{i}"), ("project", project), ("group", group), ("status", open ? "InReview" : "Approved"), ("open", open ? 1 : 0),
                    ("created", created), ("due", due), ("completed", completed), ("revisions", i % 3));
                for (var d = 0; d < i % 3; d++)
                {
                    await tx.ExecuteAsync("""
                        INSERT INTO review_decisions (approval_id, revision, decided_by, project_id, group_id, decision, stage_opened_at, decided_at)
                        VALUES (@id, 0, @by, @project, @group, @decision, @created, @created)
                        """, ("id", $"seeded-{i}"), ("by", $"u{i % 5}"), ("project", project), ("group", group),
                        ("decision", ((Decision)((i + d) % 3)).ToString()), ("created", created));
                }
            }
        });
        Assert.Equal(HttpStatusCode.NoContent, (await review.Admin.PostAsync("/api/v1/admin/approval-metrics/rebuild", null)).StatusCode);
        var range = $"from={Uri.EscapeDataString(DateTimeOffset.FromUnixTimeMilliseconds(now - 500 * hour).ToString("O"))}" +
                    $"&to={Uri.EscapeDataString(DateTimeOffset.FromUnixTimeMilliseconds(now - 100 * hour + 7).ToString("O"))}";

        foreach (var query in new[] { "", "&" + range })
        {
            Assert.Equivalent(await ReportAsync(review, $"projectId=p1&groupId=g1{query}"), await ReportAsync(review, $"groupId=g1{query}"), strict: true);
            var organization = await ReportAsync(review, query.TrimStart('&'));
            var each = await Task.WhenAll(projects.Select(p => ReportAsync(review, $"projectId={p.Item1}{query}")));
            Assert.Equal(
                (each.Sum(r => r.Pending), each.Sum(r => r.Overdue), each.Sum(r => r.Completed), each.Sum(r => r.Abandoned), each.Sum(r => r.Revisions)),
                (organization.Pending, organization.Overdue, organization.Completed, organization.Abandoned, organization.Revisions));
            Assert.Equal(each.SelectMany(r => r.Decisions).GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Sum(d => d.Value)), organization.Decisions);
            Assert.Equal(each.SelectMany(r => r.Velocity.PerWeek).GroupBy(w => w.WeekStart).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(w => w.Completed))),
                organization.Velocity.PerWeek.Select(w => (w.WeekStart, w.Completed)));
            Assert.True(organization.Overdue > 0 && organization.Abandoned > 0 && organization.Abandoned < organization.Overdue, "the sample has both");
        }
    }

    private static Task<ApprovalMetricsView> ReportAsync(ReviewHost review, string query) =>
        review.Admin.GetSuccessAsync<ApprovalMetricsView>($"/api/v1/approval-metrics?{query}");
}
