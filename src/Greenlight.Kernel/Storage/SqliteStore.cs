using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Greenlight.Kernel.Storage;

/// <summary>
/// The embedded default: one file, one host. The store's own writers are serialized in process
/// (SQLite would serialize them anyway, but with a busy-wait); Orleans's grain storage and
/// reminders write on their own connections, through <see cref="DataSource"/>, and wait on
/// SQLite's busy handler.
/// </summary>
public sealed class SqliteStore : IStore, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly SqliteConnectionSource _connections;

    public SqliteStore(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        _connections = new SqliteConnectionSource(new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true }.ToString());
        using var connection = _connections.OpenConnection();
        // Only the host's own user reads the store: SQLite gives its -wal and -shm files the database file's mode.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var wal = connection.Command("PRAGMA journal_mode=WAL;");
        wal.ExecuteNonQuery();
    }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public DbDataSource DataSource => _connections;

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
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>
/// Opens connections to the SQLite file with SQLite's own busy handler armed, so a writer that finds
/// the file locked retries within SQLite in small steps instead of failing (or sleeping in 150 ms
/// steps, as Microsoft.Data.Sqlite's fallback does). synchronous stays FULL, SQLite's default, so a
/// committed write survives a power cut, not only a crash.
/// </summary>
public sealed class SqliteConnectionSource(string connectionString) : DbDataSource
{
    /// <summary>How long a writer waits for the file lock before its command fails.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = CreateDbConnection();
        connection.Open();
        Arm(connection);
        return connection;
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateDbConnection();
        await connection.OpenAsync(cancellationToken);
        Arm(connection);
        return connection;
    }

    private static void Arm(DbConnection connection)
    {
        using var command = connection.Command($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
        command.ExecuteNonQuery();
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
