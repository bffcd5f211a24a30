using Greenlight.Modules.Review.Listing;

namespace Greenlight.Review.Tests.Approvals;

[Collection(ReviewHostCollection.Name)]
public sealed class MultiStageTests(ReviewHostFixture fixture) : SharedHostTests(fixture)
{
    [Fact]
    public async Task Two_paths_of_three_stages_one_saying_needs_work_the_other_approving()
    {
        var users = new List<(string Id, HttpClient Client)>();
        foreach (var name in new[] { "a1", "a2", "a3", "b1", "b2", "b3" }) users.Add(await Review.UserAsync(name));
        var (project, document) = await ProjectWithDocumentAsync();
        users.ForEach(u => Review.Access.Grant(u.Id, document, Permission.View));
        var (a1, a2, a3, b1, b2, b3) = (users[0], users[1], users[2], users[3], users[4], users[5]);
        var due = Review.Clock.GetUtcNow().AddDays(7);

        var approval = await Review.ApprovalAsync(project, document, Approval(
            Path(Stage("Copy", [Approver(a1.Id)], dueAt: due), Stage("Design", [Approver(a2.Id)], dueInWorkdays: 2), Stage("Director", [Approver(a3.Id)], dueInWorkdays: 1)),
            Path(Stage("Legal", [Approver(b1.Id)], dueAt: due), Stage("Compliance", [Approver(b2.Id)], dueInWorkdays: 2), Stage("Board", [Approver(b3.Id)], dueInWorkdays: 1))));

        Assert.Equal([StageStatus.Open, StageStatus.Waiting, StageStatus.Waiting], approval.Paths[0].Stages.Select(s => s.Status));
        Assert.Contains("assigned", (await Review.EmailsToAsync(a2.Id, 1))[0].Subject);
        Assert.Empty(await a2.Client.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals"));
        await (await ReviewHost.DecideAsync(a2.Client, approval.Id, Decision.Approved)).AssertProblemAsync(HttpStatusCode.Forbidden, "stage 2 is not open yet");

        await (await ReviewHost.DecideAsync(b1.Client, approval.Id, Decision.NeedsWork, "Claims unsupported")).ReadSuccessAsync<ApprovalView>();
        await (await ReviewHost.DecideAsync(a1.Client, approval.Id, Decision.Approved)).ReadSuccessAsync<ApprovalView>();
        await (await ReviewHost.DecideAsync(a1.Client, approval.Id, Decision.NeedsWork)).AssertProblemAsync(HttpStatusCode.Forbidden, "a completed stage is locked");
        Assert.Contains(await Review.EmailsToAsync(a2.Id, 2), m => m.Subject == "Approval stage open: Design (poster.pdf in Campaign)");
        var designDue = Assert.Single(await a2.Client.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals")).DueAt;
        Assert.Equal(Workdays.Add(Review.Clock.GetUtcNow(), 2), designDue);
        await (await ReviewHost.DecideAsync(a2.Client, approval.Id, Decision.Approved)).ReadSuccessAsync<ApprovalView>();
        var final = await (await ReviewHost.DecideAsync(a3.Client, approval.Id, Decision.Approved)).ReadSuccessAsync<ApprovalView>();

        Assert.Equal(ApprovalStatus.NeedsWork, final.Status);
        Assert.NotNull(final.CompletedAt);
        Assert.All(final.Paths[0].Stages, s => Assert.Equal(StageStatus.Completed, s.Status));
        Assert.Equal([StageStatus.Completed, StageStatus.Stopped, StageStatus.Stopped], final.Paths[1].Stages.Select(s => s.Status));
        Assert.DoesNotContain(Review.EmailsTo(b2.Id), m => m.Subject.Contains("stage open"));
        await (await ReviewHost.DecideAsync(b2.Client, approval.Id, Decision.Approved)).AssertProblemAsync(HttpStatusCode.Forbidden, "a stopped path opens nothing");
    }

    [Fact]
    public async Task My_approvals_lists_what_is_overdue_first()
    {
        var (userId, user) = await Review.UserAsync("olga");
        var project = await Review.ProjectAsync();
        var later = await Review.DocumentAsync(project, "later.pdf");
        var overdue = await Review.DocumentAsync(project, "overdue.pdf");
        Review.Access.Grant(userId, later, Permission.View);
        Review.Access.Grant(userId, overdue, Permission.View);
        var now = Review.Clock.GetUtcNow();
        var first = await Review.ApprovalAsync(project, later, Approval(Path(Stage("Later", [Approver(userId)], dueAt: now.AddDays(5)))));
        var second = await Review.ApprovalAsync(project, overdue, Approval(Path(Stage("Overdue", [Reviewer(userId)], dueAt: now.AddHours(-1)))));

        var waiting = await user.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals");

        Assert.Equal([second.Id, first.Id], waiting.Select(w => w.ApprovalId));
        Assert.Equal([true, false], waiting.Select(w => w.Overdue));
    }
}
