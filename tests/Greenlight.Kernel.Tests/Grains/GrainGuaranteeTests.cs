using Greenlight.Kernel.Tests.Harness;
using Orleans.Runtime;
using Orleans.Storage;

namespace Greenlight.Kernel.Tests.Grains;

/// <summary>A two-silo cluster of kernel hosts on one SQLite store, shared by the tests of <see cref="GrainGuaranteeTests"/>.</summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    private readonly SqliteTestStore _location = new();

    public KernelCluster Kernel { get; private set; } = null!;

    public async Task InitializeAsync() => Kernel = await KernelCluster.StartAsync(_location, new KernelClusterOptions { Silos = 2 });

    public async Task DisposeAsync()
    {
        await Kernel.DisposeAsync();
        await _location.DisposeAsync();
    }
}

/// <summary>
/// What grains get from Orleans as the kernel configures it (ADO.NET storage of JSON state in the host's
/// store): one activation per grain in the cluster, one call at a time except reads, state that outlives
/// activations and silos, and stale writes refused.
/// </summary>
public sealed class GrainGuaranteeTests(TwoSiloCluster fixture) : IClassFixture<TwoSiloCluster>
{
    private KernelCluster Kernel => fixture.Kernel;

    private ICounterGrain Counter(string key) => Kernel.Client.GetGrain<ICounterGrain>(key);

    private static string NewKey(string name) => $"{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_thousand_concurrent_increments_of_one_grain_end_at_a_thousand_in_memory_and_in_storage_with_one_activation()
    {
        var key = NewKey("hot");
        // Half through each silo's own grain factory, half through the client: one activation serves them all.
        var factories = Kernel.Cluster.GetActiveSilos().Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>()).Append(Kernel.Client).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => factories[i % factories.Length].GetGrain<ICounterGrain>(key).IncrementAsync())));

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), results.Order());
        Assert.Equal(1000, await Counter(key).GetAsync());
        var (stored, _) = await Kernel.StoredAsync<CounterState>(Counter(key));
        Assert.Equal(1000, stored!.Value);
        Assert.Equal([$"activate:{key}:0"], Kernel.Journal.Entries.Where(e => e.StartsWith($"activate:{key}:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task State_survives_deactivation()
    {
        var counter = Counter(NewKey("sleepy"));
        await counter.IncrementAsync();
        await counter.IncrementAsync();

        await Kernel.Cluster.DeactivateAsync(counter);

        Assert.Equal(3, await counter.IncrementAsync());
        Assert.Contains($"activate:{counter.GetPrimaryKeyString()}:2", Kernel.Journal.Entries);
    }

    [Fact]
    public async Task State_survives_a_restart_of_the_silo_holding_the_grain()
    {
        var counter = Counter(NewKey("survivor"));
        for (var i = 0; i < 5; i++) await counter.IncrementAsync();
        var silo = Kernel.SiloOf(counter) ?? throw new InvalidOperationException("The counter is not active.");

        await Kernel.RestartAsync(silo);

        Assert.Equal(6, await Kernel.RetryWhileTheClusterSettlesAsync(() => counter.IncrementAsync()));
        Assert.Contains($"activate:{counter.GetPrimaryKeyString()}:5", Kernel.Journal.Entries);
    }

    [Fact]
    public async Task A_write_from_a_stale_etag_is_refused_and_loses_nothing()
    {
        var counter = Counter(NewKey("contested"));
        Assert.Equal(1, await counter.IncrementAsync());
        // Another writer (another activation, in a split cluster) stores 41 meanwhile.
        await Kernel.OverwriteStoredAsync<CounterState>(counter, state => new CounterState { Value = 41 });

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.IncrementAsync());

        // The refused change is not stored; the other writer's is, and the next call starts from it.
        Assert.Equal(41, (await Kernel.StoredAsync<CounterState>(counter)).State!.Value);
        Assert.Equal(42, await counter.IncrementAsync());
        Assert.Equal(42, (await Kernel.StoredAsync<CounterState>(counter)).State!.Value);
    }

    [Fact]
    public async Task Read_only_calls_of_one_grain_run_at_the_same_time()
    {
        var counter = Counter(NewKey("readers"));
        var rendezvous = NewKey("two-readers");
        Kernel.Signals.Rendezvous(rendezvous, parties: 2, TimeSpan.FromSeconds(20));

        var met = await Task.WhenAll(counter.MeetWhileReadingAsync(rendezvous), counter.MeetWhileReadingAsync(rendezvous));

        Assert.Equal([true, true], met);
    }

    [Fact]
    public async Task A_read_only_call_does_not_run_during_a_write()
    {
        var counter = Counter(NewKey("writer"));
        await counter.GetAsync();
        // Whichever call runs first waits this long for the other, which cannot come in meanwhile.
        var rendezvous = NewKey("reader-and-writer");
        Kernel.Signals.Rendezvous(rendezvous, parties: 2, TimeSpan.FromMilliseconds(500));

        var met = await Task.WhenAll(counter.MeetWhileWritingAsync(rendezvous), counter.MeetWhileReadingAsync(rendezvous));

        Assert.Contains(false, met);
        Assert.Equal(1, await counter.GetAsync());
    }

    [Fact]
    public async Task Two_writes_of_one_grain_never_overlap()
    {
        var counter = Counter(NewKey("writers"));
        var rendezvous = NewKey("two-writers");
        Kernel.Signals.Rendezvous(rendezvous, parties: 2, TimeSpan.FromMilliseconds(500));

        var met = await Task.WhenAll(counter.MeetWhileWritingAsync(rendezvous), counter.MeetWhileWritingAsync(rendezvous));

        Assert.Contains(false, met);
        Assert.Equal(2, await counter.GetAsync());
    }
}
