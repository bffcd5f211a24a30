using Greenlight.Kernel.Storage;
using Greenlight.Modules.Review.Listing;
using Greenlight.Modules.Review.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Review.Tests.Approvals;

[Collection(ReviewHostCollection.Name)]
public sealed class RebuildRowsTests(ReviewHostFixture fixture) : SharedHostTests(fixture)
{
    private static readonly string[] ApprovalTables = ["review_approvals", "review_approval_documents", "review_open_documents", "review_waiting", "review_decisions"];

    [Fact]
    public async Task An_approvals_rows_are_rebuilt_from_its_state_and_its_events_are_kept()
    {
        var (firstId, first) = await Review.UserAsync("fay");
        var (secondId, second) = await Review.UserAsync("gus");
        var (project, document) = await ProjectWithDocumentAsync();
        foreach (var user in new[] { firstId, secondId }) Review.Access.Grant(user, document, Permission.View);
        var approval = await Review.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(firstId), Approver(secondId)]))));
        (await ReviewHost.DecideAsync(first, approval.Id, Decision.Approved)).EnsureSuccessStatusCode();
        var report = await ReportAsync(project);
        Assert.Equal((1, 1), (report.Pending, report.Decisions["Approved"]));
        var events = await Review.ProjectEventsAsync(project);

        await Review.Host.Services.GetRequiredService<IStore>().InTransactionAsync(async tx =>
        {
            foreach (var table in ApprovalTables) await tx.ExecuteAsync($"DELETE FROM {table} WHERE approval_id = @a", ("a", approval.Id));
        });
        Assert.Empty(await second.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals"));
        Assert.Equal(0, (await ReportAsync(project)).Pending);
        await (await first.PostAsync($"/api/v1/admin/approvals/{approval.Id}/rebuild-rows", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Review.Admin.PostAsync("/api/v1/admin/approvals/no-such-approval/rebuild-rows", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await Review.Admin.PostAsync($"/api/v1/admin/approvals/{approval.Id}/rebuild-rows", null)).StatusCode);

        var waiting = Assert.Single(await second.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals"));
        Assert.Equal(("Legal", approval.Id), (waiting.StageName, waiting.ApprovalId));
        Assert.Equivalent(report, await ReportAsync(project));
        Assert.Equal(events, await Review.ProjectEventsAsync(project));
        await (await Review.StartApprovalAsync(project, document, Approval(Path(Stage("Again", [Approver(firstId)])))))
            .AssertProblemAsync(HttpStatusCode.Conflict, "the document is under the rebuilt open approval");
    }

    private Task<ApprovalMetricsView> ReportAsync(string project) =>
        Review.Admin.GetSuccessAsync<ApprovalMetricsView>($"/api/v1/approval-metrics?projectId={project}");
}
