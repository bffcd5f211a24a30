using Greenlight.Kernel.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Greenlight.Kernel.Storage.Backup;

/// <summary>
/// A backup of the embedded store is one SQLite file: <c>VACUUM INTO</c> writes a consistent copy of the
/// live database from one read transaction, so the host keeps serving (WAL lets writers go on beside a
/// reader) and every write committed before the backup began is in it. Document bytes live in the
/// database (<c>work_document_chunks</c>), so the file holds them too. It never holds the master key.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Tables every Greenlight store has; a SQLite file without them is not a backup.</summary>
    private static readonly string[] MarkerTables = ["schema_migrations", "orleans_storage"];

    public static async Task CreateAsync(string databasePath, string backupPath, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(databasePath);
        if (!File.Exists(source))
            throw new OperationFailedException($"There is no store at {source}: check Storage:SqlitePath and the working directory.");
        var target = Path.GetFullPath(backupPath);
        if (File.Exists(target) || Directory.Exists(target))
            throw new OperationFailedException($"{target} already exists: name a new file.");
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) throw new OperationFailedException($"The folder {folder} does not exist.");

        // Written beside the target and renamed when complete, so a failed backup never leaves a file that looks whole.
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            CreatePrivateFile(partial);
            await using (var connection = await OpenAsync(source, SqliteOpenMode.ReadWrite, cancellationToken))
            {
                await using var vacuum = connection.Command("VACUUM INTO @target", ("target", partial));
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }
            // A plain rollback-journal file: it opens read-only anywhere, without -wal and -shm companions.
            await using (var copy = await OpenAsync(partial, SqliteOpenMode.ReadWrite, cancellationToken))
            {
                await using var journal = copy.Command("PRAGMA journal_mode = DELETE");
                await journal.ExecuteNonQueryAsync(cancellationToken);
            }
            await VerifyAsync(partial, cancellationToken);
            File.Move(partial, target);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Copies a backup into an empty data folder as the store file <paramref name="databasePath"/>.</summary>
    public static async Task RestoreAsync(string backupPath, string databasePath, CancellationToken cancellationToken = default)
    {
        var backup = await VerifyAsync(backupPath, cancellationToken);
        var target = Path.GetFullPath(databasePath);
        var folder = Path.GetDirectoryName(target)!;
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new OperationFailedException($"The data folder {folder} is not empty: restore only into an empty folder (move the old one aside).");
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var partial = target + ".partial";
        try
        {
            CreatePrivateFile(partial);
            await using (var from = File.OpenRead(backup))
            await using (var to = new FileStream(partial, FileMode.Truncate, FileAccess.Write))
            {
                await from.CopyToAsync(to, cancellationToken);
                to.Flush(flushToDisk: true);
            }
            File.Move(partial, target);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Checks that the file is an intact Greenlight store; returns its full path.</summary>
    public static async Task<string> VerifyAsync(string backupPath, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(backupPath);
        if (!File.Exists(path)) throw new OperationFailedException($"There is no file {path}.");
        try
        {
            await using var connection = await OpenAsync(path, SqliteOpenMode.ReadOnly, cancellationToken);
            var check = await connection.ScalarAsync<string>("PRAGMA quick_check");
            if (check != "ok") throw new OperationFailedException($"{path} is damaged: {check}.");
            foreach (var table in MarkerTables)
            {
                if (await connection.ScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @name", ("name", table)) == 0)
                    throw new OperationFailedException($"{path} is not a Greenlight backup: it has no {table} table.");
            }
        }
        catch (SqliteException error) when (error.SqliteErrorCode is 26 /* SQLITE_NOTADB */ or 11 /* SQLITE_CORRUPT */)
        {
            throw new OperationFailedException($"{path} is not a Greenlight backup: it is not a SQLite database.");
        }
        return path;
    }

    /// <summary>Opens the store file for operator commands: no pooling, so the file is let go when they end.</summary>
    internal static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();
        await using var connections = new SqliteConnectionSource(connectionString);
        return (SqliteConnection)await connections.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>An empty file only this user may read: the store holds every secret, encrypted, and all the data.</summary>
    private static void CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var _ = new FileStream(path, options);
    }
}
