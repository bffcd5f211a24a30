namespace Greenlight.Review.Tests.Notifications;

/// <summary>
/// Deadline reminders: Orleans reminders tick every second (real time), and the approval sends what the test's clock
/// says is due. A reminder email is awaited before the next step, so each step sees the one before it; that no other
/// reminder came is asserted once a sentinel reminder, sent after it could have, has arrived.
/// </summary>
public sealed class ReminderTests
{

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reminders_72_and_24_hours_before_and_at_the_deadline_survive_a_restart_and_are_sent_once(bool onPostgres)
    {
        await using var own = await OwnReviewHost.StartAsync(onPostgres);
        var (first, clock) = (own.Review, own.Clock);
        var project = await first.ProjectAsync();
        var document = await first.DocumentAsync(project);
        var (approverId, _) = await first.ViewerAsync("rex", document);
        var due = clock.GetUtcNow().AddDays(5);
        var approval = await first.ApprovalAsync(project, document, Approval(Path(Stage("Legal", [Approver(approverId)], dueAt: due))));
        await first.EmailsToAsync(approverId, 1);
        Assert.True(await first.DeadlineReminderRegisteredAsync(approval.Id));

        clock.Advance(due - TimeSpan.FromHours(72) - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        Assert.Contains("due in 72 hours", (await first.EmailsToAsync(approverId, 2))[1].Subject);
        await own.RestartAsync(whileStopped: () => clock.Advance(TimeSpan.FromHours(48)));
        var second = own.Review;
        Assert.Contains("due in 24 hours", (await second.EmailsToAsync(approverId, 3))[2].Subject);
        clock.Advance(TimeSpan.FromHours(24));
        Assert.Contains("deadline", (await second.EmailsToAsync(approverId, 4))[3].Subject);
        await Eventually.HoldsAsync(async () => !await second.DeadlineReminderRegisteredAsync(approval.Id), "nothing is left to remind: the reminder is dropped");
        clock.Advance(TimeSpan.FromDays(2));
        await SentinelReminderAsync(second, clock, approverId);

        Assert.Equal(4, WithoutSentinel(second.EmailsTo(approverId)).Count);
        var after = await second.GetApprovalAsync(approval.Id);
        Assert.Equal(ApprovalStatus.PendingReview, after.Status); // the deadline rejects nothing
        Assert.Equal(["SeventyTwoHours", "TwentyFourHours", "Deadline"],
            (await second.ProjectEventsAsync(project)).Where(e => e.Event == "ReminderSent").Select(e => e.Detail));
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

        Assert.False(await review.DeadlineReminderRegisteredAsync(approval.Id));
        clock.Advance(TimeSpan.FromDays(6));
        await SentinelReminderAsync(review, clock, approverId);
        Assert.Single(WithoutSentinel(review.EmailsTo(approverId)));
    }

    [Fact]
    public async Task Of_reminders_due_at_once_only_the_latest_is_sent_and_none_due_before_its_stage_opened()
    {
        await using var own = await OwnReviewHost.StartAsync();
        var (review, clock) = (own.Review, own.Clock);
        var (printerId, _) = await review.UserAsync("pia");
        var (copyId, copy) = await review.UserAsync("cody");
        var (layoutId, _) = await review.UserAsync("lou");
        var project = await review.ProjectAsync();
        var poster = await review.DocumentAsync(project, "poster.pdf");
        var flyer = await review.DocumentAsync(project, "flyer.pdf");
        review.Access.Grant(copyId, flyer, Permission.View);
        review.Access.Grant(printerId, poster, Permission.View);
        review.Access.Grant(layoutId, flyer, Permission.View);
        var start = clock.GetUtcNow(); // a Monday, 09:00
        var print = await review.ApprovalAsync(project, poster, Approval(Path(Stage("Print", [Approver(printerId)], dueAt: start.AddDays(5)))));
        var layout = await review.ApprovalAsync(project, flyer, Approval(Path(Stage("Copy", [Approver(copyId)]), Stage("Layout", [Approver(layoutId)], dueInWorkdays: 2))));
        // Layout opens now, due on Wednesday: its 72-hour reminder fell due on Sunday, before it opened.
        (await ReviewHost.DecideAsync(copy, layout.Id, Decision.Approved)).EnsureSuccessStatusCode();
        await review.EmailsToAsync(layoutId, 2);

        // Friday: Print's 72- and 24-hour reminders are both due, Layout's 24-hour one and its deadline too.
        clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(1));
        Assert.Contains("due in 24 hours", (await review.EmailsToAsync(printerId, 2))[1].Subject);
        Assert.Contains("deadline", (await review.EmailsToAsync(layoutId, 3))[2].Subject);
        await Eventually.HoldsAsync(async () => !await review.DeadlineReminderRegisteredAsync(layout.Id), "Layout has nothing left to remind");
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains("deadline", (await review.EmailsToAsync(printerId, 3))[2].Subject);
        await SentinelReminderAsync(review, clock, printerId, layoutId);

        Assert.Equal(3, WithoutSentinel(review.EmailsTo(printerId)).Count);
        Assert.Equal(3, WithoutSentinel(review.EmailsTo(layoutId)).Count);
        var reminders = (await review.ProjectEventsAsync(project)).Where(e => e.Event == "ReminderSent").ToList();
        Assert.Equal(["TwentyFourHours", "Deadline"], reminders.Where(e => e.ApprovalId == print.Id).Select(e => e.Detail));
        Assert.Equal(["Deadline"], reminders.Where(e => e.ApprovalId == layout.Id).Select(e => e.Detail));
    }

    /// <summary>
    /// A sentinel: an approval of a document of its own for the users, due in 25 hours, and the clock moved on an hour,
    /// so its 24-hour reminder goes the way every reminder goes (an Orleans reminder's tick, the approval grain, the
    /// outbox, the SMTP relay). Once it has arrived, a reminder the test does not expect has had its chance to arrive too.
    /// </summary>
    private static async Task SentinelReminderAsync(ReviewHost review, ManualTimeProvider clock, params string[] users)
    {
        var project = await review.ProjectAsync("Sentinel");
        var document = await review.DocumentAsync(project, SentinelDocument);
        foreach (var user in users) review.Access.Grant(user, document, Permission.View);
        await review.ApprovalAsync(project, document, Approval(Path(Stage("Sentinel", [.. users.Select(Approver)], dueAt: clock.GetUtcNow().AddHours(25)))));
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        foreach (var user in users)
        {
            await Eventually.MatchesAsync(() => Task.FromResult(review.EmailsTo(user)),
                emails => emails.Any(m => m.Subject.Contains(SentinelDocument) && m.Subject.Contains("due in 24 hours")), TimeSpan.FromSeconds(30), "the sentinel reminder");
        }
    }

    private const string SentinelDocument = "sentinel.pdf";

    /// <summary>The emails that are not the sentinel's.</summary>
    private static List<ReceivedEmail> WithoutSentinel(List<ReceivedEmail> emails) => [.. emails.Where(m => !m.Subject.Contains(SentinelDocument))];
}
