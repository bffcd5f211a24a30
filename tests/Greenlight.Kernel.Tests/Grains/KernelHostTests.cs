using Greenlight.Kernel.Grains.Snapshots;
using Greenlight.Kernel.Tests.Harness;
using Greenlight.Kernel.Tests.Snapshots;
using Orleans.Runtime;
using Orleans.Storage;

namespace Greenlight.Kernel.Tests.Grains;

/// <summary>
/// Whole kernel hosts (<c>AddGreenlightKernel</c> with its own clustering): a grain's recorded messages
/// reach every notification handler through the outbox; two hosts on one SQLite file are two clusters,
/// so one grain has two activations and the stale one's write is refused; two hosts on one PostgreSQL
/// database are one cluster.
/// </summary>
public sealed class KernelHostTests
{
    [Fact]
    public async Task A_grains_recorded_messages_are_delivered_once_to_each_notification_handler()
    {
        await using var location = new SqliteTestStore();
        await using var host = await KernelHarness.StartAsync(location);
        var ledger = host.Grains.GetGrain<ILedgerGrain>("delivered");

        await ledger.PostManyAsync(["a", "b"]);

        await Eventually.HoldsAsync(() => new[] { "watchers", "index" }.All(h => host.Journal.Count($"{h}:delivered/a") == 1 && host.Journal.Count($"{h}:delivered/b") == 1),
            "both handlers got both messages");
        await Eventually.HoldsAsync(async () => await host.Store.CountAsync("SELECT COUNT(*) FROM outbox_messages") == 0, "every delivery is completed");
        Assert.Equal(4, host.Journal.Entries.Count(e => e.StartsWith("watchers:", StringComparison.Ordinal) || e.StartsWith("index:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_activations_of_one_grain_cannot_both_write_and_the_refused_change_is_lost_entirely()
    {
        // SQLite has no cluster membership: two hosts on one file are two clusters, each with its own activation of the grain.
        await using var location = new SqliteTestStore();
        var journal = new Journal();
        await using var first = await KernelHarness.StartAsync(location, new HarnessOptions { Journal = journal });
        await using var second = await KernelHarness.StartAsync(location, new HarnessOptions { Journal = journal });
        var (inFirst, inSecond) = (first.Grains.GetGrain<ILedgerGrain>("contested"), second.Grains.GetGrain<ILedgerGrain>("contested"));

        Assert.Equal(1, await inFirst.PostAsync("first"));
        Assert.Equal(2, await inSecond.PostAsync("second"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => inFirst.PostAsync("stale"));

        // The stale activation is gone: the first host's next call reads what the second stored.
        Assert.Equal(3, await inFirst.PostAsync("again"));
        Assert.Equal(["first", "second", "again"], await inFirst.EntriesAsync());
        await Eventually.HoldsAsync(() => journal.Count("index:contested/again") == 1, "the last message is delivered");
        Assert.Equal(0, journal.Count("index:contested/stale"));
        Assert.Equal(0, await first.Store.CountAsync("SELECT COUNT(*) FROM test_ledger_entries WHERE entry = 'stale'"));
        Assert.Equal(3, await first.Store.CountAsync("SELECT COUNT(*) FROM test_ledger_entries WHERE ledger = 'contested'"));
    }

    [Fact]
    public async Task Two_hosts_on_one_postgresql_database_are_one_cluster()
    {
        await using var location = await PostgresTestStore.CreateAsync();
        var journal = new Journal();
        var (first, second) = await StartBothAsync(location, journal);
        await using (first)
        await using (second)
        {
            // One activation serves the calls of both hosts.
            var counters = new[] { first, second }.Select(h => h.Grains.GetGrain<ICounterGrain>("shared")).ToArray();
            var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => counters[i % 2].IncrementAsync()));
            Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), results.Order());
            Assert.Equal(1, journal.Entries.Count(e => e.StartsWith("activate:shared:", StringComparison.Ordinal)));

            // A write on one host drops the other host's cached snapshot before it returns.
            var owner = first.Grains.GetGrain<IPriceListGrain>("shared-prices");
            await owner.PublishAsync("v1");
            var cache = second.Get<SiloSnapshots>();
            Assert.Equal("v1", await cache.GetAsync(PriceListGrain.Key("shared-prices"), () => second.Grains.GetGrain<IPriceListGrain>("shared-prices").SnapshotAsync()));
            await owner.PublishAsync("v2");
            Assert.Equal("v2", await cache.GetAsync(PriceListGrain.Key("shared-prices"), () => second.Grains.GetGrain<IPriceListGrain>("shared-prices").SnapshotAsync()));
        }
    }

    private static async Task<(KernelHarness, KernelHarness)> StartBothAsync(ITestStoreLocation location, Journal journal)
    {
        var first = await KernelHarness.StartAsync(location, new HarnessOptions { Journal = journal });
        try
        {
            var second = await KernelHarness.StartAsync(location, new HarnessOptions { Journal = journal });
            // Each must see the other as active before calls are spread over both.
            await Eventually.HoldsAsync(() => new[] { first, second }.All(h => h.Get<IClusterMembershipService>().CurrentSnapshot.Members.Values
                .Count(m => m.Status == SiloStatus.Active) == 2), "both hosts see two active silos", timeout: TimeSpan.FromSeconds(60));
            return (first, second);
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }
}
