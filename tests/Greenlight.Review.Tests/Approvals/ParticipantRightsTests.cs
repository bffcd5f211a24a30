using Greenlight.Modules.Review.Listing;

namespace Greenlight.Review.Tests.Approvals;

/// <summary>
/// Every participant must be able to open every document of the approval, or it could never complete (they would be
/// emailed, listed in My approvals, and get 404 opening it): such a participant is refused with a 400 naming them, and
/// nothing is started. A team acts through any member, so every active member must be able to.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class ParticipantRightsTests(ReviewHostFixture fixture) : SharedHostTests(fixture)
{
    [Fact]
    public async Task A_participant_who_may_not_view_every_document_is_refused_by_their_field_and_nothing_starts()
    {
        var (project, poster) = await ProjectWithDocumentAsync();
        var banner = await Review.DocumentAsync(project, "banner.pdf");
        var (bothId, _) = await Review.ViewerAsync("bo", poster, banner);
        var (posterOnlyId, posterOnly) = await Review.ViewerAsync("po", poster);
        var body = new
        {
            otherDocumentIds = new[] { banner },
            paths = new[] { new { stages = new[] { Stage("Copy", [Approver(bothId)]) } }, new { stages = new[] { Stage("Legal", [Reviewer("nobody"), Approver(posterOnlyId)]) } } },
        };

        var refused = await (await Review.StartApprovalAsync(project, poster, body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["paths[1].stages[0].participants[0]", "paths[1].stages[0].participants[1]"],
            refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains(banner, refused.GetProperty("errors").GetProperty("paths[1].stages[0].participants[1]")[0].GetString());
        Assert.Empty(await Review.Admin.GetSuccessAsync<List<EventView>>($"/api/v1/projects/{project}/documents/{poster}/approval-events"));
        Assert.Empty(await posterOnly.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals"));
        Review.Access.Grant(posterOnlyId, banner, Permission.View);
        var (lateId, _) = await Review.ViewerAsync("lu", poster, banner);
        var started = await (await Review.StartApprovalAsync(project, poster, new
        {
            body.otherDocumentIds,
            paths = new[] { body.paths[0], new { stages = new[] { Stage("Legal", [Reviewer(lateId), Approver(posterOnlyId)]) } } },
        })).ReadSuccessAsync<ApprovalView>();
        Assert.Equal([poster, banner], started.DocumentIds);
        Assert.Single(await posterOnly.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals"));
    }

    [Fact]
    public async Task Every_active_member_of_a_team_must_be_able_to_view_and_a_team_without_one_is_refused()
    {
        var (project, document) = await ProjectWithDocumentAsync();
        var (viewerId, viewer) = await Review.ViewerAsync("tv", document);
        var (blindId, _) = await Review.UserAsync("tb");
        var (leftId, _) = await Review.UserAsync("tl");
        Review.Access.Users[leftId] = Review.Access.Users[leftId] with { Active = false };
        var (mixed, empty, leftOnly) = ($"team-{Guid.NewGuid():N}", $"team-{Guid.NewGuid():N}", $"team-{Guid.NewGuid():N}");
        Review.Access.Teams[mixed] = [viewerId, blindId];
        Review.Access.Teams[empty] = [];
        Review.Access.Teams[leftOnly] = [leftId];

        var refused = await (await Review.StartApprovalAsync(project, document, Approval(Path(Stage("Design", [Team(mixed)]), Stage("Board", [Team(empty), Team(leftOnly)])))))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = refused.GetProperty("errors");
        Assert.Equal(["paths[0].stages[0].participants[0]", "paths[0].stages[1].participants[0]", "paths[0].stages[1].participants[1]"],
            errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains(blindId, errors.GetProperty("paths[0].stages[0].participants[0]")[0].GetString());
        Review.Access.Teams[mixed] = [viewerId, leftId]; // a member who left neither acts nor blocks
        var started = await Review.ApprovalAsync(project, document, Approval(Path(Stage("Design", [Team(mixed)]))));
        (await ReviewHost.DecideAsync(viewer, started.Id, Decision.Approved)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_participant_who_is_nobody_is_refused()
    {
        var (project, document) = await ProjectWithDocumentAsync();

        await (await Review.StartApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver("no-such-user")])))))
            .AssertInvalidFieldAsync("paths[0].stages[0].participants[0]");
    }
}
