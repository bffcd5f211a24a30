using Microsoft.Extensions.Logging;

namespace Greenlight.Kernel.Storage;

/// <summary>
/// One idempotent schema step (<c>CREATE … IF NOT EXISTS</c>), applied once per store and
/// recorded by <see cref="Id"/>. Ids sort in the order steps must run: "kernel-0002-outbox",
/// "access-0001-users". Kernel steps run before any module's.
/// </summary>
public interface ISchemaMigration
{
    string Id { get; }

    string Sql(SqlDialect dialect);
}

public sealed class SchemaMigrator(IStore store, IEnumerable<ISchemaMigration> migrations, ILogger<SchemaMigrator> logger)
{
    // Any constant: every host takes the same advisory lock so that only one migrates at a time.
    private const long MigrationLockKey = 0x6C_69_67_68_74;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var ordered = migrations
            .OrderBy(m => m.Id.StartsWith("kernel-", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        var duplicate = ordered.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two schema migrations share the id '{duplicate.Key}'.");

        await store.InTransactionAsync(async tx =>
        {
            if (tx.Dialect == SqlDialect.PostgreSql)
                await tx.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", ("key", MigrationLockKey));
            await tx.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id TEXT PRIMARY KEY,
                    applied_at BIGINT NOT NULL)
                """);
            foreach (var migration in ordered)
            {
                var applied = await tx.ScalarAsync<string>("SELECT id FROM schema_migrations WHERE id = @id", ("id", migration.Id));
                if (applied is not null) continue;
                logger.LogInformation("Applying schema migration {MigrationId}", migration.Id);
                // A step that one dialect does not need is recorded all the same.
                if (migration.Sql(tx.Dialect) is { Length: > 0 } sql) await tx.ExecuteAsync(sql);
                await tx.ExecuteAsync("INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at)",
                    ("id", migration.Id), ("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            }
        }, cancellationToken);
    }
}

/// <summary>A migration whose SQL is the same in both dialects.</summary>
public abstract class PortableMigration(string id, string sql) : ISchemaMigration
{
    public string Id => id;

    public string Sql(SqlDialect dialect) => sql;
}
