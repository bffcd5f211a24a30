namespace Greenlight.Host.Tests.Support;

/// <summary>A <see cref="HostCluster"/> whose hosts run the sample plugin, shared by a test class or collection.</summary>
public abstract class SampleClusterFixture(int size) : IAsyncLifetime
{
    /// <summary>
    /// Short, so that messages a killed host had claimed are delivered by a survivor within a test; long
    /// enough that no live delivery on a loaded machine outlasts it (which would deliver it twice).
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(10);

    public HostCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await HostCluster.StartAsync(size, new Dictionary<string, string?>
    {
        ["Modules:PluginsPath"] = TestPaths.PluginsFolderWithSamplePlugin(),
        ["Outbox:ClaimLease"] = ClaimLease.ToString(),
        ["Outbox:PollInterval"] = "00:00:00.100",
    });

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}

public sealed class TwoHostCluster() : SampleClusterFixture(2);

public sealed class ThreeHostCluster() : SampleClusterFixture(3);

/// <summary>The test classes that share one two-host cluster.</summary>
[CollectionDefinition(Name)]
public sealed class TwoHostCollection : ICollectionFixture<TwoHostCluster>
{
    public const string Name = "two hosts";
}
