using System.Net;
using System.Net.Sockets;
using Greenlight.Kernel.Composition;
using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Security.Secrets;
using Greenlight.Kernel.Storage;
using Greenlight.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Kernel.Tests.Harness;

/// <summary>What a harness runs once built.</summary>
public enum HarnessStart
{
    /// <summary>Migrations and organization bootstrap only: no silo, no outbox dispatcher, no janitor.</summary>
    KernelOnly,

    /// <summary>Every hosted service but the Orleans silo: the outbox dispatches, nothing calls grains.</summary>
    WithoutSilo,

    /// <summary>Every hosted service, the silo included, as a host runs them.</summary>
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
/// One kernel host in this process without HTTP, built as the host builds itself:
/// <c>Host.CreateApplicationBuilder()</c> + <c>AddGreenlightKernel</c> with this test assembly as its only
/// module, over a given store. Several harnesses over one store behave as several hosts.
/// </summary>
public sealed class KernelHarness : IAsyncDisposable
{
    /// <summary>Settings every test host gets: fast polling and retries, no dashboard, a known bootstrap token and master key.</summary>
    public static IReadOnlyDictionary<string, string?> FastDefaults { get; } = new Dictionary<string, string?>
    {
        [OrganizationBootstrapper.TokenVariable] = "test-bootstrap-token-0123456789abcdef",
        [MasterKey.Variable] = TestSecrets.MasterKey,
        ["Outbox:PollInterval"] = "00:00:00.050",
        ["Outbox:BaseRetryDelay"] = "00:00:00.010",
        ["Outbox:MaxRetryDelay"] = "00:00:00.050",
        ["Cluster:Dashboard"] = "false",
        // Tests wait for every silo to see the others before they act: copies may be kept at once.
        ["Grains:SnapshotWarmUp"] = "00:00:00",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private readonly IHost _host;

    private KernelHarness(IHost host, Journal journal, CapturedLogs logs) => (_host, Journal, Logs) = (host, journal, logs);

    public IServiceProvider Services => _host.Services;

    public Journal Journal { get; }

    /// <summary>What the host logged at Warning and above.</summary>
    public CapturedLogs Logs { get; }

    public IStore Store => Get<IStore>();

    public IGrainFactory Grains => Get<IGrainFactory>();

    public static async Task<KernelHarness> StartAsync(ITestStoreLocation location, HarnessOptions? options = null)
    {
        options ??= new HarnessOptions();
        var settings = new Dictionary<string, string?>(FastDefaults) { ["Cluster:SiloPort"] = FreePort().ToString() };
        foreach (var (key, value) in location.Settings.Concat(options.Settings)) settings[key] = value;

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturedLogs();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddProvider(logs);
        var journal = options.Journal ?? new Journal();
        builder.Services.AddSingleton(journal).AddSingleton(new Signals());
        if (options.Clock is not null) builder.Services.AddSingleton(options.Clock);
        builder.AddGreenlightKernel([typeof(KernelHarness).Assembly]);
        options.Services?.Invoke(builder.Services);
        Keep(builder.Services, options.Start);

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            await DisposeHostAsync(host);
            throw;
        }
        return new KernelHarness(host, journal, logs);
    }

    /// <summary>A scope acting as <paramref name="principal"/> (none: anonymous), as the HTTP pipeline would set it up.</summary>
    public AsyncServiceScope Scope(Security.Principal? principal = null)
    {
        var scope = Services.CreateAsyncScope();
        if (principal is not null) scope.ServiceProvider.GetRequiredService<Security.CurrentPrincipal>().Set(principal);
        return scope;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => DisposeHostAsync(_host);

    /// <summary>A loopback port nothing listens on right now, for the silo of a host.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Removes the hosted services <paramref name="start"/> does not run; the kernel's start-up (schema, organization) always runs.</summary>
    private static void Keep(IServiceCollection services, HarnessStart start)
    {
        if (start == HarnessStart.Everything) return;
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService)).ToList())
        {
            var type = hosted.ImplementationType ?? hosted.ImplementationInstance?.GetType();
            var isSilo = type?.Assembly.GetName().Name?.StartsWith("Orleans", StringComparison.Ordinal) == true;
            var kept = type == typeof(KernelStartup) || (start == HarnessStart.WithoutSilo && !isSilo);
            if (!kept) services.Remove(hosted);
        }
    }

    private static async ValueTask DisposeHostAsync(IHost host)
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
            else host.Dispose();
        }
    }
}
