using Greenlight.Host.Tests.Support;

namespace Greenlight.Host.Tests.Plugins;

/// <summary>A plugin's grain is one grain for the whole cluster: a call through any host reaches its one activation.</summary>
[Collection(TwoHostCollection.Name)]
public sealed class PluginAcrossHostsTests(TwoHostCluster fixture) : IAsyncLifetime
{
    private HostCluster Cluster => fixture.Cluster;

    public Task InitializeAsync() => Cluster.EnsureAllRunningAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_call_through_host_B_reaches_the_activation_living_on_host_A()
    {
        // Placement is the cluster's choice: whichever host the new counter lives on is A, the other B.
        var counter = $"across-{Guid.NewGuid().ToString("N")[..8]}";
        var activation = await Cluster[0].GetActivationAsync(counter);
        var a = Cluster.IndexOfSilo(activation.Silo);
        var b = 1 - a;

        Assert.Equal(activation, await Cluster[b].GetActivationAsync(counter));
        Assert.Equal(1, await Cluster[b].IncrementOkAsync(counter));
        Assert.Equal(2, await Cluster[b].IncrementOkAsync(counter));

        Assert.Equal(activation, await Cluster[b].GetActivationAsync(counter));
        Assert.Equal(2, await Cluster[a].GetCounterAsync(counter));
        await Cluster[b].AssertDeliveredOnceUpToAsync(counter, 2, TimeSpan.FromSeconds(30));
        await (await Cluster[b].IncrementAsync("Not_Valid")).AssertInvalidFieldAsync("counter");
    }
}
