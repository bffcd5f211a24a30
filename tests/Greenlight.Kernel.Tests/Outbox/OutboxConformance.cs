using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Tests.Harness;
using Greenlight.Testing;

namespace Greenlight.Kernel.Tests.Outbox;

/// <summary>
/// Delivery to every handler, each on its own; delivery after a restart; retries, parking and
/// retrying by hand; durable timers; deduplication and cancellation. Run against each store by the subclasses below.
/// </summary>
public abstract class OutboxConformance : IAsyncLifetime
{
    // Only the timer tests run on it: retries are scheduled on the host's clock, so they need real time.
    private readonly ManualTimeProvider _clock = new();

    protected ITestStoreLocation Location { get; private set; } = null!;

    protected abstract Task<ITestStoreLocation> CreateLocationAsync();

    public async Task InitializeAsync() => Location = await CreateLocationAsync();

    public Task DisposeAsync() => Location.DisposeAsync().AsTask();

    protected Task<KernelHarness> StartAsync(
        HarnessStart start = HarnessStart.WithoutSilo, Dictionary<string, string?>? settings = null, Journal? journal = null, TimeProvider? clock = null) =>
        KernelHarness.StartAsync(Location, new HarnessOptions { Start = start, Clock = clock, Settings = settings ?? [], Journal = journal });

    protected static Task EnqueueAsync(KernelHarness host, INotification message, DeliveryOptions? delivery = null) =>
        host.Get<IOutbox>().EnqueueAsync(host.Store, message, delivery);

    /// <summary>Enqueues a ping due now and waits for it: every message already due when it was enqueued has had its chance.</summary>
    protected static async Task DeliverSentinelAsync(KernelHarness host)
    {
        var key = "sentinel-" + Guid.NewGuid().ToString("N");
        await EnqueueAsync(host, new Pinged(key));
        await Eventually.HoldsAsync(() => host.Journal.Count("audit:" + key) == 1, "the sentinel is delivered");
    }

    /// <summary>A row goes once its delivery is recorded as complete, just after the handler ran.</summary>
    protected static Task AssertOutboxDrainsAsync(KernelHarness host) =>
        Eventually.HoldsAsync(async () => await host.Store.CountAsync("SELECT COUNT(*) FROM outbox_messages") == 0, "every delivery is completed");

    [Fact]
    public async Task A_message_is_delivered_once_to_every_handler_of_its_type()
    {
        await using var host = await StartAsync();

        await EnqueueAsync(host, new Pinged("p1"));

        await Eventually.HoldsAsync(() => host.Journal.Count("audit:p1") == 1 && host.Journal.Count("search:p1") == 1, "both handlers got p1");
        await DeliverSentinelAsync(host);
        Assert.Equal(1, host.Journal.Count("audit:p1"));
        Assert.Equal(1, host.Journal.Count("search:p1"));
        await AssertOutboxDrainsAsync(host);
    }

    [Fact]
    public async Task A_message_enqueued_in_a_rolled_back_transaction_does_not_exist()
    {
        await using var host = await StartAsync(HarnessStart.KernelOnly);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.InTransactionAsync(async tx =>
        {
            await host.Get<IOutbox>().EnqueueAsync(tx, new Pinged("never"));
            throw new InvalidOperationException("The change failed.");
        }));

