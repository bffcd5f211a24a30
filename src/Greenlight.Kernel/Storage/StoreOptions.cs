namespace Greenlight.Kernel.Storage;

/// <summary>Section <c>Storage</c>. A PostgreSQL connection string selects PostgreSQL; otherwise the SQLite file.</summary>
public sealed class StoreOptions
{
    public const string Section = "Storage";

    public string? PostgreSql { get; set; }

    public string SqlitePath { get; set; } = "data/greenlight.db";

    public bool UsesPostgreSql => !string.IsNullOrWhiteSpace(PostgreSql);

    public IStore Open() => UsesPostgreSql ? new PostgresStore(PostgreSql!) : new SqliteStore(SqlitePath);
}
