using Greenlight.Modules.Review.Listing;

namespace Greenlight.Review.Tests.Approvals;

[Collection(ReviewHostCollection.Name)]
public sealed class SingleStageTests(ReviewHostFixture fixture) : SharedHostTests(fixture)
{
    [Fact]
    public async Task A_basic_approval_notifies_its_approver_waits_in_my_approvals_and_blocks_the_project_until_decided()
    {
        var (approverId, approver) = await Review.UserAsync("ana");
        var (project, document) = await ProjectWithDocumentAsync();
        Review.Access.Grant(approverId, document, Permission.View);

        var approval = await Review.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(approverId)], dueAt: Review.Clock.GetUtcNow().AddDays(10)))));

        Assert.Equal(ApprovalStatus.PendingReview, approval.Status);
        Assert.Contains("Approval stage open: Legal", (await Review.EmailsToAsync(approverId, 1))[0].Subject);
        var waiting = Assert.Single(await approver.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals"));
        Assert.Equal((approval.Id, ParticipantRole.Approver, false), (waiting.ApprovalId, waiting.Role, waiting.Overdue));
        Assert.Equal([new ApprovalDocument(document, "poster.pdf")], waiting.Documents);
        await Eventually.HoldsAsync(async () => (await Review.GetProjectAsync(project)).OpenApprovals == 1, "the project counts the open approval");

        var decided = await (await ReviewHost.DecideAsync(approver, approval.Id, Decision.Approved, "Fine")).ReadSuccessAsync<ApprovalView>();

        Assert.Equal(ApprovalStatus.Approved, decided.Status);
        Assert.Equal(StageStatus.Completed, decided.Paths[0].Stages[0].Status);
        Assert.Empty(await approver.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals"));
        await Eventually.HoldsAsync(async () => (await Review.GetProjectAsync(project)).OpenApprovals == 0, "the project no longer counts it");
    }

    [Fact]
    public async Task An_email_names_the_documents_project_stage_and_due_date_and_links_to_them()
    {
        var project = await Review.ProjectAsync("Spring launch");
        var poster = await Review.DocumentAsync(project, "poster.pdf");
        var banner = await Review.DocumentAsync(project, "banner.pdf");
        var (approverId, approver) = await Review.ViewerAsync("emma", poster, banner);
        var due = new DateTimeOffset(2026, 3, 6, 17, 30, 0, TimeSpan.Zero);

        var approval = await Review.ApprovalAsync(project, poster, new { otherDocumentIds = new[] { banner }, paths = new[] { new { stages = new[] { Stage("Legal", [Approver(approverId)], dueAt: due) } } } });

        var email = Assert.Single(await Review.EmailsToAsync(approverId, 1));
        Assert.Equal("Approval stage open: Legal (poster.pdf, banner.pdf in Spring launch)", email.Subject);
        var body = email.TextBody!;
        Assert.DoesNotContain($"Approval {approval.Id} in project {project}", body);
        foreach (var expected in new[]
                 {
                     "Documents: poster.pdf, banner.pdf", "Project: Spring launch", "Stage: Legal, due Friday 6 March 2026, 17:30 UTC",
                     $"Open the approval: {ReviewHost.PublicUrl}api/v1/approvals/{approval.Id}",
                     $"poster.pdf: {ReviewHost.PublicUrl}api/v1/projects/{project}/documents/{poster}",
                     $"banner.pdf: {ReviewHost.PublicUrl}api/v1/projects/{project}/documents/{banner}",
                     $"Spring launch: {ReviewHost.PublicUrl}api/v1/projects/{project}",
                 })
            Assert.Contains(expected, body);
        Assert.Equal([new ApprovalDocument(poster, "poster.pdf"), new ApprovalDocument(banner, "banner.pdf")],
            Assert.Single(await approver.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals")).Documents);
    }

    [Fact]
    public void Without_a_public_url_links_are_the_apis_paths_on_the_host()
    {
        Assert.Equal("/api/v1/approvals/a1", new ReviewLinks(null).Approval("a1"));
        Assert.Equal("https://example.test/api/v1/projects/p1/documents/d1", new ReviewLinks(new Uri("https://example.test")).Document("p1", "d1"));
    }

    [Fact]
    public async Task With_only_one_decision_the_first_approver_completes_the_stage_and_a_reviewer_never_blocks()
    {
        var (reviewerId, reviewer) = await Review.UserAsync("rita");
        var (firstId, first) = await Review.UserAsync("finn");
        var (secondId, second) = await Review.UserAsync("sam");
        var (project, document) = await ProjectWithDocumentAsync();
        foreach (var user in new[] { reviewerId, firstId, secondId }) Review.Access.Grant(user, document, Permission.View);
        var approval = await Review.ApprovalAsync(project, document,
            Approval(Path(Stage("Brand", [Reviewer(reviewerId), Approver(firstId), Approver(secondId)], onlyOneDecision: true))));

        var commented = await (await reviewer.PostAsJsonAsync($"/api/v1/approvals/{approval.Id}/comments", new { text = "Logo is small" })).ReadSuccessAsync<ApprovalView>();
        Assert.Equal(ApprovalStatus.InReview, commented.Status);
        var decided = await (await ReviewHost.DecideAsync(first, approval.Id, Decision.ApprovedWithChanges)).ReadSuccessAsync<ApprovalView>();

        Assert.Equal(ApprovalStatus.ApprovedWithChanges, decided.Status);
        await (await ReviewHost.DecideAsync(second, approval.Id, Decision.NeedsWork)).AssertProblemAsync(HttpStatusCode.Forbidden, "the stage is locked");
        await (await reviewer.PostAsync($"/api/v1/approvals/{approval.Id}/review-complete", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Any_member_of_a_team_decides_for_the_team()
    {
        var (_, _) = await Review.UserAsync("tina");
        var (memberId, member) = await Review.UserAsync("tom");
        var (project, document) = await ProjectWithDocumentAsync();
        Review.Access.Teams["design-team"] = [memberId];
        Review.Access.Grant(memberId, document, Permission.View);
        var approval = await Review.ApprovalAsync(project, document, Approval(Path(Stage("Design", [Team("design-team")]))));

        await Review.EmailsToAsync(memberId, 1);
        var decided = await (await ReviewHost.DecideAsync(member, approval.Id, Decision.Approved)).ReadSuccessAsync<ApprovalView>();

        Assert.Equal(ApprovalStatus.Approved, decided.Status);
        Assert.Equal(memberId, decided.Paths[0].Stages[0].Participants[0].DecidedBy);
    }

    [Fact]
    public async Task Starting_an_approval_needs_manage_on_every_document_and_one_open_approval_per_document()
    {
        var (viewerId, viewer) = await Review.UserAsync("vic");
        var (project, document) = await ProjectWithDocumentAsync();
        var other = await Review.DocumentAsync(project, "banner.pdf");
        var (approverId, _) = await Review.ViewerAsync("abel", document, other);
        var body = Approval(Path(Stage("Legal", [Approver(approverId)])));

        await (await Review.StartApprovalAsync(project, document, body, viewer)).AssertProblemAsync(HttpStatusCode.NotFound, "no rights at all");
        Review.Access.Grant(viewerId, document, Permission.View);
        await (await Review.StartApprovalAsync(project, document, body, viewer)).AssertProblemAsync(HttpStatusCode.Forbidden, "View is not Manage");
        Review.Access.Grant(viewerId, document, Permission.Manage);
        var withOther = new { paths = new[] { new { stages = new[] { Stage("Legal", [Approver(approverId)]) } } }, otherDocumentIds = new[] { other } };
        await (await Review.StartApprovalAsync(project, document, withOther, viewer)).AssertProblemAsync(HttpStatusCode.NotFound, "no rights on the other");
        Review.Access.Grant(viewerId, other, Permission.View);
        await (await Review.StartApprovalAsync(project, document, withOther, viewer)).AssertProblemAsync(HttpStatusCode.Forbidden, "no Manage on the other");

        var set = await (await Review.StartApprovalAsync(project, document, withOther)).ReadSuccessAsync<ApprovalView>();
        Assert.Equal([document, other], set.DocumentIds);
        await (await Review.StartApprovalAsync(project, other, body)).AssertProblemAsync(HttpStatusCode.Conflict, "the document is under an open approval");
    }

    [Fact]
    public async Task Invalid_approvals_are_answered_with_problems_naming_the_field()
    {
        var (project, document) = await ProjectWithDocumentAsync();
        var due = Review.Clock.GetUtcNow().AddDays(3);

        await (await Review.StartApprovalAsync(project, document, new { message = new string('m', 501), paths = new[] { new { stages = new[] { Stage("A", [Approver("u1")]) } } } }))
            .AssertInvalidFieldAsync("message");
        await (await Review.StartApprovalAsync(project, document, Approval(Path(Stage("A", [Approver("u1")]), Stage("B", [Approver("u2")], dueAt: due)))))
            .AssertInvalidFieldAsync("paths[0].stages[1].dueAt");
        await (await Review.StartApprovalAsync(project, document, Approval(Path(Stage("A", [])))))
            .AssertInvalidFieldAsync("paths[0].stages[0].participants");
        await (await Review.StartApprovalAsync(project, document, Approval(Path(Stage("A", [Approver("u1")])), Path(Stage("B", [Reviewer("u1")])))))
            .AssertInvalidFieldAsync("paths");
        var team = $"team-{Guid.NewGuid():N}";
        Review.Access.Teams[team] = ["u7", "u8"];
        await (await Review.StartApprovalAsync(project, document, Approval(Path(Stage("A", [Approver("u8")])), Path(Stage("B", [Team(team)])))))
            .AssertInvalidFieldAsync("paths");
        await (await Review.StartApprovalAsync(project, document, Approval([.. Enumerable.Range(0, 31).Select(i => Path(Stage("S", [Approver($"u{i}")])))])))
            .AssertInvalidFieldAsync("paths");
    }

    [Fact]
    public async Task One_person_may_sit_on_two_stages_of_one_path_directly_and_through_a_team()
    {
        var (project, document) = await ProjectWithDocumentAsync();
        var (u1, u2, u3) = ((await Review.ViewerAsync("u1", document)).Id, (await Review.ViewerAsync("u2", document)).Id, (await Review.ViewerAsync("u3", document)).Id);
        var team = $"team-{Guid.NewGuid():N}";
        Review.Access.Teams[team] = [u1, u2];

        var approval = await Review.ApprovalAsync(project, document, Approval(Path(Stage("A", [Approver(u1)]), Stage("B", [Team(team)])), Path(Stage("C", [Approver(u3)]))));

        Assert.Equal(2, approval.Paths.Count);
    }

    [Fact]
    public async Task Editing_the_message_emails_it_again_to_the_participants_of_the_open_stages()
    {
        var (openId, _) = await Review.UserAsync("opal");
        var (laterId, _) = await Review.UserAsync("leo");
        var (managerId, manager) = await Review.UserAsync("max");
        var (viewerId, viewer) = await Review.UserAsync("vic");
        var (project, document) = await ProjectWithDocumentAsync();
        Review.Access.Grant(managerId, document, Permission.Manage);
        foreach (var user in new[] { viewerId, openId, laterId }) Review.Access.Grant(user, document, Permission.View);
        var approval = await Review.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(openId)]), Stage("Board", [Approver(laterId)]))));
        var edit = $"/api/v1/approvals/{approval.Id}";

        await (await viewer.PatchAsJsonAsync(edit, new { message = "Mine now" })).AssertProblemAsync(HttpStatusCode.Forbidden, "View is not Manage");
        await (await manager.PatchAsJsonAsync(edit, new { message = new string('m', 501) })).AssertInvalidFieldAsync("message");
        var edited = await (await manager.PatchAsJsonAsync(edit, new { message = "Use the spring palette." })).ReadSuccessAsync<ApprovalView>();
        (await manager.PatchAsJsonAsync(edit, new { message = "Use the summer palette." })).EnsureSuccessStatusCode();

        Assert.Equal("Use the spring palette.", edited.Message);
        var resent = (await Review.EmailsToAsync(openId, 3)).Where(m => m.Subject.Contains("was edited")).ToList();
        Assert.Equal(["Use the spring palette.", "Use the summer palette."], resent.Select(m => m.TextBody!.Trim().Split('\n')[^1].Trim()).Order());
        Assert.DoesNotContain(Review.EmailsTo(laterId), m => m.Subject.Contains("was edited"));
        var events = await Review.Admin.GetSuccessAsync<List<Greenlight.Modules.Review.Listing.EventView>>($"/api/v1/projects/{project}/documents/{document}/approval-events");
        Assert.Equal(2, events.Count(e => e.Event == "MessageEdited"));
    }

    [Fact]
    public async Task A_decision_is_checked_against_the_deciders_rights()
    {
        var (outsiderId, outsider) = await Review.UserAsync("otto", License.External);
        var (bystanderId, bystander) = await Review.UserAsync("bea", License.Contributor);
        var (project, document) = await ProjectWithDocumentAsync();
        Review.Access.Grant(outsiderId, document, Permission.View);
        var approval = await Review.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(outsiderId)]))));
        Review.Access.Grant(outsiderId, document, Permission.None);

        await (await ReviewHost.DecideAsync(outsider, approval.Id, Decision.Approved)).AssertProblemAsync(HttpStatusCode.NotFound, "no longer shared with them");
        Review.Access.Grant(bystanderId, document, Permission.View);
        await (await ReviewHost.DecideAsync(bystander, approval.Id, Decision.Approved)).AssertProblemAsync(HttpStatusCode.Forbidden, "not a participant");
        await (await bystander.PostAsJsonAsync($"/api/v1/approvals/{approval.Id}/decisions", new { decision = "Maybe" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Review.Access.Grant(outsiderId, document, Permission.View);
        var decided = await (await ReviewHost.DecideAsync(outsider, approval.Id, Decision.Approved)).ReadSuccessAsync<ApprovalView>();
        Assert.Equal(ApprovalStatus.Approved, decided.Status);
    }

    [Fact]
    public async Task A_new_version_after_needs_work_starts_a_new_round_counted_as_a_revision()
    {
        var (approverId, approver) = await Review.UserAsync("nora");
        var (project, document) = await ProjectWithDocumentAsync();
        Review.Access.Grant(approverId, document, Permission.View);
        var approval = await Review.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(approverId)]))));

        var decided = await (await ReviewHost.DecideAsync(approver, approval.Id, Decision.NeedsWork, "Wrong font")).ReadSuccessAsync<ApprovalView>();
        Assert.Equal(ApprovalStatus.NeedsWork, decided.Status);
        (await Review.NewVersionAsync(project, document)).EnsureSuccessStatusCode();

        var revised = await Eventually.MatchesAsync(() => Review.GetApprovalAsync(approval.Id), a => a.Revisions == 1, TimeSpan.FromSeconds(10), "revised");
        Assert.Equal((ApprovalStatus.PendingReview, StageStatus.Open), (revised.Status, revised.Paths[0].Stages[0].Status));
        Assert.Equal(2, (await Review.EmailsToAsync(approverId, 2)).Count(m => m.Subject.Contains("stage open")));
        var approved = await (await ReviewHost.DecideAsync(approver, approval.Id, Decision.Approved)).ReadSuccessAsync<ApprovalView>();
        Assert.Equal((ApprovalStatus.Approved, 1), (approved.Status, approved.Revisions));
    }
}
