using System.Text.Json;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Messages;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Tests.Harness;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Greenlight.Kernel.Tests.Grains;

/// <summary>
/// One kernel silo on a store, shared by the tests of a <see cref="DurableGrainTests"/> class: the outbox
/// dispatcher is off (queued rows stay to be counted), grain writes can be made to fail, and the
/// redelivery reminder's period is short.
/// </summary>
public abstract class DurableGrainCluster : IAsyncLifetime
{
    public static readonly TimeSpan RedeliveryPeriod = TimeSpan.FromSeconds(3);

    private ITestStoreLocation _location = null!;

    public KernelCluster Kernel { get; private set; } = null!;

    protected abstract Task<ITestStoreLocation> CreateLocationAsync();

    public async Task InitializeAsync()
    {
        _location = await CreateLocationAsync();
        Kernel = await KernelCluster.StartAsync(_location, new KernelClusterOptions
        {
            StorageFaults = true,
            Settings = new Dictionary<string, string?> { ["Grains:RedeliveryPeriod"] = RedeliveryPeriod.ToString() },
        });
    }

    public async Task DisposeAsync()
    {
        await Kernel.DisposeAsync();
        await _location.DisposeAsync();
    }
}

public sealed class SqliteDurableGrainCluster : DurableGrainCluster
{
    protected override Task<ITestStoreLocation> CreateLocationAsync() => Task.FromResult<ITestStoreLocation>(new SqliteTestStore());
}

public sealed class PostgresDurableGrainCluster : DurableGrainCluster
{
    protected override Task<ITestStoreLocation> CreateLocationAsync() => PostgresTestStore.CreateAsync();
}

/// <summary>
/// A DurableGrain's change and the messages it records are stored in one write and handed on exactly
/// once: projected in one transaction with their outbox rows (one per notification handler), never
/// lost whatever fails after the write, never repeated when handed on again.
/// </summary>
public abstract class DurableGrainTests(DurableGrainCluster fixture)
{
    private static readonly string Watchers = OutboxRegistry.Name(typeof(NotifyLedgerWatchers));
    private static readonly string Index = OutboxRegistry.Name(typeof(IndexLedgerEntry));

    private KernelCluster Kernel => fixture.Kernel;

