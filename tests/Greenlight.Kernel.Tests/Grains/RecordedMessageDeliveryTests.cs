using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Tests.Harness;

namespace Greenlight.Kernel.Tests.Grains;

/// <summary>
/// The hand-on itself, on a kernel host without a silo: exactly once in effect per message id, all or
/// nothing per call, and ids forgotten after the retention (by <see cref="RecordedMessageDelivery.ForgetBeforeAsync"/>,
/// which the janitor runs at start and hourly).
/// </summary>
public abstract class RecordedMessageDeliveryTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private ITestStoreLocation _location = null!;
    private KernelHarness _host = null!;

    protected abstract Task<ITestStoreLocation> CreateLocationAsync();

    public async Task InitializeAsync()
    {
        _location = await CreateLocationAsync();
        _host = await KernelHarness.StartAsync(_location, new HarnessOptions { Start = HarnessStart.KernelOnly, Clock = _clock });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _location.DisposeAsync();
    }

    private RecordedMessageDelivery Delivery => _host.Get<RecordedMessageDelivery>();

    private static RecordedMessage Posted(string ledger, string entry) => RecordedMessage.Of(new EntryPosted(ledger, entry, 1), null);

    [Fact]
    public async Task Handing_the_same_messages_on_twice_projects_and_queues_them_once()
    {
        List<RecordedMessage> messages = [Posted("l1", "a"), Posted("l1", "b")];

        await Delivery.HandOnAsync(messages);
        await Delivery.HandOnAsync(messages);
        await Delivery.HandOnAsync([messages[1], Posted("l1", "c")]);

        Assert.Equal(3, await _host.Store.CountAsync("SELECT COUNT(*) FROM test_ledger_entries WHERE ledger = 'l1'"));
        Assert.Equal(1, await _host.Store.CountAsync("SELECT COUNT(*) FROM test_ledger_entries WHERE ledger = 'l1' AND entry = 'b'"));
        // Two handlers of EntryPosted: a row each per message.
        Assert.Equal(6, await _host.Store.CountAsync("SELECT COUNT(*) FROM outbox_messages"));
        Assert.Equal(3, await _host.Store.CountAsync("SELECT COUNT(*) FROM handed_on_messages"));
    }

    [Fact]
    public async Task Concurrent_hand_ons_of_the_same_message_project_it_once()
    {
        var message = Posted("l2", "raced");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Delivery.HandOnAsync([message]))));

        Assert.Equal(1, await _host.Store.CountAsync("SELECT COUNT(*) FROM test_ledger_entries WHERE ledger = 'l2'"));
        Assert.Equal(2, await _host.Store.CountAsync("SELECT COUNT(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task A_failing_projection_rolls_back_the_whole_hand_on_and_a_retry_completes_it()
    {
        _host.Get<Signals>().Arm(ProjectPostedEntry.Fault("l3", "b"));
        List<RecordedMessage> messages = [Posted("l3", "a"), Posted("l3", "b")];

        await Assert.ThrowsAsync<InjectedFaultException>(() => Delivery.HandOnAsync(messages));

        Assert.Equal(0, await _host.Store.CountAsync("SELECT COUNT(*) FROM test_ledger_entries"));
        Assert.Equal(0, await _host.Store.CountAsync("SELECT COUNT(*) FROM outbox_messages"));
        Assert.Equal(0, await _host.Store.CountAsync("SELECT COUNT(*) FROM handed_on_messages"));

        await Delivery.HandOnAsync(messages);

        Assert.Equal(2, await _host.Store.CountAsync("SELECT COUNT(*) FROM test_ledger_entries"));
        Assert.Equal(4, await _host.Store.CountAsync("SELECT COUNT(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task Ids_handed_on_before_the_cutoff_are_forgotten_and_later_ones_still_recognized()
    {
        var old = Posted("l4", "old");
        var recent = Posted("l4", "recent");
        await Delivery.HandOnAsync([old]);
        _clock.Advance(TimeSpan.FromDays(8));
        await Delivery.HandOnAsync([recent]);

        var forgotten = await Delivery.ForgetBeforeAsync(_clock.GetUtcNow() - TimeSpan.FromDays(7), CancellationToken.None);

        Assert.Equal(1, forgotten);
        Assert.Equal(1, await _host.Store.CountAsync("SELECT COUNT(*) FROM handed_on_messages WHERE id = @id", ("id", recent.Id)));
        Assert.Equal(0, await _host.Store.CountAsync("SELECT COUNT(*) FROM handed_on_messages WHERE id = @id", ("id", old.Id)));
        // A recent id is still recognized; a forgotten one would be handed on again (hence a retention far beyond any redelivery).
        await Delivery.HandOnAsync([recent, old]);
        Assert.Equal(1, await _host.Store.CountAsync("SELECT COUNT(*) FROM test_ledger_entries WHERE entry = 'recent'"));
        Assert.Equal(2, await _host.Store.CountAsync("SELECT COUNT(*) FROM test_ledger_entries WHERE entry = 'old'"));
    }

    [Fact]
    public async Task The_janitor_forgets_ids_older_than_the_retention_when_the_host_starts()
    {
        var old = Posted("l5", "old");
        var recent = Posted("l5", "recent");
        await Delivery.HandOnAsync([old]);
        _clock.Advance(TimeSpan.FromDays(2));
        await Delivery.HandOnAsync([recent]);
        _clock.Advance(TimeSpan.FromDays(1));

        // Another host on the store, with the janitor running and a retention of two days.
        await using var other = await KernelHarness.StartAsync(_location, new HarnessOptions
        {
            Start = HarnessStart.WithoutSilo,
            Clock = _clock,
            Settings = new Dictionary<string, string?> { ["Grains:HandedOnRetention"] = "2.00:00:00" },
        });

        await Eventually.HoldsAsync(async () => await other.Store.CountAsync("SELECT COUNT(*) FROM handed_on_messages WHERE id = @id", ("id", old.Id)) == 0,
            "the janitor forgot the old id");
        Assert.Equal(1, await other.Store.CountAsync("SELECT COUNT(*) FROM handed_on_messages WHERE id = @id", ("id", recent.Id)));
    }

    [Fact]
    public async Task A_message_of_a_type_this_host_does_not_know_fails_the_hand_on_and_changes_nothing()
    {
        var unknown = new RecordedMessage(Guid.NewGuid().ToString("N"), "test.no-such-message", "{}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Delivery.HandOnAsync([Posted("l6", "a"), unknown]));

        Assert.Contains("test.no-such-message", error.Message);
        Assert.Equal(0, await _host.Store.CountAsync("SELECT COUNT(*) FROM handed_on_messages"));
        Assert.Equal(0, await _host.Store.CountAsync("SELECT COUNT(*) FROM test_ledger_entries"));
    }

    [Fact]
    public async Task A_recorded_message_keeps_its_stored_name_and_json()
    {
        var message = Posted("l7", "named");

        Assert.Equal("test.entry-posted", message.Type);
        Assert.Equal("""{"ledger":"l7","entry":"named","count":1}""", message.Payload);
        await Delivery.HandOnAsync([message]);
        Assert.Equal(2, await _host.Store.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE message_type = 'test.entry-posted'"));
    }
}

public sealed class SqliteRecordedMessageDeliveryTests : RecordedMessageDeliveryTests
{
    protected override Task<ITestStoreLocation> CreateLocationAsync() => Task.FromResult<ITestStoreLocation>(new SqliteTestStore());
}

public sealed class PostgresRecordedMessageDeliveryTests : RecordedMessageDeliveryTests
{
    protected override Task<ITestStoreLocation> CreateLocationAsync() => PostgresTestStore.CreateAsync();
}
