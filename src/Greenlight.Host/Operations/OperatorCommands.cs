using Greenlight.Kernel.Security.Secrets;
using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Storage.Backup;

namespace Greenlight.Host.Operations;

/// <summary>
/// <c>Greenlight.Host backup|restore|import &lt;file&gt;</c>: what an operator runs beside (or instead of) the host, with
/// the host's own settings (config/appsettings.json, environment, <c>--Key=value</c> arguments). Each prints one line
/// on success, or one line on stderr and exits with 1.
/// </summary>
public static class OperatorCommands
{
    private const string Usage = """
        Usage: Greenlight.Host backup <file>                  online copy of the embedded store (a SQLite file)
               Greenlight.Host restore <file> [--data <folder>] into an empty data folder
               Greenlight.Host import <file>                  a backup into an empty PostgreSQL database (Storage:PostgreSql)
        """;

    /// <returns>The exit code, or null when the arguments name no command (then the host runs).</returns>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        Func<OperatorArguments, Task<string>>? command = args.FirstOrDefault() switch
        {
            "backup" => BackupAsync,
            "restore" => RestoreAsync,
            "import" => ImportAsync,
            _ => null,
        };
        if (command is null) return null;
        try
        {
            System.Console.WriteLine(await command(OperatorArguments.Parse(args, Usage)));
            return 0;
        }
        catch (OperationFailedException error)
        {
            await System.Console.Error.WriteLineAsync(error.Message);
        }
        catch (Exception error)
        {
            await System.Console.Error.WriteLineAsync($"{args[0]} failed: {error.Message}");
        }
        return 1;
    }

    private static async Task<string> BackupAsync(OperatorArguments arguments)
    {
        RefusePostgreSql(arguments.Store, "back it up with pg_dump");
        await SqliteBackup.CreateAsync(arguments.Store.SqlitePath, arguments.File);
        return $"Backed up {Path.GetFullPath(arguments.Store.SqlitePath)} (with its documents) to {Path.GetFullPath(arguments.File)}, a SQLite file. "
            + $"It holds no master key: keep {KeyLocation(arguments.Configuration, arguments.Store)} safe, somewhere other than the backups.";
    }

    private static async Task<string> RestoreAsync(OperatorArguments arguments)
    {
        RefusePostgreSql(arguments.Store, "restore it with pg_restore or psql");
        var configured = arguments.Store.SqlitePath;
        var restored = new StoreOptions
        {
            SqlitePath = Path.GetFullPath(arguments.DataFolder is null ? configured : Path.Combine(arguments.DataFolder, Path.GetFileName(configured))),
        };
        await SqliteBackup.RestoreAsync(arguments.File, restored.SqlitePath);
        var start = arguments.DataFolder is null ? "" : $" Start the host with --Storage:SqlitePath={restored.SqlitePath}.";
        return $"Restored {Path.GetFullPath(arguments.File)} into {Path.GetDirectoryName(restored.SqlitePath)}.{start} "
            + $"Put the backed-up host's master key in place first ({KeyLocation(arguments.Configuration, restored)}): without it the stored secrets cannot be decrypted.";
    }

    private static async Task<string> ImportAsync(OperatorArguments arguments)
    {
        if (!arguments.Store.UsesPostgreSql)
            throw new OperationFailedException("import copies a backup into PostgreSQL: set Storage:PostgreSql (e.g. --Storage:PostgreSql=\"Host=…;Database=…\").");
        await SqliteBackup.VerifyAsync(arguments.File);
        // The whole host is composed (not started), so every module's and plugin's schema migrations run on the target.
        await using var host = GreenlightApp.Create(["--Logging:LogLevel:Default=Warning", .. arguments.Settings]);
        await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var rows = await PostgresImport.ImportAsync(arguments.File, host.Services.GetRequiredService<IStore>());
        return $"Imported {rows} rows from {Path.GetFullPath(arguments.File)} into PostgreSQL. Give every host there the master key of the host the backup came from.";
    }

    private static void RefusePostgreSql(StoreOptions store, string instead)
    {
        if (store.UsesPostgreSql)
            throw new OperationFailedException($"This host stores its data in PostgreSQL (Storage:PostgreSql): {instead}, and keep the master key (see README, \"Data and backups\").");
    }

    private static string KeyLocation(IConfiguration configuration, StoreOptions store) =>
        configuration[MasterKey.Variable] is { Length: > 0 } ? $"{MasterKey.Variable}" : MasterKey.FilePath(configuration, store);
}
