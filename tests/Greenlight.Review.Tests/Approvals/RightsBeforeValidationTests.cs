namespace Greenlight.Review.Tests.Approvals;

/// <summary>A caller without rights is refused before the body is validated, so an invalid body tells them nothing.</summary>
[Collection(ReviewHostCollection.Name)]
public sealed class RightsBeforeValidationTests(ReviewHostFixture fixture) : SharedHostTests(fixture)
{
    private static readonly object NoStages = new { name = "", stages = Array.Empty<object>() };

    [Fact]
    public async Task A_template_with_an_invalid_body_is_forbidden_to_a_user_without_a_standard_license()
    {
        var (_, light) = await Review.UserAsync("lena", License.Light);
        var (_, standard) = await Review.UserAsync("sten");

        await (await light.PostAsJsonAsync("/api/v1/approval-templates", NoStages)).AssertProblemAsync(HttpStatusCode.Forbidden, "a Light license");
        await (await standard.PostAsJsonAsync("/api/v1/approval-templates", NoStages)).AssertInvalidFieldAsync("name");
    }

    [Fact]
    public async Task An_invalid_comment_is_not_found_for_a_user_who_may_not_view_the_approval()
    {
        var (approval, _) = await ApprovalAsync();
        var (_, outsider) = await Review.UserAsync("otto");
        var comments = $"/api/v1/approvals/{approval.Id}/comments";

        await (await outsider.PostAsJsonAsync(comments, new { text = "" })).AssertProblemAsync(HttpStatusCode.NotFound, "no View on its document");
        await (await Review.Admin.PostAsJsonAsync(comments, new { text = "" })).AssertInvalidFieldAsync("text");
    }

    [Fact]
    public async Task An_invalid_publication_is_refused_to_an_external_user_and_to_one_who_may_not_view_the_document()
    {
        var (approval, document) = await ApprovalAsync();
        var (externalId, external) = await Review.UserAsync("erin", License.External);
        var (_, outsider) = await Review.UserAsync("olga", License.Contributor);
        Review.Access.Grant(externalId, document, Permission.View);
        var publish = $"/api/v1/approvals/{approval.Id}/documents/{document}/publication";
        var invalid = new { folderPath = "../up" };

        await (await external.PostAsJsonAsync(publish, invalid)).AssertProblemAsync(HttpStatusCode.Forbidden, "an External license");
        await (await outsider.PostAsJsonAsync(publish, invalid)).AssertProblemAsync(HttpStatusCode.NotFound, "no View on the document");
        await (await Review.Admin.PostAsJsonAsync(publish, invalid)).AssertInvalidFieldAsync("folderPath");
    }

    /// <summary>An approval of a new document, waiting for one approver who may view it.</summary>
    private async Task<(ApprovalView Approval, string Document)> ApprovalAsync()
    {
        var (project, document) = await ProjectWithDocumentAsync();
        var (approverId, _) = await Review.UserAsync("abe");
        Review.Access.Grant(approverId, document, Permission.View);
        return (await Review.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(approverId)])))), document);
    }
}
