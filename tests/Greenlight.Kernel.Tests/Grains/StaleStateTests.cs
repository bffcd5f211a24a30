using Greenlight.Testing;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Tests.Harness;

namespace Greenlight.Kernel.Tests.Grains;

/// <summary>Two hosts over one store: the one holding stale state loses its write, and its next call starts from the stored state.</summary>
public sealed class StaleStateTests
{
    [Fact]
    public async Task A_write_from_stale_state_fails_and_the_next_call_succeeds_on_fresh_state()
    {
        // SQLite has no change notices, so the first host keeps its stale activation until it writes.
        await using var location = new SqliteTestStore();
        var options = new HarnessOptions { Start = HarnessStart.KernelOnly };
        await using var first = await KernelHarness.StartAsync(location, options);
        await using var second = await KernelHarness.StartAsync(location, options);

        Assert.Equal(1, await first.Grains.GetGrain<ICounterGrain>("contested").IncrementAsync());
        Assert.Equal(2, await second.Grains.GetGrain<ICounterGrain>("contested").IncrementAsync());

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => first.Grains.GetGrain<ICounterGrain>("contested").IncrementAsync());
        Assert.Equal(new GrainId("test.counter", "contested"), conflict.Grain);
        Assert.Equal(1, first.Journal.Count("deactivate:contested:StaleState"));

        Assert.Equal(3, await first.Grains.GetGrain<ICounterGrain>("contested").IncrementAsync());
        Assert.Equal(3, (await first.Get<IGrainStorage>().ReadAsync(new GrainId("test.counter", "contested")))!.Version);
    }

    [Fact]
    public async Task On_postgresql_a_write_by_another_host_drops_the_stale_activation_before_it_conflicts()
    {
        await using var location = await PostgresTestStore.CreateAsync();
        await using var first = await KernelHarness.StartAsync(location);
        await using var second = await KernelHarness.StartAsync(location);
        await first.Get<StaleActivationListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));

        await first.Grains.GetGrain<ICounterGrain>("contested").IncrementAsync();
        await second.Grains.GetGrain<ICounterGrain>("contested").IncrementAsync();

        await Eventually.HoldsAsync(() => first.Journal.Count("deactivate:contested:StaleState") == 1, "the first host drops its stale activation");
        Assert.Equal(3, await first.Grains.GetGrain<ICounterGrain>("contested").IncrementAsync());
    }
}
