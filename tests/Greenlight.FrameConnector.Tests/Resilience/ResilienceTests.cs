using System.Net;

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
        var client = Harness.Client(Harness.Options with { AttemptTimeout = TimeSpan.FromMilliseconds(300) });

        await client.GetProjectAsync(Harness.AccountId, _project.Id);

        Assert.Equal(2, Harness.Fake.CountRequests("GET", FakeFrameioRoutes.Project));
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

    [Fact]
    public async Task Pacing_keeps_a_concurrent_burst_under_a_tight_limit_nearly_free_of_429s()
    {
        const int folders = 30;
        // 100 ms a request once the bucket is full: scheduling stalls of a loaded machine stay small beside it.
        Harness.Fake.RateLimits.Set("POST", FakeFrameioRoutes.Folders, limit: 10, window: TimeSpan.FromSeconds(1));
        // One request first, so the client learns the endpoint's limit from the headers.
        await Client.CreateFolderAsync(Harness.AccountId, _project.RootFolderId, "Task 0");

        await Task.WhenAll(Enumerable.Range(1, folders - 1).Select(i => Client.CreateFolderAsync(Harness.AccountId, _project.RootFolderId, $"Task {i}")));

        var sent = Harness.Fake.CountRequests("POST", FakeFrameioRoutes.Folders);
        // Each extra request was a 429: a few at most (a tenth of the burst) even when the machine stalls the client between its
        // pacing and the fake's bucket; an unpaced burst of 29 against 10 places would get about 19.
        Assert.InRange(sent - folders, 0, folders / 10);
        Assert.Equal(folders, (await Client.ListFolderChildrenAsync(Harness.AccountId, _project.RootFolderId).ToListAsync()).Count);
    }

    [Fact]
    public async Task A_spent_budget_fails_at_once_with_try_later_instead_of_blocking()
    {
        Harness.Fake.RateLimits.Set("POST", FakeFrameioRoutes.Folders, limit: 2, window: TimeSpan.FromMinutes(1));
        var client = Harness.Client(Harness.Options with { MaxWaitPerCall = TimeSpan.FromMilliseconds(200) });
        await client.CreateFolderAsync(Harness.AccountId, _project.RootFolderId, "Task 1");
        await client.CreateFolderAsync(Harness.AccountId, _project.RootFolderId, "Task 2");

        var later = await Assert.ThrowsAsync<FrameioTryLaterException>(() => client.CreateFolderAsync(Harness.AccountId, _project.RootFolderId, "Task 3"));

        Assert.InRange(later.RetryAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
        Assert.Equal(2, Harness.Fake.CountRequests("POST", FakeFrameioRoutes.Folders)); // the pacer knew; nothing was sent
    }

    [Fact]
    public async Task A_429_whose_headers_imply_a_long_wait_becomes_try_later()
    {
        Harness.Fake.RateLimits.Set("GET", FakeFrameioRoutes.Project, limit: 1, window: TimeSpan.FromMinutes(1));
        await Harness.Client().GetProjectAsync(Harness.AccountId, _project.Id); // another connection spends the budget
        var client = Harness.Client(Harness.Options with { MaxWaitPerCall = TimeSpan.FromSeconds(1) });

        var later = await Assert.ThrowsAsync<FrameioTryLaterException>(() => client.GetProjectAsync(Harness.AccountId, _project.Id));

        Assert.InRange(later.RetryAt - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
        Assert.Equal(2, Harness.Fake.CountRequests("GET", FakeFrameioRoutes.Project));
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
