using Greenlight.Testing;

namespace Greenlight.Host.Tests.Http;

/// <summary>One host for the HTTP convention tests, with the sample plugin so its routes are checked too, and the Orleans dashboard.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    /// <summary>Small, so that a test can exceed it cheaply.</summary>
    public const int MaxRequestBodyBytes = 4096;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Modules:PluginsPath"] = TestPaths.PluginsFolderWithSamplePlugin(),
        ["Http:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(),
        ["Cluster:Dashboard"] = "true",
    });

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }
}

/// <summary>The test classes that share one <see cref="ApiHostFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ApiHostCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "api host";
}
