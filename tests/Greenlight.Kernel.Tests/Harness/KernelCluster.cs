using Greenlight.Kernel.Composition;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Storage;
using Greenlight.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Providers;
using Orleans.Storage;

namespace Greenlight.Kernel.Tests.Harness;

public sealed record KernelClusterOptions
{
    public short Silos { get; init; } = 1;

    /// <summary>Configuration of every silo on top of <see cref="KernelHarness.FastDefaults"/>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// Whether the outbox dispatcher runs. Off, messages stay in <c>outbox_messages</c>, where a test
    /// counts exactly what was queued for each handler.
    /// </summary>
    public bool Dispatch { get; init; }

    /// <summary>Wraps the default grain storage so that <see cref="FaultyGrainStorage.WriteFault"/> faults fail writes.</summary>
    public bool StorageFaults { get; init; }

    /// <summary>Two clusters with one service id over one store see the same grain state (split-brain tests).</summary>
    public string? ServiceId { get; init; }
}

/// <summary>
/// An Orleans <see cref="InProcessTestCluster"/> whose silos are Greenlight kernel hosts: each silo's host
/// is built by <c>AddGreenlightKernel</c> (this test assembly as its module) over one shared test store,
/// so grain state and reminders live in that store through the kernel's ADO.NET configuration, and
/// recorded messages are handed on through the kernel's delivery. Only membership, the grain directory
/// and the transport are the test cluster's (in process).
/// </summary>
public sealed class KernelCluster : IAsyncDisposable
{
    private KernelCluster(InProcessTestCluster cluster, Journal journal, Signals signals, CapturedLogs logs, IStore store)
        => (Cluster, Journal, Signals, Logs, Store) = (cluster, journal, signals, logs, store);

    public InProcessTestCluster Cluster { get; }

    public Journal Journal { get; }

    public Signals Signals { get; }

    /// <summary>What every silo logged at Warning and above.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The store every silo uses, opened once more for the test's own reads.</summary>
    public IStore Store { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>The services of the first active silo (or of the one given).</summary>
    public IServiceProvider Silo(int index = 0) => Cluster.GetActiveSilos().ElementAt(index).ServiceProvider;

    public static async Task<KernelCluster> StartAsync(ITestStoreLocation location, KernelClusterOptions? options = null)
    {
        options ??= new KernelClusterOptions();
        var settings = new Dictionary<string, string?>(KernelHarness.FastDefaults);
        foreach (var (key, value) in location.Settings.Concat(options.Settings)) settings[key] = value;
        var (journal, signals, logs) = (new Journal(), new Signals(), new CapturedLogs());

        var builder = new InProcessTestClusterBuilder(options.Silos);
        builder.Options.ConfigureFileLogging = false;
        if (options.ServiceId is not null) builder.Options.ServiceId = options.ServiceId;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Logging.AddConfiguration(host.Configuration.GetSection("Logging")).AddProvider(logs);
            host.Services.AddSingleton(journal).AddSingleton(signals);
            host.AddGreenlightKernel([typeof(KernelCluster).Assembly]);
            if (!options.Dispatch)
            {
                foreach (var dispatcher in host.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxDispatcher)).ToList())
                    host.Services.Remove(dispatcher);
            }
            if (options.StorageFaults) FaultyGrainStorage.Wrap(host.Services);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        var store = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(StoreOptions.Section).Get<StoreOptions>()!.Open();
        return new KernelCluster(cluster, journal, signals, logs, store);
    }

    /// <summary>The silo an activation of <paramref name="grain"/> lives on now, if any.</summary>
    public InProcessSiloHandle? SiloOf(IAddressable grain) => Cluster.TryGetGrainContext(grain.GetGrainId(), out var context)
        ? Cluster.GetActiveSilos().FirstOrDefault(silo => silo.SiloAddress.Equals(context.Address.SiloAddress))
        : null;

    /// <summary>The state stored for <paramref name="grain"/>, read through the silo's default grain storage; null when never written.</summary>
    public async Task<(T? State, string? ETag)> StoredAsync<T>(IAddressable grain) where T : class, new()
    {
        var (_, state) = await ReadStoredAsync<T>(grain);
        return (state.RecordExists ? state.State : null, state.ETag);
    }

    /// <summary>Writes over the stored state of <paramref name="grain"/>, as another activation would; returns the new ETag.</summary>
    public async Task<string?> OverwriteStoredAsync<T>(IAddressable grain, Func<T, T> change) where T : class, new()
    {
        var (name, state) = await ReadStoredAsync<T>(grain);
        state.State = change(state.State ?? new T());
        await Storage.WriteStateAsync(name, grain.GetGrainId(), state);
        return state.ETag;
    }

    private IGrainStorage Storage => Silo().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    /// <summary>
    /// Reads the grain's stored state under the name its grain class stores it: Grain&lt;T&gt; uses "state";
    /// a DurableGrain may name its state after its grain type. The name that holds a record wins.
    /// </summary>
    private async Task<(string Name, GrainState<T> State)> ReadStoredAsync<T>(IAddressable grain) where T : class, new()
    {
        (string Name, GrainState<T> State)? first = null;
        foreach (var name in new[] { grain.GetGrainId().Type.ToString()!, StateName })
        {
            var state = new GrainState<T>();
            await Storage.ReadStateAsync(name, grain.GetGrainId(), state);
            if (state.RecordExists) return (name, state);
            first ??= (name, state);
        }
        return first!.Value;
    }

    /// <summary>The name Orleans's Grain&lt;T&gt; stores a grain's state under.</summary>
    public const string StateName = "state";

    /// <summary>Stops the silo gracefully (its activations deactivate) and starts it again; returns the new silo.</summary>
    public async Task<InProcessSiloHandle> RestartAsync(InProcessSiloHandle silo)
    {
        var restarted = await Cluster.RestartSiloAsync(silo) ?? throw new InvalidOperationException("The silo did not restart.");
        await Cluster.WaitForLivenessToStabilizeAsync();
        return restarted;
    }

    /// <summary>Calls <paramref name="call"/> until the cluster answers: right after a silo restarts or dies, calls may still be routed to the old one.</summary>
    public async Task<T> RetryWhileTheClusterSettlesAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (error is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or Orleans.Runtime.Messaging.ConnectionFailedException
                                          && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Runs <paramref name="assertion"/>; when it fails, the failure carries what the silos logged at Warning and above.</summary>
    public async Task ExplainingFailureAsync(Func<Task> assertion)
    {
        try
        {
            await assertion();
        }
        catch (Exception failure)
        {
            throw new Xunit.Sdk.XunitException($"{failure.Message}\nThe silos logged:\n{Logs.All}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        switch (Store)
        {
            case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
            case IDisposable disposable: disposable.Dispose(); break;
        }
    }
}
