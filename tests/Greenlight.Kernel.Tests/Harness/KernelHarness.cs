using Greenlight.Kernel.Composition;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Kernel.Tests.Harness;

/// <summary>What a harness runs once built.</summary>
public enum HarnessStart
{
    /// <summary>Migrations and organization bootstrap only: no dispatcher, no collector.</summary>
    KernelOnly,

    /// <summary>Every hosted service, as a host would.</summary>
    Everything,
}

public sealed record HarnessOptions
{
    public HarnessStart Start { get; init; } = HarnessStart.Everything;

    /// <summary>Configuration on top of the fast test defaults.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public TimeProvider? Clock { get; init; }

    /// <summary>Shared by several harnesses when a test looks at what happened on all hosts together.</summary>
    public Journal? Journal { get; init; }

    /// <summary>Registrations applied after the kernel's, so they may replace its defaults.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}

/// <summary>
/// One kernel host in this process without HTTP: the kernel plus this test assembly as its only
/// module, over a given store. Several harnesses over one store behave as several hosts.
/// </summary>
public sealed class KernelHarness : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> FastDefaults = new()
    {
        ["GREENLIGHT_BOOTSTRAP_TOKEN"] = "test-bootstrap-token-0123456789abcdef",
        ["Outbox:PollInterval"] = "00:00:00.050",
        ["Outbox:BaseRetryDelay"] = "00:00:00.010",
        ["Outbox:MaxRetryDelay"] = "00:00:00.050",
        ["Grains:CollectionInterval"] = "01:00:00",
    };

    private readonly ServiceProvider _provider;
    private readonly List<IHostedService> _started = [];

    private KernelHarness(ServiceProvider provider, Journal journal) => (_provider, Journal) = (provider, journal);

    public IServiceProvider Services => _provider;

    public Journal Journal { get; }

    public IStore Store => _provider.GetRequiredService<IStore>();

    public GrainRuntime Grains => _provider.GetRequiredService<GrainRuntime>();

    public static async Task<KernelHarness> StartAsync(ITestStoreLocation location, HarnessOptions? options = null)
    {
        options ??= new HarnessOptions();
        var settings = new Dictionary<string, string?>(FastDefaults);
        foreach (var (key, value) in location.Settings.Concat(options.Settings)) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var journal = options.Journal ?? new Journal();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(journal);
        if (options.Clock is not null) services.AddSingleton(options.Clock);
        services.AddGreenlightKernel(configuration, [typeof(KernelHarness).Assembly]);
        options.Services?.Invoke(services);

        var harness = new KernelHarness(services.BuildServiceProvider(), journal);
        try
        {
            var hosted = harness._provider.GetServices<IHostedService>();
            foreach (var service in options.Start == HarnessStart.Everything ? hosted : hosted.OfType<KernelStartup>())
            {
                await service.StartAsync(CancellationToken.None);
                harness._started.Add(service);
            }
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
        return harness;
    }

    /// <summary>A scope acting as <paramref name="principal"/> (none: anonymous), as the HTTP pipeline would set it up.</summary>
    public AsyncServiceScope Scope(Security.Principal? principal = null)
    {
        var scope = _provider.CreateAsyncScope();
        if (principal is not null) scope.ServiceProvider.GetRequiredService<Security.CurrentPrincipal>().Set(principal);
        return scope;
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        // Stopped in reverse, as a host stops: background work ends before the schema's owner.
        foreach (var service in Enumerable.Reverse(_started)) await service.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