        Assert.Equal(0, await host.Store.CountAsync("SELECT COUNT(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task A_failing_handler_does_not_hold_back_or_replay_another_handler_of_the_same_message()
    {
        await using var host = await StartAsync();

        await EnqueueAsync(host, new Flaky("f1", Failures: int.MaxValue));

        await Eventually.HoldsAsync(() => host.Journal.Count("flaky-attempt:f1") >= 3, "the failing handler was retried");
        Assert.Equal(1, host.Journal.Count("steady:f1"));
    }

    [Fact]
    public async Task A_message_enqueued_while_no_dispatcher_ran_is_delivered_after_a_restart()
    {
        await using (var stopped = await StartAsync(HarnessStart.KernelOnly))
        {
            await EnqueueAsync(stopped, new Pinged("survivor"));
            Assert.Empty(stopped.Journal.Entries);
        }

        await using var restarted = await StartAsync();

        await Eventually.HoldsAsync(() => restarted.Journal.Count("audit:survivor") == 1 && restarted.Journal.Count("search:survivor") == 1,
            "the restarted host delivered the message");
    }

    [Fact]
    public async Task A_handler_failing_every_attempt_is_parked_with_its_error_and_delivered_when_retried()
    {
        await using var host = await StartAsync(settings: new() { ["Outbox:MaxAttempts"] = "3" });
        var outbox = host.Get<SqlOutbox>();

        await EnqueueAsync(host, new Flaky("p1", Failures: 3));

        await Eventually.HoldsAsync(async () => (await outbox.ListParkedAsync(10, CancellationToken.None)).Count == 1, "the message is parked");
        var parked = Assert.Single(await outbox.ListParkedAsync(10, CancellationToken.None));
        Assert.Equal(typeof(FailingFlakyHandler).FullName, parked.HandlerType);
        Assert.Equal(typeof(Flaky).FullName, parked.MessageType);
        Assert.Equal(3, parked.Attempts);
        Assert.Equal("InvalidOperationException: Failure 3 of 3 for p1", parked.LastError);
        Assert.Equal(3, host.Journal.Count("flaky-attempt:p1"));
        Assert.Equal(1, host.Journal.Count("steady:p1"));

        Assert.True(await outbox.RetryParkedAsync(parked.Id, CancellationToken.None));

        await Eventually.HoldsAsync(() => host.Journal.Count("flaky-delivered:p1") == 1, "the retried message is delivered");
        Assert.Empty(await outbox.ListParkedAsync(10, CancellationToken.None));
        Assert.False(await outbox.RetryParkedAsync(parked.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_failing_because_the_cluster_is_changing_is_never_parked_for_it()
    {
        await using var host = await StartAsync(settings: new() { ["Outbox:MaxAttempts"] = "3" });

        await EnqueueAsync(host, new CaughtInFailover("c1", Failures: 5));

        await Eventually.HoldsAsync(() => host.Journal.Count("failover-delivered:c1") == 1, "the job is delivered once the cluster answers");
        Assert.Equal(6, host.Journal.Count("failover-attempt:c1"));
        Assert.Empty(await host.Get<SqlOutbox>().ListParkedAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task A_timer_is_not_delivered_before_it_is_due_and_is_delivered_once_it_is()
    {
        await using var host = await StartAsync(clock: _clock);

        await EnqueueAsync(host, new Reminder("t1"), new DeliveryOptions(DueAt: _clock.GetUtcNow().AddHours(1)));
        _clock.Advance(TimeSpan.FromMinutes(59));
        await DeliverSentinelAsync(host);
        Assert.Equal(0, host.Journal.Count("reminder:t1"));

        _clock.Advance(TimeSpan.FromMinutes(1));

        await Eventually.HoldsAsync(() => host.Journal.Count("reminder:t1") == 1, "the due timer is delivered");
    }

    [Fact]
    public async Task A_timer_set_before_a_restart_fires_after_it()
    {
        await using (var before = await StartAsync(clock: _clock))
        {
            await EnqueueAsync(before, new Reminder("t2"), new DeliveryOptions(DueAt: _clock.GetUtcNow().AddDays(1)));
            await DeliverSentinelAsync(before);
            Assert.Equal(0, before.Journal.Count("reminder:t2"));
        }
        _clock.Advance(TimeSpan.FromDays(1));

        await using var after = await StartAsync(clock: _clock);

        await Eventually.HoldsAsync(() => after.Journal.Count("reminder:t2") == 1, "the timer fires on the restarted host");
    }

    [Fact]
    public async Task Enqueuing_again_under_a_deduplication_key_is_a_no_op_for_each_handler()
    {
        await using (var stopped = await StartAsync(HarnessStart.KernelOnly))
        {
            var delivery = new DeliveryOptions(DeduplicationKey: "ping-once");
            await EnqueueAsync(stopped, new Pinged("first"), delivery);
            await EnqueueAsync(stopped, new Pinged("second"), delivery);

            // One row per handler, both of the first message.
            Assert.Equal(2, await stopped.Store.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE deduplication_key = 'ping-once'"));
        }

        await using var host = await StartAsync();
        await Eventually.HoldsAsync(() => host.Journal.Count("audit:first") == 1 && host.Journal.Count("search:first") == 1, "the first message is delivered");
        await DeliverSentinelAsync(host);
        Assert.Equal(0, host.Journal.Count("audit:second") + host.Journal.Count("search:second"));
    }
}

public sealed class SqliteOutboxConformance : OutboxConformance
{
    protected override Task<ITestStoreLocation> CreateLocationAsync() => Task.FromResult<ITestStoreLocation>(new SqliteTestStore());
}

public sealed class PostgresOutboxConformance : OutboxConformance
{
    protected override Task<ITestStoreLocation> CreateLocationAsync() => PostgresTestStore.CreateAsync();

    [Fact]
    public async Task Two_hosts_dispatching_from_one_database_deliver_every_message_exactly_once()
    {
        var journal = new Journal();
        await using var first = await StartAsync(journal: journal);
        await using var second = await StartAsync(journal: journal);

        // Half from each host, in batches, so both hosts' dispatchers are woken and both poll.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(batch => (batch % 2 == 0 ? first : second).Store.InTransactionAsync(async tx =>
        {
            var outbox = (batch % 2 == 0 ? first : second).Get<IOutbox>();
            for (var i = batch * 50; i < (batch + 1) * 50; i++) await outbox.EnqueueAsync(tx, new Numbered(i));
        })));

        await Eventually.HoldsAsync(() => journal.Entries.Count(e => e.StartsWith("numbered:", StringComparison.Ordinal)) >= 300,
            $"300 messages are delivered (now {journal.Entries.Count})");
        await DeliverSentinelAsync(first);
        var delivered = journal.Entries.Where(e => e.StartsWith("numbered:", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => "numbered:" + i).Order(), delivered.Order());
        await AssertOutboxDrainsAsync(first);
    }
}
