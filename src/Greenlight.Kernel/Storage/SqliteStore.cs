using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Greenlight.Kernel.Storage;

/// <summary>The embedded default: one file, one host. Writers are serialized in process, which
/// SQLite would do anyway, but without its busy-wait.</summary>
public sealed class SqliteStore : IStore, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);

    static SqliteStore() => SQLitePCL.Batteries_V2.Init();

    public SqliteStore(string path)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var wal = connection.Command("PRAGMA journal_mode=WAL;");
        wal.ExecuteNonQuery();
    }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        // Busy waits are bounded by the command timeout (Microsoft.Data.Sqlite retries SQLITE_BUSY until then);
        // synchronous stays FULL so that a committed write survives a power cut, not only a crash.
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task<T> InTransactionAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        StoreTransaction tx;
        T result;
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            tx = new StoreTransaction(SqlDialect.Sqlite, connection, transaction);
            result = await work(tx);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
        tx.RunCommitCallbacks();
        return result;
    }

    public void Dispose()
    {
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
    }
}

internal sealed class StoreTransaction(SqlDialect dialect, DbConnection connection, DbTransaction transaction) : IStoreTransaction
{
    private List<Action>? _onCommitted;

    public SqlDialect Dialect => dialect;
    public DbConnection Connection => connection;
    public DbTransaction Transaction => transaction;

    public void OnCommitted(Action callback) => (_onCommitted ??= []).Add(callback);

    public void RunCommitCallbacks()
    {
        foreach (var callback in _onCommitted ?? []) callback();
    }
}
