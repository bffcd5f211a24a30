using System.Data.Common;
using Npgsql;

namespace Greenlight.Kernel.Storage;

/// <summary>PostgreSQL, shared by every host of a cluster; the source of truth when several hosts run.</summary>
public sealed class PostgresStore(string connectionString) : IStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public SqlDialect Dialect => SqlDialect.PostgreSql;

    public DbDataSource DataSource => _dataSource;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<T> InTransactionAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        StoreTransaction tx;
        T result;
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            tx = new StoreTransaction(SqlDialect.PostgreSql, connection, transaction);
            result = await work(tx);
            await transaction.CommitAsync(cancellationToken);
        }
        tx.RunCommitCallbacks();
        return result;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
