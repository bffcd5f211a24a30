using Greenlight.Modules.Review.Contracts;
using Greenlight.Modules.Review.Listing;
using Greenlight.Modules.Review.Templates;

namespace Greenlight.Review.Tests.Templates;

[Collection(ReviewHostCollection.Name)]
public sealed class TemplateTests(ReviewHostFixture fixture) : SharedHostTests(fixture)
{
    [Fact]
    public async Task Templates_are_made_by_standard_users_with_stages_due_in_workdays()
    {
        var (_, light) = await Review.UserAsync("lou", License.Light);
        var (_, standard) = await Review.UserAsync("stan");
        var stages = new[] { Stage("Legal", [Approver("someone")], dueInWorkdays: 3) };

        await (await light.PostAsJsonAsync("/api/v1/approval-templates", new { name = "Print", stages }, Json.Options)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await standard.PostAsJsonAsync("/api/v1/approval-templates", new { name = "Print", stages = new[] { Stage("Legal", [Approver("x")], dueAt: DateTimeOffset.UtcNow) } }, Json.Options))
            .AssertInvalidFieldAsync("stages[0]");
        await (await standard.PostAsJsonAsync("/api/v1/approval-templates", new { name = "Print", message = new string('m', 501), stages }, Json.Options))
            .AssertInvalidFieldAsync("message");
        var created = await (await standard.PostAsJsonAsync("/api/v1/approval-templates", new { name = $"Print {Guid.NewGuid():N}", stages }, Json.Options))
            .ReadSuccessAsync<TemplateView>();

        Assert.Contains(await standard.GetSuccessAsync<List<TemplateView>>("/api/v1/approval-templates"), t => t.Id == created.Id);
        Assert.Equal(3, (await standard.GetSuccessAsync<TemplateView>($"/api/v1/approval-templates/{created.Id}")).Stages[0].DueInWorkdays);
        await (await light.GetAsync("/api/v1/approval-templates")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_template_applied_to_assets_sent_from_frameio_starts_their_approval_recorded_as_from_frameio()
    {
        var (approverId, approver) = await Review.UserAsync("fay");
        var (coordinatorId, _) = await Review.UserAsync("cory");
        var project = await Review.ProjectAsync();
        var (first, second) = (await Review.DocumentAsync(project, "cut-1.mp4"), await Review.DocumentAsync(project, "cut-2.mp4"));
        Review.Access.Grant(approverId, first, Permission.View);
        Review.Access.Grant(approverId, second, Permission.View);
        Review.Access.Grant(coordinatorId, first, Permission.Manage);
        Review.Access.Grant(coordinatorId, second, Permission.Manage);
        var template = await (await Review.Admin.PostAsJsonAsync("/api/v1/approval-templates",
            new { name = $"Video {Guid.NewGuid():N}", message = "Final cut", stages = new[] { Stage("Producer", [Approver(approverId)], dueInWorkdays: 2) } }, Json.Options))
            .ReadSuccessAsync<TemplateView>();

        var approvalId = await Review.Host.SendAsSystemAsync(new StartReviewFromFrameio(project, [first, second], template.Id, coordinatorId));

        var approval = await Review.GetApprovalAsync(approvalId!);
        Assert.Equal((EventSource.Frameio, true, "Final cut", 2), (approval.Source, approval.StoredInFrameio, approval.Message, approval.DocumentIds.Count));
        Assert.Equal(Workdays.Add(Review.Clock.GetUtcNow(), 2), approval.Paths[0].Stages[0].DueAt);
        await Review.EmailsToAsync(approverId, 1);
        await (await ReviewHost.DecideAsync(approver, approvalId!, Decision.ApprovedWithChanges)).AssertInvalidFieldAsync("decision");
        await Review.Host.SendAsSystemAsync(new RecordFrameioComment(project, first, "Creative in Frame.io", "Colour graded"));
        (await ReviewHost.DecideAsync(approver, approvalId!, Decision.Approved)).EnsureSuccessStatusCode();

        var feed = await approver.GetSuccessAsync<List<EventView>>($"/api/v1/projects/{project}/documents/{first}/approval-events");
        Assert.Equal(["SentForReview", "Created", "StageOpened", "Comment", "Decision", "StageCompleted", "Completed"], feed.Select(e => e.Event));
        Assert.Equal((coordinatorId, EventSource.Frameio), (feed[1].Actor, feed[1].Source));
        Assert.Equal((approverId, EventSource.Greenlight), (feed[4].Actor, feed[4].Source));
        await (await approver.GetAsync($"/api/v1/projects/{project}/approval-events")).AssertProblemAsync(HttpStatusCode.NotFound, "no View on the project");
        var audit = await Review.Admin.GetSuccessAsync<List<EventView>>($"/api/v1/projects/{project}/approval-events");
        Assert.Equal(2, audit.Count(e => e.Event == "SentForReview"));
    }

    [Fact]
    public async Task Starting_an_approval_of_frameio_assets_needs_a_standard_license()
    {
        var (contributorId, contributor) = await Review.UserAsync("cleo", License.Contributor);
        var (standardId, standard) = await Review.UserAsync("stella");
        var project = await Review.ProjectAsync();
        var document = await Review.DocumentAsync(project, "cut.mp4");
        var (approverId, _) = await Review.ViewerAsync("abe", document);
        Review.Access.Grant(contributorId, document, Permission.Manage);
        Review.Access.Grant(standardId, document, Permission.Manage);
        var body = Approval(Path(Stage("Legal", [Approver(approverId)])));

        Assert.Null(await Review.Host.SendAsSystemAsync(new StartReviewFromFrameio(project, [document], null, contributorId)));

        var refused = await (await Review.StartApprovalAsync(project, document, body, contributor)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Standard license", refused.GetProperty("detail").GetString());
        var started = await (await Review.StartApprovalAsync(project, document, body, standard)).ReadSuccessAsync<ApprovalView>();
        Assert.True(started.StoredInFrameio);
    }

    [Fact]
    public async Task A_template_applied_to_assets_from_frameio_needs_a_standard_license_and_a_contributor_only_sends_them()
    {
        var (contributorId, _) = await Review.UserAsync("colm", License.Contributor);
        var project = await Review.ProjectAsync();
        var document = await Review.DocumentAsync(project, "cut.mp4");
        var (approverId, _) = await Review.ViewerAsync("ana", document);
        Review.Access.Grant(contributorId, document, Permission.Manage);
        var template = await (await Review.Admin.PostAsJsonAsync("/api/v1/approval-templates",
            new { name = $"Video {Guid.NewGuid():N}", stages = new[] { Stage("Producer", [Approver(approverId)]) } }, Json.Options)).ReadSuccessAsync<TemplateView>();

        var refused = await Assert.ThrowsAsync<Greenlight.Kernel.Errors.ForbiddenException>(() =>
            Review.Host.SendAsSystemAsync(new StartReviewFromFrameio(project, [document], template.Id, contributorId)));

        Assert.Contains("Standard license", refused.Message);
        Assert.Empty(await Review.Admin.GetSuccessAsync<List<EventView>>($"/api/v1/projects/{project}/documents/{document}/approval-events"));
        Assert.Null(await Review.Host.SendAsSystemAsync(new StartReviewFromFrameio(project, [document], null, contributorId)));
        Assert.Equal(["SentForReview"], (await Review.Admin.GetSuccessAsync<List<EventView>>($"/api/v1/projects/{project}/documents/{document}/approval-events")).Select(e => e.Event));
    }
}
