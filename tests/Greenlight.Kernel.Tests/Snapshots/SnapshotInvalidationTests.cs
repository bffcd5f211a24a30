using Greenlight.Kernel.Grains.Snapshots;
using Greenlight.Kernel.Tests.Grains;
using Greenlight.Kernel.Tests.Harness;
using Orleans.Runtime;

namespace Greenlight.Kernel.Tests.Snapshots;

/// <summary>
/// On a two-silo cluster of kernel hosts: a grain's write that publishes a new version of its snapshot
/// drops every silo's older copy before the write returns, and the per-silo grain that does it lives
/// on the silo its key names.
/// </summary>
public sealed class SnapshotInvalidationTests(TwoSiloCluster fixture) : IClassFixture<TwoSiloCluster>
{
    private KernelCluster Kernel => fixture.Kernel;

    [Fact]
    public async Task Publishing_a_new_version_drops_the_other_silos_cached_copy_before_the_write_returns()
    {
        var key = "prices-" + Guid.NewGuid().ToString("N");
        var owner = Kernel.Client.GetGrain<IPriceListGrain>(key);
        await owner.PublishAsync("v1");
        var ownerSilo = await owner.WhereAsync();
        var silos = Kernel.Cluster.GetActiveSilos().ToList();
        Assert.Equal(2, silos.Count);
        var other = silos.Single(s => s.SiloAddress.ToParsableString() != ownerSilo);
        var local = silos.Single(s => s.SiloAddress.ToParsableString() == ownerSilo);
        // Both silos cache v1.
        Assert.Equal("v1", await ReadAsync(other, key));
        Assert.Equal("v1", await ReadAsync(local, key));
        Assert.Equal((1, 1), (Fetches(other, key), Fetches(local, key)));

        await owner.PublishAsync("v2");

        // Straight after the write: neither silo answers from its old copy.
        Assert.Equal("v2", await ReadAsync(other, key));
        Assert.Equal("v2", await ReadAsync(local, key));
        Assert.Equal((2, 2), (Fetches(other, key), Fetches(local, key)));
        // And they keep the new one.
        Assert.Equal("v2", await ReadAsync(other, key));
        Assert.Equal(2, Fetches(other, key));
    }

    [Fact]
    public async Task A_silo_keyed_grain_lives_on_the_silo_its_key_names()
    {
        foreach (var silo in Kernel.Cluster.GetActiveSilos())
        {
            var address = silo.SiloAddress.ToParsableString();
            // Called from every silo and from the client: the key decides, not the caller.
            foreach (var caller in Kernel.Cluster.GetActiveSilos().Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>()).Append(Kernel.Client))
                Assert.Equal(address, await caller.GetGrain<ISiloProbeGrain>(address).WhereAsync());
        }
    }

    [Fact]
    public async Task The_silo_snapshots_grain_keyed_by_a_silo_invalidates_that_silos_cache_only()
    {
        var key = "direct-" + Guid.NewGuid().ToString("N");
        var (first, second) = (Kernel.Cluster.GetActiveSilos().First(), Kernel.Cluster.GetActiveSilos().Last());
        var (firstCache, secondCache) = (first.ServiceProvider.GetRequiredService<SiloSnapshots>(), second.ServiceProvider.GetRequiredService<SiloSnapshots>());
        await firstCache.GetAsync(key, () => Task.FromResult(new Snapshot<string>(1, "v1")));
        await secondCache.GetAsync(key, () => Task.FromResult(new Snapshot<string>(1, "v1")));

        await Kernel.Client.GetGrain<ISiloSnapshotsGrain>(second.SiloAddress.ToParsableString()).InvalidateAsync(key, 2);

        Assert.Equal("v1", await firstCache.GetAsync(key, () => Task.FromResult(new Snapshot<string>(2, "v2"))));
        Assert.Equal("v2", await secondCache.GetAsync(key, () => Task.FromResult(new Snapshot<string>(2, "v2"))));
    }

    [Fact]
    public async Task A_silo_keyed_grain_whose_key_names_no_silo_cannot_be_placed()
    {
        var gone = SiloAddress.New(System.Net.IPAddress.Loopback, 1, 1).ToParsableString();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Kernel.Client.GetGrain<ISiloProbeGrain>(gone).WhereAsync());

        Assert.Contains("not in the cluster", error.ToString());
    }

    private readonly Dictionary<(string Silo, string Key), int> _fetches = [];

    private int Fetches(InProcessSiloHandle silo, string key) => _fetches.GetValueOrDefault((silo.SiloAddress.ToParsableString(), key));

    /// <summary>Reads the snapshot on <paramref name="silo"/> as its hot paths do: the cached copy, or one fetched from the owner through that silo.</summary>
    private async Task<string> ReadAsync(InProcessSiloHandle silo, string key)
    {
        var services = silo.ServiceProvider;
        return await services.GetRequiredService<SiloSnapshots>().GetAsync(PriceListGrain.Key(key), () =>
        {
            var counter = (silo.SiloAddress.ToParsableString(), key);
            _fetches[counter] = _fetches.GetValueOrDefault(counter) + 1;
            return services.GetRequiredService<IGrainFactory>().GetGrain<IPriceListGrain>(key).SnapshotAsync();
        });
    }
}
