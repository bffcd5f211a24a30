using System.Collections.Concurrent;
using System.Reflection;
using Greenlight.Kernel.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenlight.Kernel.Grains;

/// <summary>
/// The grain directory of this host: at most one activation per grain, created on first call,
/// dropped when idle, over capacity, or when another host wrote newer state.
/// </summary>
public sealed class GrainRuntime(
    IServiceProvider services,
    GrainTypeRegistry registry,
    IGrainStorage storage,
    IStore store,
    IOptions<GrainRuntimeOptions> options,
    ILogger<GrainRuntime> logger) : IGrainFactory
{
    // DispatchProxy.Create goes through reflection on every call; cloning a prototype of the generated type does not.
    private static readonly ConcurrentDictionary<Type, GrainProxy> ProxyPrototypes = new();

    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();

    // Eviction requests since the running eviction began (0: none running). Only the first request
    // evicts; it goes round again when more came meanwhile, as their activations may have become idle
    // after it chose its victims, and no other request would come to evict them.
    private int _evictionRequests;

    // ConcurrentDictionary.Count takes every lock of the dictionary; this is read on every call.
    private int _activationCount;

    public int ActivationCount => Volatile.Read(ref _activationCount);

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(primaryKey);
        var grainClass = registry.Resolve(typeof(TGrainInterface));
        var prototype = ProxyPrototypes.GetOrAdd(typeof(TGrainInterface), static type => (GrainProxy)DispatchProxy.Create(type, typeof(GrainProxy)));
        return (TGrainInterface)(object)prototype.CloneFor(this, new GrainId(grainClass.StorageName, primaryKey), grainClass);
    }

    internal async Task<T> CallAsync<T>(GrainId id, GrainClass grainClass, Func<Grain, Task<T>> call)
    {
        while (true)
        {
            var activation = GetOrCreateActivation(id, grainClass);
            try
            {
                var (ran, result) = await activation.RunAsync(call);
                if (ran) return result;
                // The activation was retired while this call waited its turn: go to the new one.
            }
            finally
            {
                // Checked when a call ends, not when an activation is created: a new activation is idle
                // until its first call enters, so evicting then would retire it under its own caller,
                // who would create it again, forever while every older activation is busy.
                if (Volatile.Read(ref _activationCount) > options.Value.MaxActivations) _ = EvictOverCapacityAsync();
            }
        }
    }

    /// <summary>Another host wrote <paramref name="version"/> of this grain: drop an activation holding an older one.</summary>
    public Task DropIfStaleAsync(GrainId id, long version) =>
        _activations.TryGetValue(id, out var activation) && !(activation.StateVersion >= version)
            ? activation.DeactivateAsync(DeactivationReason.StaleState)
            : Task.CompletedTask;

    public Task DeactivateAllAsync(DeactivationReason reason) =>
        Task.WhenAll(_activations.Values.Select(a => a.DeactivateAsync(reason)));

    public Task CollectIdleAsync()
    {
        var cutoff = Environment.TickCount64 - (long)options.Value.IdleTimeout.TotalMilliseconds;
        return Task.WhenAll(_activations.Values
            .Where(a => !a.IsBusy && a.LastUsed <= cutoff)
            .Select(a => a.DeactivateAsync(DeactivationReason.Idle)));
    }

    private async Task EvictOverCapacityAsync()
    {
        if (Interlocked.Increment(ref _evictionRequests) != 1) return;
        do
        {
            Volatile.Write(ref _evictionRequests, 1);
            // Evict down to 90% so that a host at capacity does not scan the directory on every call.
            var target = options.Value.MaxActivations * 9 / 10;
            var victims = _activations.Values.Where(a => !a.IsBusy).OrderBy(a => a.LastUsed)
                .Take(Math.Max(0, ActivationCount - target)).ToList();
            await Task.WhenAll(victims.Select(a => a.DeactivateAsync(DeactivationReason.CapacityExceeded)));
        }
        while (Interlocked.CompareExchange(ref _evictionRequests, 0, 1) != 1);
    }

    internal Grain CreateGrain(GrainActivation activation)
    {
        var grain = (Grain)ActivatorUtilities.CreateInstance(services, activation.Class.Type);
        grain.Attach(new GrainContext(activation.Id, this, storage, store));
        return grain;
    }

    internal void Remove(GrainActivation activation)
    {
        if (_activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation)))
            Interlocked.Decrement(ref _activationCount);
    }

    private GrainActivation GetOrCreateActivation(GrainId id, GrainClass grainClass)
    {
        while (true)
        {
            if (_activations.TryGetValue(id, out var existing)) return existing;
            var created = new GrainActivation(id, grainClass, this);
            if (_activations.TryAdd(id, created))
            {
                Interlocked.Increment(ref _activationCount);
                return created;
            }
        }
    }

    internal void LogDeactivationFailure(Exception error, GrainId id) =>
        logger.LogWarning(error, "Grain {Grain} failed while deactivating", id);
}

internal sealed class GrainContext(GrainId id, GrainRuntime runtime, IGrainStorage storage, IStore store)
{
    public GrainId Id => id;
    public GrainRuntime Runtime => runtime;
    public IGrainStorage Storage => storage;
    public IStore Store => store;
    public bool DeactivateOnIdle { get; set; }
}

/// <summary>One grain's activation: its instance and the turn that lets one call in at a time.</summary>
internal sealed class GrainActivation(GrainId id, GrainClass grainClass, GrainRuntime runtime)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private Grain? _grain;
    private bool _retired;
    private int _pending;
    private long _lastUsed = Environment.TickCount64;

    public GrainId Id => id;
    public GrainClass Class => grainClass;
    public bool IsBusy => Volatile.Read(ref _pending) > 0;
    public long LastUsed => Volatile.Read(ref _lastUsed);
    public long? StateVersion => Volatile.Read(ref _grain)?.StateVersion;

    public async Task<(bool Ran, T Result)> RunAsync<T>(Func<Grain, Task<T>> call)
    {
        Interlocked.Increment(ref _pending);
        await _turn.WaitAsync();
        try
        {
            if (_retired) return (false, default!);
            if (_grain is null)
            {
                var grain = runtime.CreateGrain(this);
                try
                {
                    await grain.ActivateAsync(CancellationToken.None);
                }
                catch
                {
                    _retired = true;
                    runtime.Remove(this);
                    throw;
                }
                _grain = grain;
            }
            try
            {
                return (true, await call(_grain));
            }
            catch (InconsistentStateException)
            {
                await RetireAsync(DeactivationReason.StaleState);
                throw;
            }
            finally
            {
                if (!_retired && _grain.Context.DeactivateOnIdle) await RetireAsync(DeactivationReason.Requested);
            }
        }
        finally
        {
            Volatile.Write(ref _lastUsed, Environment.TickCount64);
            _turn.Release();
            Interlocked.Decrement(ref _pending);
        }
    }

    public async Task DeactivateAsync(DeactivationReason reason)
    {
        await _turn.WaitAsync();
        try
        {
            if (!_retired) await RetireAsync(reason);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Runs inside the turn, so no call is in flight on the grain.</summary>
    private async Task RetireAsync(DeactivationReason reason)
    {
        _retired = true;
        runtime.Remove(this);
        if (_grain is null) return;
        try
        {
            await _grain.OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception error)
        {
            runtime.LogDeactivationFailure(error, id);
        }
    }
}
