using System.Data.Common;
using Greenlight.Kernel.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Benchmarks.Access;

/// <summary>
/// The host's store, counting the connections opened and transactions run on behalf of the code
/// being watched (an <see cref="AsyncLocal{T}"/> scope, so the host's background work — outbox
/// polling, the PostgreSQL listener — does not count). Grain calls run in their caller's execution
/// context, so a check that reached the database through a grain would be counted too.
/// </summary>
public sealed class CountingStore(IStore inner) : IStore, IAsyncDisposable, IDisposable
{
    private static readonly AsyncLocal<Counter?> Current = new();

    public SqlDialect Dialect => inner.Dialect;

    /// <summary>Not counted: Orleans's storage, reminders and clustering use it, never the watched flow directly.</summary>
    public DbDataSource DataSource => inner.DataSource;

    /// <summary>Counts the store round trips started by the calling flow until the scope is disposed.</summary>
    public static Counter Watch() => Current.Value = new Counter();

    public ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        Current.Value?.Add();
        return inner.OpenConnectionAsync(cancellationToken);
    }

    public Task<T> InTransactionAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add();
        return inner.InTransactionAsync(work, cancellationToken);
    }

    /// <summary>Wraps the host's <see cref="IStore"/> registration (to pass to <c>TestHost.StartAsync</c>).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IStore));
        services.Remove(original);
        services.AddSingleton<IStore>(sp => new CountingStore(original.ImplementationFactory is { } factory
            ? (IStore)factory(sp)
            : (IStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
    }

    public async ValueTask DisposeAsync()
    {
        if (inner is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else (inner as IDisposable)?.Dispose();
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    public sealed class Counter : IDisposable
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        internal void Add() => Interlocked.Increment(ref _count);

        public void Dispose() => Current.Value = null;
    }
}
