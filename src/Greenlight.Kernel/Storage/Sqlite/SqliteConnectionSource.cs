using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Greenlight.Kernel.Storage.Sqlite;

/// <summary>
/// Opens connections to the SQLite file with SQLite's own busy handler armed, so a writer that finds
/// the file locked retries within SQLite in small steps instead of failing (or sleeping in 150 ms
/// steps, as Microsoft.Data.Sqlite's fallback does). synchronous stays FULL, SQLite's default, so a
/// committed write survives a power cut, not only a crash.
/// </summary>
public class SqliteConnectionSource(string connectionString) : DbDataSource
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

/// <summary>
/// The connections Orleans's grain storage and reminders use: every command waits its turn, asynchronously, on
/// the store's one writer lock before it runs, and holds it until its reader closes (an autocommitted statement
/// commits then). SQLite lets one writer in at a time anyway; waiting here frees the thread, where waiting in
/// SQLite's busy handler (Microsoft.Data.Sqlite runs every command synchronously) blocked a pool thread per
/// waiting writer and, on a small machine, stalled every grain turn behind them.
/// </summary>
internal sealed class SerializedSqliteConnectionSource(string connectionString, SemaphoreSlim writer) : SqliteConnectionSource(connectionString)
{
    protected override DbConnection CreateDbConnection() => new SerializedConnection(ConnectionString, writer);

    private sealed class SerializedConnection(string connectionString, SemaphoreSlim writer) : SqliteConnection(connectionString)
    {
        protected override DbCommand CreateDbCommand() => new SerializedCommand(writer) { Connection = this };
    }

    private sealed class SerializedCommand(SemaphoreSlim writer) : SqliteCommand
    {
        protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(System.Data.CommandBehavior behavior, CancellationToken cancellationToken)
        {
            await writer.WaitAsync(cancellationToken);
            try
            {
                return new LockHoldingReader(ExecuteReader(behavior), writer);
            }
            catch
            {
                writer.Release();
                throw;
            }
        }

        public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
        {
            await writer.WaitAsync(cancellationToken);
            try
            {
                return ExecuteNonQuery();
            }
            finally
            {
                writer.Release();
            }
        }

        public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
        {
            await writer.WaitAsync(cancellationToken);
            try
            {
                return ExecuteScalar();
            }
            finally
            {
                writer.Release();
            }
        }
    }
}
