using System.Net;
using System.Runtime.Loader;
using Greenlight.Host.Tests.Support;
using Greenlight.Testing;

namespace Greenlight.Host.Tests.Plugins;

/// <summary>A module nobody references, dropped into the plugins folder, runs like a shipped one.</summary>
public sealed class PluginDropInTests : IAsyncLifetime
{
    private const string SamplePlugin = "Greenlight.SamplePlugin";
    private readonly string _pluginsFolder = TestPaths.PluginsFolderWithSamplePlugin();
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(new Dictionary<string, string?> { ["Modules:PluginsPath"] = _pluginsFolder });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Its_grain_endpoints_and_outbox_handler_work_through_HTTP()
    {
        Assert.Equal(1, await _host.Admin.IncrementUntilAppliedAsync("visits"));
        Assert.Equal(2, await _host.Admin.IncrementUntilAppliedAsync("visits"));

        Assert.Equal(2, await _host.Admin.GetCounterAsync("visits"));
        await _host.Admin.WaitForDeliveriesUpToAsync("visits", 2, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Its_validation_names_the_invalid_field()
    {
        var response = await _host.Admin.IncrementAsync("Not_Valid");

        await response.AssertInvalidFieldAsync("counter");
    }

    [Fact]
    public void It_was_loaded_from_the_folder_in_a_context_of_its_own()
    {
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == SamplePlugin);

        var loaded = Assert.Single(AssemblyLoadContext.All.SelectMany(c => c.Assemblies),
            a => a.GetName().Name == SamplePlugin && a.Location.StartsWith(_pluginsFolder, StringComparison.Ordinal));
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(loaded));
    }
}
