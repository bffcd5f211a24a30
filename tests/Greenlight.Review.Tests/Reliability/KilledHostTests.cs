using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Security.Tokens;
using Greenlight.Modules.Review.Listing;
using Greenlight.Modules.Review.Metrics;
using Greenlight.Modules.Work.Contracts;
using Npgsql;
using Xunit.Abstractions;

namespace Greenlight.Review.Tests.Reliability;

/// <summary>
/// An approval with a deadline reminder, its host process killed (SIGKILL) at three points and started again on the
/// same PostgreSQL database: (a) right after the approval was created, before its first emails went out; (b) while its
/// first stage is open and its reminder is due; (c) right after a decision that opens the next stage. Through the API
/// and the SMTP sink: every email and reminder arrives exactly once, every decision is kept, the status is right.
/// The SMTP relay refuses mail at every kill, so no email is ever half sent when a host dies (an email accepted by the
/// relay and not yet marked delivered would be sent again: delivery is at least once).
/// </summary>
public sealed class KilledHostTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_host_killed_after_creation_while_a_reminder_is_due_and_after_a_decision_loses_and_repeats_nothing()
    {
        await using var database = await TestPostgresDatabase.CreateAsync();
        await using var smtp = SmtpSink.Start();
        var adminToken = "review-kill-admin-" + Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:PostgreSql"] = database.ConnectionString,
            [OrganizationBootstrapper.TokenVariable] = adminToken,
            ["Email:Host"] = smtp.Host, ["Email:Port"] = smtp.Port.ToString(), ["Email:From"] = "greenlight@example.test",
            ["Review:ReminderPeriod"] = "00:00:01",
            // Short, so that what a killed host had claimed is delivered by the next one within the test.
            ["Outbox:ClaimLease"] = "00:00:03",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:BaseRetryDelay"] = "00:00:00.100",
            ["Outbox:MaxRetryDelay"] = "00:00:01",
            // The relay stays down across kills: no email may be parked meanwhile.
            ["Outbox:MaxAttempts"] = "10000",
        };
        smtp.RefuseMessages();

        await using var first = await HostProcess.StartAsync(settings);
        using var setup = first.Client(adminToken);
        var lena = await setup.CreateUserAsync("lena");
        var bruno = await setup.CreateUserAsync("bruno");
        var project = (await (await setup.PostAsJsonAsync("/api/v1/projects", new { name = "Spring" })).ReadSuccessAsync<ProjectView>()).Id;
        var pdf = new ByteArrayContent(ReviewHost.FirstVersion) { Headers = { ContentType = new("application/pdf") } };
        var document = (await (await setup.PostAsync($"/api/v1/projects/{project}/documents?name=poster.pdf", pdf)).ReadSuccessAsync<DocumentView>()).Id;
        foreach (var user in new[] { lena, bruno })
            (await setup.PostAsJsonAsync($"/api/v1/access/objects/Project/{project}/Document/{document}/shares",
                new { granteeKind = "User", granteeId = user, permission = "View" }, Json.Options)).EnsureSuccessStatusCode();
        var tokens = new Dictionary<string, string>();
        foreach (var user in new[] { lena, bruno })
            tokens[user] = (await (await setup.PostAsJsonAsync($"/api/v1/access/users/{user}/tokens", new { name = "test" })).ReadSuccessAsync<IssuedApiToken>()).Token;
        var due = DateTimeOffset.UtcNow.AddSeconds(10);
        var approval = await (await setup.PostAsJsonAsync($"/api/v1/projects/{project}/documents/{document}/approvals",
            Approval(Path(Stage("Legal", [Approver(lena)], dueAt: due), Stage("Brand", [Approver(bruno)], dueInWorkdays: 1))), Json.Options)).ReadSuccessAsync<ApprovalView>();

        // (a) Killed right after the approval was created: its first emails wait in the outbox.
        await first.KillAsync();
        output.WriteLine($"(a) killed {(due - DateTimeOffset.UtcNow).TotalSeconds:0.0} s before the deadline");
        // The deadline passes while no host runs: the next one finds the reminder due.
        if (due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1) is { Ticks: > 0 } untilDue) await Task.Delay(untilDue);

        await using var second = await HostProcess.StartAsync(settings);
        using var secondAdmin = second.Client(adminToken);
        // (b) Killed while the open stage's reminder is due: the approval has recorded it, its email has not gone out.
        await Eventually.MatchesAsync(() => EventsAsync(secondAdmin, project), events => events.Any(e => e.Event == "ReminderSent"), Within, "the reminder recorded");
        await second.KillAsync();

        await using var third = await HostProcess.StartAsync(settings);
        using var lenaClient = third.Client(tokens[lena]);
        smtp.AcceptMessages();
        await smtp.WaitForMessagesAsync(3, Within);
        await Eventually.HoldsAsync(async () => await EmailsInOutboxAsync(database) == 0, "the emails marked delivered", Within);
        smtp.RefuseMessages();
        // (c) Killed right after the decision that opens the next stage: Brand's email waits in the outbox.
        var decided = await (await ReviewHost.DecideAsync(lenaClient, approval.Id, Decision.Approved)).ReadSuccessAsync<ApprovalView>();
        Assert.Equal(StageStatus.Open, decided.Paths[0].Stages[1].Status);
        await third.KillAsync();

        await using var fourth = await HostProcess.StartAsync(settings);
        using var brunoClient = fourth.Client(tokens[bruno]);
        using var after = fourth.Client(adminToken);
        smtp.AcceptMessages();
        await smtp.WaitForMessagesAsync(4, Within);
        var final = await (await ReviewHost.DecideAsync(brunoClient, approval.Id, Decision.Approved)).ReadSuccessAsync<ApprovalView>();
        await Eventually.HoldsAsync(async () => await EmailsInOutboxAsync(database) == 0, "every email delivered", Within);

        Assert.Equal(
            [
                ($"{AccessUsers.EmailOf("bruno")}", "Approval stage open: Brand (poster.pdf in Spring)"),
                ($"{AccessUsers.EmailOf("bruno")}", "You are assigned to an approval stage: Brand (poster.pdf in Spring)"),
                ($"{AccessUsers.EmailOf("lena")}", "Approval stage open: Legal (poster.pdf in Spring)"),
                ($"{AccessUsers.EmailOf("lena")}", "The deadline of approval stage Legal is reached (poster.pdf in Spring)"),
            ],
            smtp.Messages.SelectMany(m => m.Recipients.Select(r => (r, m.Subject))).Order());
        Assert.Equal(ApprovalStatus.Approved, final.Status);
        Assert.Equal([(lena, Decision.Approved), (bruno, Decision.Approved)],
            final.Paths[0].Stages.Select(s => (s.Participants[0].DecidedBy!, s.Participants[0].Decision!.Value)));
        var events = await EventsAsync(after, project);
        Assert.Equal(
            ["Created", "StageOpened", "ReminderSent", "Decision", "StageCompleted", "StageOpened", "Decision", "StageCompleted", "Completed"],
            events.Select(e => e.Event));
        var report = await after.GetSuccessAsync<ApprovalMetricsView>($"/api/v1/approval-metrics?projectId={project}");
        Assert.Equal((2, 0, 1), (report.Decisions["Approved"], report.Pending, report.Completed));
        Assert.Empty(await after.GetSuccessAsync<List<System.Text.Json.JsonElement>>("/api/v1/admin/outbox/parked"));
    }

    private static Task<List<EventView>> EventsAsync(HttpClient admin, string project) =>
        admin.GetSuccessAsync<List<EventView>>($"/api/v1/projects/{project}/approval-events");

    /// <summary>Emails not yet marked delivered: a host killed now would send them (again).</summary>
    private static async Task<long> EmailsInOutboxAsync(TestPostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM outbox_messages WHERE message_type = 'review.email-due'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
