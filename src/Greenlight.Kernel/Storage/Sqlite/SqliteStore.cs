using System.Data.Common;
using Microsoft.Data.Sqlite;

using Greenlight.Kernel.Storage.Sqlite;

namespace Greenlight.Kernel.Storage;

/// <summary>
/// The embedded default: one file, one host. Every writer waits its turn on one lock in this process
/// (SQLite lets one writer in at a time anyway, but its busy handler waits by blocking a thread): the
/// store's transactions hold it for their duration, Orleans's grain storage and reminders, which write
/// on connections of their own from <see cref="DataSource"/>, for each command. Reads run alongside (WAL).
/// </summary>
public sealed class SqliteStore : IStore, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly SqliteConnectionSource _connections;
    private readonly SqliteConnectionSource _orleansConnections;

    public SqliteStore(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true }.ToString();
        _connections = new SqliteConnectionSource(connectionString);
        _orleansConnections = new SerializedSqliteConnectionSource(connectionString, _writer);
        using var connection = _connections.OpenConnection();
        // Only the host's own user reads the store: SQLite gives its -wal and -shm files the database file's mode.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var wal = connection.Command("PRAGMA journal_mode=WAL;");
        wal.ExecuteNonQuery();
    }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public DbDataSource DataSource => _orleansConnections;

    public ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        _connections.OpenConnectionAsync(cancellationToken);

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
        _connections.Dispose();
        _orleansConnections.Dispose();
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