    private ILedgerGrain NewLedger() => Kernel.Client.GetGrain<ILedgerGrain>("ledger-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Messages_recorded_by_a_write_are_projected_and_queued_once_per_handler_before_the_call_returns()
    {
        var ledger = NewLedger();

        await ledger.PostManyAsync(["a", "b"]);

        Assert.Equal(["a", "b"], await ProjectedAsync(ledger));
        Assert.Equal([$"{Index}:a", $"{Index}:b", $"{Watchers}:a", $"{Watchers}:b"], await QueuedAsync(ledger));
        Assert.Equal(0, await ledger.UnsentCountAsync());
    }

    [Fact]
    public async Task A_failed_hand_on_rolls_back_all_of_it_while_the_change_and_its_messages_stay_stored_in_one_row()
    {
        var ledger = NewLedger();
        // "a" is projected and queued, then the projection of "b" fails: the hand-on's one transaction rolls back.
        Kernel.Signals.Arm(ProjectPostedEntry.Fault(Key(ledger), "b"), int.MaxValue);

        await Assert.ThrowsAsync<InjectedFaultException>(() => ledger.PostManyAsync(["a", "b"]));

        Assert.Empty(await ProjectedAsync(ledger));
        Assert.Empty(await QueuedAsync(ledger));
        var (stored, _) = await Kernel.StoredAsync<LedgerState>(ledger);
        Assert.Equal(["a", "b"], stored!.Entries);
        Assert.Equal(["a", "b"], stored.Unsent.Select(m => ((EntryPosted)Catalog.Deserialize(m.Type, m.Payload)).Entry));
        Assert.Equal(0, await HandedOnCountAsync(stored.Unsent));
        Kernel.Signals.Disarm(ProjectPostedEntry.Fault(Key(ledger), "b"));
    }

    [Fact]
    public async Task After_a_failed_hand_on_the_next_activation_hands_the_stored_messages_on_exactly_once()
    {
        var ledger = NewLedger();
        Kernel.Signals.Arm(ProjectPostedEntry.Fault(Key(ledger), "b"), int.MaxValue);
        await Assert.ThrowsAsync<InjectedFaultException>(() => ledger.PostManyAsync(["a", "b"]));
        var unsent = (await Kernel.StoredAsync<LedgerState>(ledger)).State!.Unsent;
        Kernel.Signals.Disarm(ProjectPostedEntry.Fault(Key(ledger), "b"));

        await Kernel.Cluster.DeactivateAsync(ledger);

        Assert.Equal(["a", "b"], await ledger.EntriesAsync());
        Assert.Equal(["a", "b"], await ProjectedAsync(ledger));
        Assert.Equal([$"{Index}:a", $"{Index}:b", $"{Watchers}:a", $"{Watchers}:b"], await QueuedAsync(ledger));
        Assert.Equal(2, await HandedOnCountAsync(unsent));
        // Once more through storage: the list stored on deactivation is empty, so nothing is handed on again.
        await Kernel.Cluster.DeactivateAsync(ledger);
        Assert.Empty((await Kernel.StoredAsync<LedgerState>(ledger)).State!.Unsent);
        Assert.Equal(["a", "b"], await ledger.EntriesAsync());
        Assert.Equal(["a", "b"], await ProjectedAsync(ledger));
        Assert.Equal(4, (await QueuedAsync(ledger)).Count);
    }

    [Fact]
    public async Task The_redelivery_reminder_wakes_a_grain_holding_unsent_messages_after_a_silo_restart()
    {
        var ledger = NewLedger();
        Kernel.Signals.Arm(ProjectPostedEntry.Fault(Key(ledger), "a"), int.MaxValue);
        await Assert.ThrowsAsync<InjectedFaultException>(() => ledger.PostAsync("a"));

        // The silo stops gracefully (the grain deactivates) and comes back; then nothing calls the grain.
        var restarted = await Kernel.RestartAsync(Kernel.Cluster.GetActiveSilos().Single());
        Kernel.Signals.Disarm(ProjectPostedEntry.Fault(Key(ledger), "a"));
        // A period this short is allowed only because the kernel lowers Orleans's minimum to it.
        Assert.Equal(DurableGrainCluster.RedeliveryPeriod, restarted.ServiceProvider.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod);

        await Kernel.ExplainingFailureAsync(() => Eventually.HoldsAsync(async () => (await ProjectedAsync(ledger)).Count > 0,
            "the reminder woke the grain to hand its message on", timeout: TimeSpan.FromSeconds(90), interval: TimeSpan.FromMilliseconds(200)));
        Assert.Equal(["a"], await ProjectedAsync(ledger));
        Assert.Equal([$"{Index}:a", $"{Watchers}:a"], await QueuedAsync(ledger));
        Assert.Contains($"projected:{Key(ledger)}/a@{restarted.SiloAddress.ToParsableString()}", Kernel.Journal.Entries);
        // Its work done, the grain stores the emptied list and drops the reminder.
        await Eventually.HoldsAsync(async () => (await Kernel.StoredAsync<LedgerState>(ledger)).State!.Unsent.Count == 0
                                                && (await RemindersAsync(ledger)).Count == 0,
            "the grain stored its emptied list and unregistered the reminder", timeout: TimeSpan.FromSeconds(90), interval: TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task After_the_silo_dies_between_the_write_and_the_hand_on_the_next_activation_hands_the_messages_on_exactly_once()
    {
        var ledger = NewLedger();
        Kernel.Signals.Arm(ProjectPostedEntry.Fault(Key(ledger), "a"), int.MaxValue);
        await Assert.ThrowsAsync<InjectedFaultException>(() => ledger.PostManyAsync(["a", "b"]));

        // Killed, not stopped: nothing of the activation runs any more. Another silo takes over.
        await Kernel.Cluster.KillSiloAsync(Kernel.Cluster.GetActiveSilos().Single());
        Kernel.Signals.Disarm(ProjectPostedEntry.Fault(Key(ledger), "a"));
        await Kernel.Cluster.StartAdditionalSiloAsync();

        Assert.Equal(["a", "b"], await Kernel.RetryWhileTheClusterSettlesAsync(() => ledger.EntriesAsync()));
        Assert.Equal(["a", "b"], await ProjectedAsync(ledger));
        Assert.Equal([$"{Index}:a", $"{Index}:b", $"{Watchers}:a", $"{Watchers}:b"], await QueuedAsync(ledger));
    }

    [Fact]
    public async Task Handing_on_again_what_was_handed_on_before_changes_nothing()
    {
        var ledger = NewLedger();
        await ledger.PostAsync("a");
        // The process "dies" before the emptied list is stored: the deactivation's write fails.
        Kernel.Signals.Arm(FaultyGrainStorage.WriteFault(ledger), int.MaxValue);
        await Kernel.Cluster.DeactivateAsync(ledger);
        Kernel.Signals.Disarm(FaultyGrainStorage.WriteFault(ledger));
        Assert.Single((await Kernel.StoredAsync<LedgerState>(ledger)).State!.Unsent);

        // The next activation hands the stored message on again.
        Assert.Equal(["a"], await ledger.EntriesAsync());

        Assert.Equal(["a"], await ProjectedAsync(ledger));
        Assert.Equal([$"{Index}:a", $"{Watchers}:a"], await QueuedAsync(ledger));
    }

    [Fact]
    public async Task A_change_whose_write_failed_is_never_stored_nor_handed_on()
    {
        var ledger = NewLedger();
        await ledger.PostAsync("a");
        Kernel.Signals.Arm(FaultyGrainStorage.WriteFault(ledger));
        var deactivated = Kernel.Cluster.WaitForDeactivationAsync(ledger);

        var failed = await Assert.ThrowsAsync<OrleansException>(() => ledger.PostAsync("b"));
        Assert.IsType<InjectedFaultException>(failed.InnerException);

        // The activation whose memory holds the change that was not stored goes away, and with it the change.
        await deactivated.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["a"], await ledger.EntriesAsync());
        Assert.Equal(["a"], await ProjectedAsync(ledger));
        Assert.Equal(["a"], (await Kernel.StoredAsync<LedgerState>(ledger)).State!.Entries);
        Assert.Equal(2, await ledger.PostAsync("c"));
        Assert.Equal(["a", "c"], await ProjectedAsync(ledger));
    }

    [Fact]
    public async Task A_write_from_a_stale_etag_is_refused_and_its_messages_are_never_handed_on()
    {
        var ledger = NewLedger();
        await ledger.PostAsync("a");
        // Another activation's write moves the stored version on.
        await Kernel.OverwriteStoredAsync<LedgerState>(ledger, state =>
        {
            state.Entries.Add("elsewhere");
            state.Unsent.Clear();
            return state;
        });

        await Assert.ThrowsAsync<InconsistentStateException>(() => ledger.PostAsync("b"));

        Assert.Equal(["a", "elsewhere"], await ledger.EntriesAsync());
        Assert.Equal(["a"], await ProjectedAsync(ledger));
        Assert.Equal(["a", "elsewhere"], (await Kernel.StoredAsync<LedgerState>(ledger)).State!.Entries);
    }

    [Fact]
    public async Task ClearStateAsync_resets_the_state_but_keeps_and_hands_on_the_messages_recorded_for_the_change()
    {
        var ledger = NewLedger();
        await ledger.PostManyAsync(["a", "b"]);

        await ledger.ResetAsync("spring");

        Assert.Empty(await ledger.EntriesAsync());
        Assert.Equal(["a", "b", "reset:spring"], await ProjectedAsync(ledger));
        Assert.Contains($"{OutboxRegistry.Name(typeof(AuditLedgerReset))}:spring", await QueuedAsync(ledger));
        await Kernel.Cluster.DeactivateAsync(ledger);
        Assert.Empty(await ledger.EntriesAsync());
        Assert.Equal(3, (await ProjectedAsync(ledger)).Count);
    }

    [Fact]
    public async Task A_recorded_message_keeps_its_due_time_and_deduplication_key_in_the_outbox()
    {
        var ledger = NewLedger();
        var due = DateTimeOffset.UtcNow.AddDays(3);

        await ledger.PostLaterAsync("later", due, "dedup-" + Key(ledger));

        await using var connection = await Kernel.Store.OpenConnectionAsync();
        await using var command = Greenlight.Kernel.Storage.StoreExtensions.Command(connection,
            "SELECT due_at, deduplication_key FROM outbox_messages WHERE deduplication_key = @key", ("key", "dedup-" + Key(ledger)));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            Assert.Equal(due.ToUnixTimeMilliseconds(), reader.GetInt64(0));
        }
        Assert.Equal(2, rows);
    }

    private MessageCatalog Catalog => Kernel.Silo().GetRequiredService<MessageCatalog>();

    private static string Key(ILedgerGrain ledger) => ledger.GetPrimaryKeyString();

    /// <summary>The ledger's rows in its projection table, one per projection run.</summary>
    private async Task<List<string>> ProjectedAsync(ILedgerGrain ledger)
    {
        await using var connection = await Kernel.Store.OpenConnectionAsync();
        await using var command = Greenlight.Kernel.Storage.StoreExtensions.Command(connection,
            "SELECT entry FROM test_ledger_entries WHERE ledger = @ledger ORDER BY entry", ("ledger", Key(ledger)));
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<string>();
        while (await reader.ReadAsync()) entries.Add(reader.GetString(0));
        return entries;
    }

    /// <summary>The ledger's outbox rows as "HANDLER:ENTRY" (or "HANDLER:REASON"), sorted.</summary>
    private async Task<List<string>> QueuedAsync(ILedgerGrain ledger)
    {
        await using var connection = await Kernel.Store.OpenConnectionAsync();
        await using var command = Greenlight.Kernel.Storage.StoreExtensions.Command(connection, "SELECT handler_type, payload FROM outbox_messages");
        await using var reader = await command.ExecuteReaderAsync();
        var queued = new List<string>();
        while (await reader.ReadAsync())
        {
            var payload = JsonDocument.Parse(reader.GetString(1)).RootElement;
            if (!payload.TryGetProperty("ledger", out var of) || of.GetString() != Key(ledger)) continue;
            var what = payload.TryGetProperty("entry", out var entry) ? entry.GetString() : payload.GetProperty("reason").GetString();
            queued.Add($"{reader.GetString(0)}:{what}");
        }
        return queued.Order(StringComparer.Ordinal).ToList();
    }

    private async Task<long> HandedOnCountAsync(IEnumerable<RecordedMessage> messages)
    {
        long count = 0;
        foreach (var message in messages)
            count += await Kernel.Store.CountAsync("SELECT COUNT(*) FROM handed_on_messages WHERE id = @id", ("id", message.Id));
        return count;
    }

    private async Task<IList<ReminderEntry>> RemindersAsync(IAddressable grain) =>
        (await Kernel.Silo().GetRequiredService<IReminderTable>().ReadRows(grain.GetGrainId())).Reminders;
}

public sealed class SqliteDurableGrainTests(SqliteDurableGrainCluster fixture) : DurableGrainTests(fixture), IClassFixture<SqliteDurableGrainCluster>;

public sealed class PostgresDurableGrainTests(PostgresDurableGrainCluster fixture) : DurableGrainTests(fixture), IClassFixture<PostgresDurableGrainCluster>;
