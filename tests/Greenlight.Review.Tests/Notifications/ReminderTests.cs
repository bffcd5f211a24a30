namespace Greenlight.Review.Tests.Notifications;

public sealed class ReminderTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reminders_72_and_24_hours_before_and_at_the_deadline_survive_a_restart_and_are_sent_once(bool onPostgres)
    {
        await using var own = await OwnReviewHost.StartAsync(onPostgres);
        var (first, clock) = (own.Review, own.Clock);
        var (approverId, _) = await first.UserAsync("rex");
        var project = await first.ProjectAsync();
        var document = await first.DocumentAsync(project);
        var due = clock.GetUtcNow().AddDays(5);
        var approval = await first.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(approverId)], dueAt: due))));
        await first.EmailsToAsync(approverId, 1);

        clock.Advance(due - TimeSpan.FromHours(72) - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        Assert.Contains("due in 72 hours", (await first.EmailsToAsync(approverId, 2))[1].Subject);
        await own.RestartAsync(whileStopped: () => clock.Advance(TimeSpan.FromHours(48)));
        var second = own.Review;
        Assert.Contains("due in 24 hours", (await second.EmailsToAsync(approverId, 3))[2].Subject);
        clock.Advance(TimeSpan.FromHours(24));
        Assert.Contains("deadline", (await second.EmailsToAsync(approverId, 4))[3].Subject);
        await Task.Delay(Quiet);

        Assert.Equal(4, second.EmailsTo(approverId).Count);
        var after = await second.GetApprovalAsync(approval.Id);
        Assert.Equal(ApprovalStatus.PendingReview, after.Status); // the deadline rejects nothing
        var events = await second.Admin.GetSuccessAsync<List<Modules.Review.Listing.EventView>>($"/api/v1/projects/{project}/approval-events");
        Assert.Equal(3, events.Count(e => e.Event == "ReminderSent"));
    }

    [Fact]
    public async Task A_decision_cancels_the_stages_reminders()
    {
        await using var own = await OwnReviewHost.StartAsync();
        var (review, clock) = (own.Review, own.Clock);
        var (approverId, approver) = await review.UserAsync("dora");
        var project = await review.ProjectAsync();
        var document = await review.DocumentAsync(project);
        review.Access.Grant(approverId, document, Permission.View);
        var approval = await review.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(approverId)], dueAt: clock.GetUtcNow().AddDays(5)))));
        await review.EmailsToAsync(approverId, 1);

        (await ReviewHost.DecideAsync(approver, approval.Id, Decision.Approved)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromDays(6));
        await Task.Delay(Quiet);

        Assert.Single(review.EmailsTo(approverId));
    }
}
