using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace Greenlight.Kernel.Tests.Harness;

/// <summary>
/// The silo's default grain storage (the kernel's ADO.NET storage), except that a write of a grain
/// whose <see cref="WriteFault"/> is armed in <see cref="Signals"/> fails before it reaches the store,
/// as a lost connection would.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner, Signals signals) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public static string WriteFault(IAddressable grain) => "storage-write:" + grain.GetGrainId();

    /// <summary>Replaces the default storage's registration with this wrapper around it.</summary>
    public static void Wrap(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService
                                          && Equals(d.ServiceKey, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        var factory = original.KeyedImplementationFactory ?? throw new InvalidOperationException("The default grain storage is not built by a factory.");
        services[services.IndexOf(original)] = ServiceDescriptor.KeyedSingleton<IGrainStorage>(original.ServiceKey,
            (sp, key) => new FaultyGrainStorage((IGrainStorage)factory(sp, key), sp.GetRequiredService<Signals>()));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        signals.Fails("storage-write:" + grainId)
            ? Task.FromException(new InjectedFaultException("storage-write:" + grainId))
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
