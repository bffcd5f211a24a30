using System.Net;
using Greenlight.Modules.FrameConnector.FrameioApi.Resilience;

namespace Greenlight.FrameConnector.Tests.Resilience;

public sealed class ResilienceTests : FrameioTestBase
{
    private FrameioProject _project = null!;

    private FakeFrameioFaults Faults => Harness.Fake.Faults;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _project = await Harness.NewProjectAsync(Client);
        Harness.Fake.ClearRequests();
    }

    [Fact]
    public async Task A_429_is_waited_out_and_the_call_then_succeeds()
    {
        Faults.Next(FakeFault.TooManyRequests, times: 2);

        var project = await Client.GetProjectAsync(Harness.AccountId, _project.Id);

        Assert.Equal(_project.Id, project.Id);
        Assert.Equal(3, Harness.Fake.CountRequests("GET", FakeFrameioRoutes.Project));
    }

    [Fact]
    public async Task A_429_on_a_create_is_retried_because_Frame_io_answered()
    {
        Faults.Next(FakeFault.TooManyRequests);
        Faults.Next(FakeFault.ServerError);

        await Client.CreateFolderAsync(Harness.AccountId, _project.RootFolderId, "Task 7");

        Assert.Equal(3, Harness.Fake.CountRequests("POST", FakeFrameioRoutes.Folders));
        Assert.Single(await Client.ListFolderChildrenAsync(Harness.AccountId, _project.RootFolderId).ToListAsync());
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_then_fail()
    {
        Faults.Next(FakeFault.ServerError, times: 100);

        var failure = await Assert.ThrowsAsync<FrameioApiException>(() => Client.GetProjectAsync(Harness.AccountId, _project.Id));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.Status);
        Assert.Equal(1 + Harness.Options.MaxServerFailureRetries, Harness.Fake.CountRequests("GET", FakeFrameioRoutes.Project));
    }

    [Fact]
    public async Task A_fraction_of_server_errors_is_absorbed_by_retries()
    {
        Faults.FailFraction(0.3);

        for (var i = 0; i < 20; i++) await Client.GetProjectAsync(Harness.AccountId, _project.Id);

        Assert.InRange(Harness.Fake.CountRequests("GET", FakeFrameioRoutes.Project), 21, 60);
    }

    [Fact]
    public async Task A_read_that_times_out_is_tried_again()
    {
        Faults.Next(FakeFault.Hang);
        var client = Harness.Client(Harness.Options with { AttemptTimeout = TimeSpan.FromSeconds(1) });

        var project = await client.GetProjectAsync(Harness.AccountId, _project.Id);

        // The hung attempt, then at least one more (a healthy one may itself time out on a loaded machine, and is retried).
        Assert.Equal(_project.Id, project.Id);
        Assert.InRange(Harness.Fake.CountRequests("GET", FakeFrameioRoutes.Project), 2, 1 + Harness.Options.MaxServerFailureRetries);
    }

    [Fact]
    public async Task A_read_whose_connection_drops_is_tried_again()
    {
        Faults.Next(FakeFault.DropConnection);

        await Client.GetProjectAsync(Harness.AccountId, _project.Id);

        Assert.Equal(2, Harness.Fake.CountRequests("GET", FakeFrameioRoutes.Project));
    }

    [Fact]
    public async Task A_read_slower_than_every_attempt_s_timeout_fails_as_unreachable_after_bounded_retries()
    {
        Faults.Latency = TimeSpan.FromMilliseconds(500);
        var client = Harness.Client(Harness.Options with { AttemptTimeout = TimeSpan.FromMilliseconds(150) });

        await Assert.ThrowsAsync<FrameioUnreachableException>(() => client.GetProjectAsync(Harness.AccountId, _project.Id));

        Assert.Equal(1 + Harness.Options.MaxServerFailureRetries, Harness.Fake.CountRequests("GET", FakeFrameioRoutes.Project));
    }

    [Fact]
    public async Task A_create_that_times_out_is_not_repeated_and_reports_an_unknown_outcome()
    {
        Faults.Next(FakeFault.Hang);
        var client = Harness.Client(Harness.Options with { AttemptTimeout = TimeSpan.FromMilliseconds(300) });

        await Assert.ThrowsAsync<FrameioOutcomeUnknownException>(() => client.CreateFolderAsync(Harness.AccountId, _project.RootFolderId, "Task 7"));

        Assert.Equal(1, Harness.Fake.CountRequests("POST", FakeFrameioRoutes.Folders));
    }

    [Fact]
    public async Task A_create_whose_connection_drops_is_not_repeated_and_reports_an_unknown_outcome()
    {
        Faults.Next(FakeFault.DropConnection);

        await Assert.ThrowsAsync<FrameioOutcomeUnknownException>(() => Client.CreateFolderAsync(Harness.AccountId, _project.RootFolderId, "Task 7"));

        Assert.Equal(1, Harness.Fake.CountRequests("POST", FakeFrameioRoutes.Folders));
    }

    /// <summary>
    /// The pacer, on a clock that moves only when told: a burst is spaced at the rate Frame.io's headers give, so the bucket
    /// never overflows, and a wait that would overrun the call's deadline is refused. (The burst against the fake, with the
    /// 429s an unpaced client gets beside it, is measured in the bench: <c>frameio-client</c>.)
    /// </summary>
    [Fact]
    public void The_pacer_spaces_a_burst_at_the_rate_the_headers_give_and_refuses_a_wait_past_the_deadline()
    {
        var clock = new ManualTimeProvider();
        var pacer = new RateLimitPacer(clock);
        var endpoint = new FrameioEndpoint(HttpMethod.Post, "/accounts/{account_id}/folders/{folder_id}/folders");
        pacer.Observe(endpoint, new RateLimitHeaders(Limit: 10, Remaining: 9, Window: TimeSpan.FromSeconds(1)));

        var burst = Enumerable.Range(0, 29).Select(_ => pacer.Reserve(endpoint, clock.GetUtcNow() + TimeSpan.FromSeconds(30))).ToList();

        Assert.All(burst, decision => Assert.True(decision.Reserved));
        // Nine of the ten places are free; each request after them waits for one more place to drain, a tenth of a second each.
        var expected = Enumerable.Repeat(0, 9).Concat(Enumerable.Range(1, 20).Select(k => 100 * k));
        Assert.Equal(expected, burst.Select(decision => (int)Math.Round(decision.Wait.TotalMilliseconds)));
        var tooLate = pacer.Reserve(endpoint, clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        Assert.False(tooLate.Reserved);
        Assert.Equal(2100, (int)Math.Round(tooLate.Wait.TotalMilliseconds));

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve(endpoint, clock.GetUtcNow()).Wait); // drained meanwhile
    }

    [Fact]
    public async Task A_spent_budget_fails_at_once_with_try_later_at_the_time_the_bucket_frees_up()
    {
        var clock = new ManualTimeProvider();
        await using var harness = await FrameioHarness.StartAsync(clock);
        var project = await harness.NewProjectAsync(harness.Client());
        harness.Fake.RateLimits.Set("POST", FakeFrameioRoutes.Folders, limit: 2, window: TimeSpan.FromMinutes(1));
        var client = harness.Client(harness.Options with { MaxWaitPerCall = TimeSpan.FromMilliseconds(200) });
        await client.CreateFolderAsync(harness.AccountId, project.RootFolderId, "Task 1");
        await client.CreateFolderAsync(harness.AccountId, project.RootFolderId, "Task 2");

        var later = await Assert.ThrowsAsync<FrameioTryLaterException>(() => client.CreateFolderAsync(harness.AccountId, project.RootFolderId, "Task 3"));

        // Two per minute, both spent: the next place frees up half a minute on (the clock did not move).
        Assert.Equal(30_000, (int)Math.Round((later.RetryAt - clock.GetUtcNow()).TotalMilliseconds));
        Assert.Equal(2, harness.Fake.CountRequests("POST", FakeFrameioRoutes.Folders)); // the pacer knew; nothing was sent
    }

    [Fact]
    public async Task A_429_whose_headers_imply_a_long_wait_becomes_try_later_at_that_time()
    {
        var clock = new ManualTimeProvider();
        await using var harness = await FrameioHarness.StartAsync(clock);
        var project = await harness.NewProjectAsync(harness.Client());
        harness.Fake.RateLimits.Set("GET", FakeFrameioRoutes.Project, limit: 1, window: TimeSpan.FromMinutes(1));
        await harness.Client().GetProjectAsync(harness.AccountId, project.Id); // another connection spends the budget
        var client = harness.Client(harness.Options with { MaxWaitPerCall = TimeSpan.FromSeconds(1) });

        var later = await Assert.ThrowsAsync<FrameioTryLaterException>(() => client.GetProjectAsync(harness.AccountId, project.Id));

        Assert.Equal(60_000, (int)Math.Round((later.RetryAt - clock.GetUtcNow()).TotalMilliseconds));
        Assert.Equal(2, harness.Fake.CountRequests("GET", FakeFrameioRoutes.Project));
    }

    [Fact]
    public async Task A_429_left_unretried_carries_the_retry_after_its_headers_imply()
    {
        Faults.Next(FakeFault.TooManyRequests);
        var client = Harness.Client(Harness.Options with { MaxRateLimitRetries = 0 });

        var failure = await Assert.ThrowsAsync<FrameioApiException>(() => client.GetProjectAsync(Harness.AccountId, _project.Id));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.Status);
        Assert.Equal(TimeSpan.FromMilliseconds(10), failure.RetryAfter); // the fault's headers: 1 request per 10 ms
    }

    [Fact]
    public async Task The_token_never_appears_in_logs_or_failures()
    {
        Faults.Next(FakeFault.TooManyRequests);
        Faults.Next(FakeFault.ServerError);
        Faults.Next(FakeFault.DropConnection);
        await FullExercise.RunAsync(Harness, Client);
        Faults.Next(FakeFault.ServerError, times: 10);
        var failure = await Assert.ThrowsAsync<FrameioApiException>(() => Client.GetMeAsync());

        Assert.NotEmpty(Harness.Logs.Lines);
        Assert.Contains(Harness.Logs.Lines, line => line.Contains("answered 503"));
        Assert.DoesNotContain(Harness.Logs.Lines, line => line.Contains(FrameioHarness.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(FrameioHarness.Token, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FrameioHarness.Token, new FrameioCredentials(FrameioHarness.Token, false).ToString(), StringComparison.Ordinal);
    }
}
