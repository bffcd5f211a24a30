using Greenlight.Modules.Review.ExperienceManager;
using Greenlight.Modules.Review.Listing;
using Greenlight.Modules.Review.Publishing;
using Greenlight.Testing.ExperienceManager;

namespace Greenlight.Review.Tests.ExperienceManager;

public sealed class PublishingTests
{
    [Fact]
    public async Task An_administrator_configures_one_connection_whose_token_is_never_shown_again()
    {
        await using var own = await OwnReviewHost.StartAsync();
        var review = own.Review;
        var (_, user) = await review.UserAsync("uma");
        var body = new { baseUrl = "https://aem.example.test", token = "secret-token-1234" };

        await (await user.PutAsJsonAsync("/api/v1/admin/experience-manager/connection", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await review.Admin.GetAsync("/api/v1/admin/experience-manager/connection")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await review.Admin.PutAsJsonAsync("/api/v1/admin/experience-manager/connection", new { baseUrl = "ftp://x", token = "" }))
            .AssertInvalidFieldAsync("baseUrl");
        var set = await review.Admin.PutAsJsonAsync("/api/v1/admin/experience-manager/connection", body);

        Assert.DoesNotContain("secret-token", await set.Content.ReadAsStringAsync());
        var shown = await review.Admin.GetSuccessAsync<ConnectionView>("/api/v1/admin/experience-manager/connection");
        Assert.Equal(("1234", new Uri("https://aem.example.test")), (shown.TokenLastFour, shown.BaseUrl));
    }

    [Fact]
    public async Task An_approved_document_is_uploaded_and_its_metadata_set_once_even_when_the_upload_fails_at_first()
    {
        await using var aem = await FakeExperienceManagerServer.StartAsync();
        await using var own = await OwnReviewHost.StartAsync();
        var review = own.Review;
        var (approverId, approver) = await review.UserAsync("pia", License.Contributor);
        var (externalId, external) = await review.UserAsync("ext", License.External);
        var project = await review.ProjectAsync("Spring");
        var document = await review.DocumentAsync(project);
        review.Access.Grant(approverId, document, Permission.View);
        review.Access.Grant(externalId, document, Permission.View);
        var approval = await review.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(approverId)]))));
        var publish = $"/api/v1/approvals/{approval.Id}/documents/{document}/publication";
        (await review.Admin.PutAsJsonAsync("/api/v1/admin/experience-manager/connection", new { baseUrl = aem.BaseUrl, token = aem.AccessToken })).EnsureSuccessStatusCode();

        await (await approver.PostAsJsonAsync(publish, new { folderPath = "greenlight/spring" })).AssertProblemAsync(HttpStatusCode.Conflict, "not approved yet");
        (await ReviewHost.DecideAsync(approver, approval.Id, Decision.Approved)).EnsureSuccessStatusCode();
        await (await external.PostAsJsonAsync(publish, new { folderPath = "greenlight/spring" })).AssertProblemAsync(HttpStatusCode.Forbidden, "External license");
        await (await approver.PostAsJsonAsync(publish, new { folderPath = "../up" })).AssertInvalidFieldAsync("folderPath");
        aem.InjectFault(HttpStatusCode.ServiceUnavailable, pathContains: ".completeUpload.json");
        var accepted = await approver.PostAsJsonAsync(publish, new { folderPath = "greenlight/spring" });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        (await approver.PostAsJsonAsync(publish, new { folderPath = "greenlight/spring" })).EnsureSuccessStatusCode();

        var done = await Eventually.MatchesAsync(() =>
        {
            own.Clock.Advance(TimeSpan.FromMinutes(1)); // the job's retry comes due
            return approver.GetSuccessAsync<PublicationView>(publish);
        }, p => p.PublishedAt is not null, TimeSpan.FromSeconds(15), "published");

        var asset = aem.Asset(done.AssetPath!)!;
        Assert.Equal(("Approved", "Spring", "poster.pdf"), (asset.Metadata[AssetMetadataProperties.ApprovalDecision], asset.Metadata[AssetMetadataProperties.Project],
            asset.Metadata[AssetMetadataProperties.Title]));
        Assert.Contains(aem.Requests, r => r.Status == 503);
        Assert.Single(aem.Requests, r => r.Method == "PUT" && r.Path == "/" + done.AssetPath!.Replace("greenlight", "api/assets/greenlight"));
        var events = await review.Admin.GetSuccessAsync<List<EventView>>($"/api/v1/projects/{project}/documents/{document}/approval-events");
        Assert.Equal(["PublishRequested", "Published"], events.Where(e => e.Event.StartsWith("Publish")).Select(e => e.Event));
    }

    [Fact]
    public async Task The_version_the_approval_decided_on_is_sent_even_when_a_newer_one_was_uploaded_since()
    {
        await using var aem = await FakeExperienceManagerServer.StartAsync();
        await using var own = await OwnReviewHost.StartAsync();
        var review = own.Review;
        var (approverId, approver) = await review.UserAsync("pia", License.Contributor);
        var project = await review.ProjectAsync("Spring");
        var document = await review.DocumentAsync(project);
        review.Access.Grant(approverId, document, Permission.View);
        (await review.Admin.PutAsJsonAsync("/api/v1/admin/experience-manager/connection", new { baseUrl = aem.BaseUrl, token = aem.AccessToken })).EnsureSuccessStatusCode();
        var approval = await review.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(approverId)]))));
        Assert.Equal(1, approval.DocumentVersions[document]);

        (await ReviewHost.DecideAsync(approver, approval.Id, Decision.Approved)).EnsureSuccessStatusCode();
        (await review.NewVersionAsync(project, document, "%PDF-1.7 not approved"u8.ToArray())).EnsureSuccessStatusCode();
        var publish = $"/api/v1/approvals/{approval.Id}/documents/{document}/publication";
        var accepted = await (await approver.PostAsJsonAsync(publish, new { folderPath = "greenlight/spring" })).ReadSuccessAsync<PublicationView>();

        Assert.Equal(1, accepted.Version);
        var done = await Eventually.MatchesAsync(() =>
        {
            own.Clock.Advance(TimeSpan.FromMinutes(1));
            return approver.GetSuccessAsync<PublicationView>(publish);
        }, p => p.PublishedAt is not null, TimeSpan.FromSeconds(15), "published");
        Assert.Equal(ReviewHost.FirstVersion, aem.Asset(done.AssetPath!)!.Content);
    }
}
