using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Review.Contracts;
using Greenlight.Modules.Review.Listing;
using Greenlight.Modules.Review.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Review.Tests.Sweeps;

/// <summary>
/// Every Review operation that names several objects checks the caller's rights on each: given rights on all but one,
/// the caller gets 403 (404 when they may not even see the one withheld) and nothing changes.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class RightsOnEveryObjectTests(ReviewHostFixture fixture) : SharedHostTests(fixture)
{
    [Fact]
    public async Task Starting_an_approval_needs_manage_on_each_of_its_documents()
    {
        var (project, poster) = await ProjectWithDocumentAsync();
        var banner = await Review.DocumentAsync(project, "banner.pdf");
        var (approverId, _) = await Review.ViewerAsync("al", poster, banner);
        var (callerId, caller) = await Review.UserAsync("cal");
        var body = new { otherDocumentIds = new[] { banner }, paths = new[] { new { stages = new[] { Stage("Legal", [Approver(approverId)]) } } } };

        foreach (var (onPoster, onBanner, expected) in new[]
                 {
                     (Permission.Manage, Permission.None, HttpStatusCode.NotFound), (Permission.Manage, Permission.View, HttpStatusCode.Forbidden),
                     (Permission.None, Permission.Manage, HttpStatusCode.NotFound), (Permission.View, Permission.Manage, HttpStatusCode.Forbidden),
                 })
        {
            Review.Access.Grant(callerId, poster, onPoster);
            Review.Access.Grant(callerId, banner, onBanner);
            await (await Review.StartApprovalAsync(project, poster, body, caller)).AssertProblemAsync(expected, $"{onPoster} on the poster, {onBanner} on the banner");
        }

        Assert.Empty(await EventsAsync(project, poster));
        Assert.Empty(await EventsAsync(project, banner));
        Review.Access.Grant(callerId, poster, Permission.Manage);
        (await Review.StartApprovalAsync(project, poster, body, caller)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Changing_deciding_reading_and_publishing_an_approval_need_rights_on_every_one_of_its_documents()
    {
        var (project, poster) = await ProjectWithDocumentAsync();
        var banner = await Review.DocumentAsync(project, "banner.pdf");
        var (approverId, approver) = await Review.ViewerAsync("ada", poster, banner);
        var (managerId, manager) = await Review.UserAsync("mo");
        var approval = await Review.ApprovalAsync(project, poster, new { otherDocumentIds = new[] { banner }, paths = new[] { new { stages = new[] { Stage("Legal", [Approver(approverId)]) } } } });
        var before = await Review.GetApprovalAsync(approval.Id);
        Review.Access.Grant(managerId, poster, Permission.Manage);
        Review.Access.Grant(managerId, banner, Permission.View);
        Review.Access.Grant(approverId, banner, Permission.None);
        var url = $"/api/v1/approvals/{approval.Id}";

        await (await manager.PatchAsJsonAsync(url, new { message = "Mine" })).AssertProblemAsync(HttpStatusCode.Forbidden, "View, not Manage, on the banner");
        await (await ReviewHost.DecideAsync(approver, approval.Id, Decision.Approved)).AssertProblemAsync(HttpStatusCode.Forbidden, "no View on the banner");
        await (await approver.PostAsJsonAsync($"{url}/comments", new { text = "c" })).AssertProblemAsync(HttpStatusCode.Forbidden, "no View on the banner");
        await (await approver.PostAsync($"{url}/review-complete", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "no View on the banner");
        await (await approver.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "no View on the banner");
        await (await approver.PostAsJsonAsync($"{url}/documents/{poster}/publication", new { folderPath = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden, "no View on the banner");
        await (await approver.GetAsync($"{url}/documents/{poster}/publication")).AssertProblemAsync(HttpStatusCode.Forbidden, "no View on the banner");
        Review.Access.Grant(approverId, poster, Permission.None);
        await (await ReviewHost.DecideAsync(approver, approval.Id, Decision.Approved)).AssertProblemAsync(HttpStatusCode.NotFound, "no View on either document");
        var elsewhere = await Review.DocumentAsync(project, "elsewhere.pdf");
        await (await Review.Admin.GetAsync($"{url}/documents/{elsewhere}/publication")).AssertProblemAsync(HttpStatusCode.NotFound, "not a document of the approval");

        Assert.Equivalent(before, await Review.GetApprovalAsync(approval.Id), strict: true);
        Assert.Equal(["Created", "StageOpened"], (await EventsAsync(project, poster)).Select(e => e.Event));
    }

    [Fact]
    public async Task A_documents_feed_leaves_out_the_approvals_with_a_document_the_caller_may_not_view()
    {
        var (project, poster) = await ProjectWithDocumentAsync();
        var banner = await Review.DocumentAsync(project, "banner.pdf");
        var (approverId, _) = await Review.ViewerAsync("aby", poster, banner);
        var (_, viewer) = await Review.ViewerAsync("vi", poster);
        await Review.ApprovalAsync(project, poster, new { otherDocumentIds = new[] { banner }, paths = new[] { new { stages = new[] { Stage("Legal", [Approver(approverId)]) } } } });
        await Review.Host.SendAsSystemAsync(new RecordFrameioComment(project, poster, "someone in Frame.io", "Nice"));

        var feed = await viewer.GetSuccessAsync<List<EventView>>($"/api/v1/projects/{project}/documents/{poster}/approval-events");

        Assert.Equal(["Comment"], feed.Select(e => e.Event));
        Assert.Equal(["Created", "StageOpened", "Comment"], (await EventsAsync(project, poster)).Select(e => e.Event));
    }

    [Fact]
    public async Task The_approvals_report_needs_view_on_its_project_and_beyond_one_project_an_administrator()
    {
        var (project, document) = await ProjectWithDocumentAsync();
        var hidden = await Review.ProjectAsync("Hidden");
        var (viewerId, viewer) = await Review.ViewerAsync("rv", document);
        Review.Access.Grant(viewerId, project, Permission.View);

        (await viewer.GetAsync($"/api/v1/approval-metrics?projectId={project}")).EnsureSuccessStatusCode();
        (await viewer.GetAsync($"/api/v1/approval-metrics?projectId={project}&groupId=g1&approverId={viewerId}")).EnsureSuccessStatusCode();
        await (await viewer.GetAsync($"/api/v1/approval-metrics?projectId={hidden}")).AssertProblemAsync(HttpStatusCode.NotFound, "no View on that project");
        await (await viewer.GetAsync($"/api/v1/approval-metrics?projectId={hidden}&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "rights before validation");
        await (await viewer.GetAsync("/api/v1/approval-metrics?groupId=g1")).AssertProblemAsync(HttpStatusCode.Forbidden, "a group's report");
        await (await viewer.GetAsync($"/api/v1/approval-metrics?approverId={viewerId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "an approver's report");
    }

    [Fact]
    public async Task Assets_from_frameio_are_taken_with_view_on_every_document_and_a_template_applied_only_with_what_starting_an_approval_needs()
    {
        var (project, poster) = await ProjectWithDocumentAsync();
        var banner = await Review.DocumentAsync(project, "banner.pdf");
        var (approverId, _) = await Review.ViewerAsync("fa", poster, banner);
        var (creativeId, _) = await Review.UserAsync("cre");
        var (contributorId, _) = await Review.UserAsync("con", License.Contributor);
        var template = await CreateTemplateAsync(approverId);
        var blindTemplate = await CreateTemplateAsync((await Review.ViewerAsync("blind", poster)).Id);
        Review.Access.Grant(creativeId, poster, Permission.Manage);
        Review.Access.Grant(contributorId, poster, Permission.Manage);
        Review.Access.Grant(contributorId, banner, Permission.Manage);
        StartReviewFromFrameio Send(string? templateId, string requester) => new(project, [poster, banner], templateId, requester);

        await Assert.ThrowsAsync<NotFoundException>(() => Review.Host.SendAsSystemAsync(Send(null, creativeId)));
        Review.Access.Grant(creativeId, banner, Permission.View);
        await Assert.ThrowsAsync<ForbiddenException>(() => Review.Host.SendAsSystemAsync(Send(template.Id, creativeId)));
        Assert.Contains("Standard license", (await Assert.ThrowsAsync<ForbiddenException>(() => Review.Host.SendAsSystemAsync(Send(template.Id, contributorId)))).Message);
        Review.Access.Grant(creativeId, banner, Permission.Manage);
        await Assert.ThrowsAsync<NotFoundException>(() => Review.Host.SendAsSystemAsync(Send("no-such-template", creativeId)));
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Review.Host.SendAsSystemAsync(Send(blindTemplate.Id, creativeId)));
        Assert.Equal(["template.stages[0].participants[0]"], refused.Errors.Keys);

        Assert.Empty(await EventsAsync(project, poster));
        Assert.Equal(0, await StoredInFrameioAsync(poster, banner));
        var approvalId = await Review.Host.SendAsSystemAsync(Send(template.Id, creativeId));
        Assert.Equal([poster, banner], (await Review.GetApprovalAsync(approvalId!)).DocumentIds);
        Assert.Equal(2, await StoredInFrameioAsync(poster, banner));
    }

    private Task<List<EventView>> EventsAsync(string project, string document) =>
        Review.Admin.GetSuccessAsync<List<EventView>>($"/api/v1/projects/{project}/documents/{document}/approval-events");

    private async Task<TemplateView> CreateTemplateAsync(string approverId) =>
        await (await Review.Admin.PostAsJsonAsync("/api/v1/approval-templates",
            new { name = $"T {Guid.NewGuid():N}", stages = new[] { Stage("Producer", [Approver(approverId)], dueInWorkdays: 2) } }, Json.Options)).ReadSuccessAsync<TemplateView>();

    private async Task<long> StoredInFrameioAsync(params string[] documents)
    {
        await using var connection = await Review.Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM review_frameio_documents WHERE document_id IN (@a, @b)", ("a", documents[0]), ("b", documents[1]));
    }
}
