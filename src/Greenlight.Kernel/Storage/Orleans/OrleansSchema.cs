using System.Collections.Concurrent;

namespace Greenlight.Kernel.Storage.Orleans;

/// <summary>
/// The tables and stored queries that Orleans's ADO.NET providers read at start-up, as schema
/// migrations. The SQL is in the embedded <c>*.sql</c> files beside this one (see README.md there):
/// Greenlight's own SQL implementing Orleans's query contract.
/// </summary>
internal static class OrleansSchema
{
    private const string ResourcePrefix = "Greenlight.Kernel.Storage.Orleans.";

    private static readonly ConcurrentDictionary<string, string> Scripts = new(StringComparer.Ordinal);

    /// <summary>Every Orleans migration, in the order they run.</summary>
    public static IReadOnlyList<ISchemaMigration> Migrations { get; } =
    [
        new OrleansQueriesMigration(),
        new OrleansPersistenceMigration(),
        new OrleansRemindersMigration(),
        new OrleansClusteringMigration(),
    ];

    /// <summary>The text of an embedded script, e.g. <c>Sqlite-Persistence.sql</c>.</summary>
    public static string Script(string fileName) => Scripts.GetOrAdd(fileName, static name =>
    {
        using var stream = typeof(OrleansSchema).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The embedded SQL script '{ResourcePrefix}{name}' is missing from {typeof(OrleansSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}

/// <summary>One Orleans script per dialect; a dialect without a file gets no SQL (the migrator skips it).</summary>
internal abstract class OrleansScriptMigration(string id, string? postgreSqlFile, string? sqliteFile) : ISchemaMigration
{
    public string Id => id;

    public string Sql(SqlDialect dialect)
    {
        var file = dialect switch
        {
            SqlDialect.PostgreSql => postgreSqlFile,
            SqlDialect.Sqlite => sqliteFile,
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, null),
        };
        return file is null ? string.Empty : OrleansSchema.Script(file);
    }
}

/// <summary>The <c>OrleansQuery</c> table every provider reads its queries from.</summary>
internal sealed class OrleansQueriesMigration()
    : OrleansScriptMigration("kernel-0005-orleans-queries", "PostgreSql-Main.sql", "Sqlite-Main.sql");

/// <summary>Grain state (Microsoft.Orleans.Persistence.AdoNet).</summary>
internal sealed class OrleansPersistenceMigration()
    : OrleansScriptMigration("kernel-0006-orleans-persistence", "PostgreSql-Persistence.sql", "Sqlite-Persistence.sql");

/// <summary>Reminders (Microsoft.Orleans.Reminders.AdoNet).</summary>
internal sealed class OrleansRemindersMigration()
    : OrleansScriptMigration("kernel-0007-orleans-reminders", "PostgreSql-Reminders.sql", "Sqlite-Reminders.sql");

/// <summary>
/// Cluster membership (Microsoft.Orleans.Clustering.AdoNet), PostgreSQL only: a SQLite store is a single
/// embedded silo, which uses localhost clustering.
/// </summary>
internal sealed class OrleansClusteringMigration()
    : OrleansScriptMigration("kernel-0008-orleans-clustering", "PostgreSql-Clustering.sql", sqliteFile: null);
