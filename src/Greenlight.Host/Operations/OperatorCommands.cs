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
        Func<string, string?, string[], Task<string>>? command = args.FirstOrDefault() switch
        {
            "backup" => BackupAsync,
            "restore" => RestoreAsync,
            "import" => ImportAsync,
            _ => null,
        };
        if (command is null) return null;
        try
        {
            var (file, dataFolder, settings) = Parse(args);
            Console.WriteLine(await command(file, dataFolder, settings));
            return 0;
        }
        catch (OperationFailedException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
        }
        catch (Exception error)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {error.Message}");
        }
        return 1;
    }

    private static (string File, string? DataFolder, string[] Settings) Parse(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal)) throw new OperationFailedException(Usage);
        var settings = args[2..].ToList();
        var data = settings.IndexOf("--data");
        string? dataFolder = null;
        if (data >= 0)
        {
            if (args[0] != "restore" || data + 1 >= settings.Count) throw new OperationFailedException(Usage);
            dataFolder = settings[data + 1];
            settings.RemoveRange(data, 2);
        }
        return (args[1], dataFolder, [.. settings]);
    }

    private static (IConfiguration Configuration, StoreOptions Store) Settings(string[] settings)
    {
        var configuration = new ConfigurationBuilder().AddHostSources(settings).Build();
        return (configuration, configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions());
    }

    private static async Task<string> BackupAsync(string file, string? dataFolder, string[] settings)
    {
        var (configuration, store) = Settings(settings);
        RefusePostgreSql(store, "back it up with pg_dump");
        await SqliteBackup.CreateAsync(store.SqlitePath, file);
        return $"Backed up {Path.GetFullPath(store.SqlitePath)} (with its documents) to {Path.GetFullPath(file)}, a SQLite file. "
            + $"It holds no master key: keep {KeyLocation(configuration, store)} safe, somewhere other than the backups.";
    }

    private static async Task<string> RestoreAsync(string file, string? dataFolder, string[] settings)
    {
        var (configuration, store) = Settings(settings);
        RefusePostgreSql(store, "restore it with pg_restore or psql");
        var database = dataFolder is null ? store.SqlitePath : Path.Combine(dataFolder, Path.GetFileName(store.SqlitePath));
        await SqliteBackup.RestoreAsync(file, database);
        var restored = new StoreOptions { SqlitePath = Path.GetFullPath(database) };
        var start = dataFolder is null ? "" : $" Start the host with --Storage:SqlitePath={restored.SqlitePath}.";
        return $"Restored {Path.GetFullPath(file)} into {Path.GetDirectoryName(restored.SqlitePath)}.{start} "
            + $"Put the backed-up host's master key in place first ({KeyLocation(configuration, restored)}): without it the stored secrets cannot be decrypted.";
    }

    private static async Task<string> ImportAsync(string file, string? dataFolder, string[] settings)
    {
        var (_, store) = Settings(settings);
        if (!store.UsesPostgreSql)
            throw new OperationFailedException("import copies a backup into PostgreSQL: set Storage:PostgreSql (e.g. --Storage:PostgreSql=\"Host=…;Database=…\").");
        await SqliteBackup.VerifyAsync(file);
        // The whole host is composed (not started), so every module's and plugin's schema migrations run on the target.
        await using var host = GreenlightApp.Create(["--Logging:LogLevel:Default=Warning", .. settings]);
        await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var rows = await PostgresImport.ImportAsync(file, host.Services.GetRequiredService<IStore>());
        return $"Imported {rows} rows from {Path.GetFullPath(file)} into PostgreSQL. Give every host there the master key of the host the backup came from.";
    }

    private static void RefusePostgreSql(StoreOptions store, string instead)
    {
        if (store.UsesPostgreSql)
            throw new OperationFailedException($"This host stores its data in PostgreSQL (Storage:PostgreSql): {instead}, and keep the master key (see README, \"Data and backups\").");
    }

    private static string KeyLocation(IConfiguration configuration, StoreOptions store) =>
        configuration[MasterKey.Variable] is { Length: > 0 } ? $"{MasterKey.Variable}" : MasterKey.FilePath(configuration, store);
}
