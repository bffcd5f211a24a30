using System.Data.Common;
using Greenlight.Kernel.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Benchmarks.Access;

/// <summary>
/// What the code being watched costs besides its own work: the store round trips (connections opened, transactions
/// run) and the grain calls it makes, counted for the calling flow only (an <see cref="AsyncLocal{T}"/> scope, so the
/// host's background work — outbox polling, the PostgreSQL listener, reminders — does not count). A warm check
/// should make neither. Orleans's own storage reads (a grain activating) go to the data source, not through
/// <see cref="IStore"/>: they can only happen behind a grain call, which is counted.
/// </summary>
public static class Trips
{
    private static readonly AsyncLocal<Counter?> Current = new();

    /// <summary>Counts from now on in the calling flow until the counter is disposed.</summary>
    public static Counter Watch() => Current.Value = new Counter();

    /// <summary>Wraps the host's <see cref="IStore"/> and adds the grain call filter (to pass to <c>TestHost.StartAsync</c>).</summary>
    public static void Count(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IStore));
        services.Remove(original);
        services.AddSingleton<IStore>(sp => new CountingStore(original switch
        {
            { ImplementationInstance: IStore instance } => instance,
            { ImplementationFactory: { } factory } => (IStore)factory(sp),
            _ => (IStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!),
        }));
        services.AddSingleton<IOutgoingGrainCallFilter, CountingGrainCalls>();
    }

    public sealed class Counter : IDisposable
    {
        private int _storeTrips;
        private int _grainCalls;

        public int StoreTrips => Volatile.Read(ref _storeTrips);

        public int GrainCalls => Volatile.Read(ref _grainCalls);

        public void Dispose() => Current.Value = null;

        internal void AddStoreTrip() => Interlocked.Increment(ref _storeTrips);

        internal void AddGrainCall() => Interlocked.Increment(ref _grainCalls);
    }

    private sealed class CountingStore(IStore inner) : IStore, IAsyncDisposable, IDisposable
    {
        public SqlDialect Dialect => inner.Dialect;

        public DbDataSource DataSource => inner.DataSource;

        public ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
        {
            Current.Value?.AddStoreTrip();
            return inner.OpenConnectionAsync(cancellationToken);
        }

        public Task<T> InTransactionAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default)
        {
            Current.Value?.AddStoreTrip();
            return inner.InTransactionAsync(work, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (inner is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else (inner as IDisposable)?.Dispose();
        }

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }

    private sealed class CountingGrainCalls : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            Current.Value?.AddGrainCall();
            return context.Invoke();
        }
    }
}
