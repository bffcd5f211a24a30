using Greenlight.Testing;
using System.Text.Json;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Tests.Harness;

namespace Greenlight.Kernel.Tests.Grains;

/// <summary>One activation per grain, one call at a time per grain, state kept across activations, and a bounded directory.</summary>
public sealed class GrainRuntimeTests : IAsyncLifetime
{
    private readonly SqliteTestStore _location = new();
    private KernelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await StartAsync();

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _location.DisposeAsync();
    }

    private Task<KernelHarness> StartAsync(Dictionary<string, string?>? settings = null) =>
        KernelHarness.StartAsync(_location, new HarnessOptions { Start = HarnessStart.KernelOnly, Settings = settings ?? [] });

    private ICounterGrain Counter(string key) => _harness.Grains.GetGrain<ICounterGrain>(key);

    private async Task<StoredGrainState?> StoredAsync(string type, string key) =>
        await _harness.Get<IGrainStorage>().ReadAsync(new GrainId(type, key));

    [Fact]
    public async Task A_thousand_concurrent_increments_of_one_grain_end_at_a_thousand_in_memory_and_in_storage()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => Counter("hot").IncrementAsync())));

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), results.Order());
        Assert.Equal(1000, await Counter("hot").GetAsync());
        var stored = await StoredAsync("test.counter", "hot");
        Assert.Equal(1000, JsonSerializer.Deserialize<CounterState>(stored!.Json!, GrainJson.Options)!.Value);
        Assert.Equal(1000, stored.Version);
        Assert.Equal(1, _harness.Journal.Count("activate:hot:0"));
    }

    [Fact]
    public async Task Calls_to_different_grains_run_at_the_same_time()
    {
        var rendezvous = new Rendezvous(parties: 2, TimeSpan.FromSeconds(5));

        var met = await Task.WhenAll(Counter("left").MeetAsync(rendezvous), Counter("right").MeetAsync(rendezvous));

        Assert.Equal([true, true], met);
    }

    [Fact]
    public async Task Calls_to_one_grain_never_overlap()
    {
        var meter = new ConcurrencyMeter();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Counter("busy").OccupyAsync(meter))));

        Assert.Equal(1, meter.Maximum);
    }

    [Fact]
    public async Task A_grain_that_meets_itself_times_out_because_its_second_call_waits_for_the_first()
    {
        // The control for the two tests above: the rendezvous does detect serialized calls.
        var rendezvous = new Rendezvous(parties: 2, TimeSpan.FromMilliseconds(200));

        var met = await Task.WhenAll(Counter("alone").MeetAsync(rendezvous), Counter("alone").MeetAsync(rendezvous));

        Assert.Contains(false, met);
    }

    [Fact]
    public async Task An_idle_grain_is_collected_and_its_next_call_reads_its_state_back()
    {
        await using var harness = await StartAsync(new() { ["Grains:IdleTimeout"] = "00:00:00" });
        var counter = harness.Grains.GetGrain<ICounterGrain>("sleepy");
        await counter.IncrementAsync();
        await counter.IncrementAsync();

        await harness.Grains.CollectIdleAsync();

        Assert.Equal(0, harness.Grains.ActivationCount);
        Assert.Equal(3, await counter.IncrementAsync());
        Assert.Equal(["activate:sleepy:0", "deactivate:sleepy:Idle", "activate:sleepy:2"], harness.Journal.Entries);
    }

    [Fact]
    public async Task A_grain_used_within_the_idle_timeout_is_not_collected()
    {
        await Counter("awake").IncrementAsync();

        await _harness.Grains.CollectIdleAsync();

        Assert.Equal(1, _harness.Grains.ActivationCount);
    }

    [Fact]
    public async Task Deactivating_every_grain_keeps_their_state()
    {
        await Counter("a").IncrementAsync();
        await Counter("b").IncrementAsync();

        await _harness.Grains.DeactivateAllAsync(DeactivationReason.Requested);

        Assert.Equal(0, _harness.Grains.ActivationCount);
        Assert.Equal(2, await Counter("a").IncrementAsync());
        Assert.Equal(1, _harness.Journal.Count("activate:a:1"));
        Assert.Equal(1, _harness.Journal.Count("deactivate:b:Requested"));
    }

    [Fact]
    public async Task The_number_of_activations_is_held_to_the_maximum_one_new_grain_at_a_time()
    {
        await using var harness = await StartAsync(new() { ["Grains:MaxActivations"] = "10" });

        for (var i = 0; i < 50; i++) await harness.Grains.GetGrain<ICounterGrain>($"key-{i}").IncrementAsync();

        await Eventually.HoldsAsync(() => harness.Grains.ActivationCount <= 10, $"at most 10 activations remain (now {harness.Grains.ActivationCount})");
        Assert.Equal(50 - harness.Grains.ActivationCount, harness.Journal.Entries.Count(e => e.EndsWith(":CapacityExceeded", StringComparison.Ordinal)));
        // Evicted grains lost nothing.
        Assert.Equal(2, await harness.Grains.GetGrain<ICounterGrain>("key-0").IncrementAsync());
    }

    [Fact]
    public async Task The_number_of_activations_returns_to_the_maximum_after_a_burst_in_which_every_grain_was_busy()
    {
        await using var harness = await StartAsync(new() { ["Grains:MaxActivations"] = "10" });
        // Every call holds its grain until all 50 are active, so no activation is idle while they arrive.
        var everyoneActive = new Rendezvous(parties: 50, TimeSpan.FromSeconds(10));

        var met = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => harness.Grains.GetGrain<ICounterGrain>($"burst-{i}").MeetAsync(everyoneActive)));

        Assert.All(met, Assert.True);
        await Eventually.HoldsAsync(() => harness.Grains.ActivationCount <= 10, $"at most 10 activations remain (now {harness.Grains.ActivationCount})");
    }

    [Fact]
    public async Task Two_grain_types_with_the_same_key_keep_separate_rows()
    {
        await Counter("shared").IncrementAsync();
        await _harness.Grains.GetGrain<ITallyGrain>("shared").SetAsync(42);

        Assert.Equal(2, await _harness.Store.CountAsync("SELECT COUNT(*) FROM grain_state WHERE grain_key = 'shared'"));
        Assert.Contains("\"value\":1", (await StoredAsync("test.counter", "shared"))!.Json);
        Assert.Contains("\"value\":42", (await StoredAsync("test.tally", "shared"))!.Json);
    }

    [Fact]
    public async Task DropIfStale_drops_an_activation_older_than_the_announced_version_only()
    {
        await Counter("watched").IncrementAsync();
        var id = new GrainId("test.counter", "watched");

        await _harness.Grains.DropIfStaleAsync(id, version: 1);
        Assert.Equal(1, _harness.Grains.ActivationCount);

        await _harness.Grains.DropIfStaleAsync(id, version: 2);
        Assert.Equal(0, _harness.Grains.ActivationCount);
        Assert.Equal(1, _harness.Journal.Count("deactivate:watched:StaleState"));
    }
}
