using System.Reflection;
using System.Runtime.Loader;
using Greenlight.Host.Tests.Support;
using Greenlight.Kernel.Grains;
using MediatR;

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
        var counter = $"visits-{Guid.NewGuid().ToString("N")[..8]}";
        Assert.Equal(1, await _host.Admin.IncrementOkAsync(counter));
        Assert.Equal(2, await _host.Admin.IncrementOkAsync(counter));

        Assert.Equal(2, await _host.Admin.GetCounterAsync(counter));
        await _host.Admin.AssertDeliveredOnceUpToAsync(counter, 2, TimeSpan.FromSeconds(30));
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

        var loaded = LoadedPlugin();
        Assert.StartsWith(_pluginsFolder, loaded.Location, StringComparison.Ordinal);
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(loaded));
    }

    [Fact]
    public void It_shares_Orleans_MediatR_and_the_kernel_with_the_host()
    {
        var grain = LoadedPlugin().GetType($"{SamplePlugin}.CounterGrain", throwOnError: true)!;
        var message = LoadedPlugin().GetType($"{SamplePlugin}.CounterIncremented", throwOnError: true)!;

        // The very types the host uses, not copies from the plugin's folder: otherwise the host would not know them.
        Assert.Same(typeof(DurableGrain<>).Assembly, grain.BaseType!.GetGenericTypeDefinition().Assembly);
        Assert.Same(typeof(IGrainWithStringKey).Assembly, grain.GetInterface(nameof(IGrainWithStringKey))!.Assembly);
        Assert.Same(typeof(INotification).Assembly, message.GetInterface(nameof(INotification))!.Assembly);
    }

    [Fact]
    public void Its_build_output_carries_no_assembly_the_host_provides()
    {
        // The plugin's project references Orleans's SDK, MediatR and the kernel without their run-time assets.
        var assemblies = Directory.EnumerateFiles(TestPaths.SamplePluginDirectory, "*.dll", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.SamplePluginDirectory, path));

        Assert.Equal([$"{SamplePlugin}.dll"], assemblies);
        var references = LoadedPlugin().GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Contains("Greenlight.Kernel", references);
        Assert.Contains("MediatR", references);
        Assert.Contains(references, name => name!.StartsWith("Orleans.", StringComparison.Ordinal));
    }

    private Assembly LoadedPlugin() => Assert.Single(AssemblyLoadContext.All.SelectMany(c => c.Assemblies),
        a => a.GetName().Name == SamplePlugin && a.Location.StartsWith(_pluginsFolder, StringComparison.Ordinal));
}
