using System.Reflection;
using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Tests.Harness;
using Microsoft.Extensions.Logging.Abstractions;

namespace Greenlight.Kernel.Tests.Storage;

/// <summary>
/// Migrating is safe to repeat; kernel steps run before modules' whatever their ids; a step with no SQL
/// for a dialect is recorded but not run; several hosts starting at once on PostgreSQL migrate one after another.
/// </summary>
public sealed class SchemaMigrationTests
{
    private static readonly ISchemaMigration[] KernelMigrations = [new OutboxTable(), new OrganizationTables(), new HandedOnMessagesTable()];

    // A module's steps: "aaa-…" sorts before "kernel-…", yet its index needs the kernel's outbox table.
    private static ISchemaMigration[] Migrations => [.. KernelMigrations, ModuleIndexOnOutbox, PostgreSqlOnlyTable, SqliteOnlyTable];

    private static SchemaMigrator Migrator(IStore store) => new(store, Migrations, NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task Migrating_a_sqlite_store_twice_applies_each_step_once()
    {
        await using var location = new SqliteTestStore();
        using var store = new SqliteStore(location.Settings["Storage:SqlitePath"]!);

        await Migrator(store).MigrateAsync();
        await Migrator(store).MigrateAsync();

        await AssertEachStepRecordedOnceAsync(store);
        Assert.True(await TableExistsAsync(store, "test_sqlite_only"));
        Assert.False(await TableExistsAsync(store, "test_postgresql_only"));
    }

    [Fact]
    public async Task Migrating_a_postgresql_store_twice_applies_each_step_once()
    {
        await using var location = await PostgresTestStore.CreateAsync();
        await using var store = new PostgresStore(((PostgresTestStore)location).ConnectionString);

        await Migrator(store).MigrateAsync();
        await Migrator(store).MigrateAsync();

        await AssertEachStepRecordedOnceAsync(store);
        Assert.True(await TableExistsAsync(store, "test_postgresql_only"));
        Assert.False(await TableExistsAsync(store, "test_sqlite_only"));
    }

    [Fact]
    public async Task Hosts_migrating_one_postgresql_store_at_the_same_time_all_succeed()
    {
        await using var location = await PostgresTestStore.CreateAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresStore(((PostgresTestStore)location).ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(store => Task.Run(() => Migrator(store).MigrateAsync())));

            await AssertEachStepRecordedOnceAsync(stores[0]);
        }
        finally
        {
            foreach (var store in stores) await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_migrations_with_one_id_are_refused()
    {
        await using var location = new SqliteTestStore();
        using var store = new SqliteStore(location.Settings["Storage:SqlitePath"]!);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new SchemaMigrator(store, [new OutboxTable(), new OutboxTable()], NullLogger<SchemaMigrator>.Instance).MigrateAsync());
        Assert.Contains("kernel-0002-outbox", error.Message);
    }

    [Fact]
    public async Task A_step_that_fails_rolls_back_every_step_of_that_run()
    {
        await using var location = new SqliteTestStore();
        using var store = new SqliteStore(location.Settings["Storage:SqlitePath"]!);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            new SchemaMigrator(store, [.. KernelMigrations, BrokenStep], NullLogger<SchemaMigrator>.Instance).MigrateAsync());

        Assert.False(await TableExistsAsync(store, "outbox_messages"));
        await Migrator(store).MigrateAsync();
        await AssertEachStepRecordedOnceAsync(store);
    }

    private static async Task AssertEachStepRecordedOnceAsync(IStore store)
    {
        Assert.Equal(Migrations.Length, await store.CountAsync("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(Migrations.Select(m => m.Id).Order(StringComparer.Ordinal), await IdsAsync(store));
        // The tables exist: these would throw otherwise.
        Assert.Equal(0, await store.CountAsync("SELECT COUNT(*) FROM handed_on_messages"));
        Assert.Equal(0, await store.CountAsync("SELECT COUNT(*) FROM outbox_messages"));
    }

    private static async Task<List<string>> IdsAsync(IStore store)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.Command("SELECT id FROM schema_migrations ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<bool> TableExistsAsync(IStore store, string table) => await store.CountAsync(store.Dialect == SqlDialect.Sqlite
        ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name"
        : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name", ("name", table)) == 1;

    // Test-only steps are proxies, not classes implementing ISchemaMigration: the module scan would give those to every test host.

    private static readonly ISchemaMigration ModuleIndexOnOutbox =
        InlineMigration.Create("aaa-0001-index-on-outbox", _ => "CREATE INDEX IF NOT EXISTS ix_test_outbox_created ON outbox_messages (created_at);");

    private static readonly ISchemaMigration PostgreSqlOnlyTable = InlineMigration.Create("test-0002-postgresql-only",
        dialect => dialect == SqlDialect.PostgreSql ? "CREATE TABLE test_postgresql_only (id INTEGER);" : "");

    private static readonly ISchemaMigration SqliteOnlyTable = InlineMigration.Create("test-0003-sqlite-only",
        dialect => dialect == SqlDialect.Sqlite ? "CREATE TABLE test_sqlite_only (id INTEGER);" : "");

    private static readonly ISchemaMigration BrokenStep = InlineMigration.Create("test-0004-broken", _ => "CREATE TABLE this is not sql;");
}

/// <summary>A schema step made of an id and its SQL per dialect.</summary>
public class InlineMigration : DispatchProxy
{
    private string _id = "";
    private Func<SqlDialect, string> _sql = _ => "";

    public static ISchemaMigration Create(string id, Func<SqlDialect, string> sql)
    {
        var migration = Create<ISchemaMigration, InlineMigration>();
        var inline = (InlineMigration)(object)migration;
        (inline._id, inline._sql) = (id, sql);
        return migration;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_Id" => _id,
        nameof(ISchemaMigration.Sql) => _sql((SqlDialect)args![0]!),
        _ => throw new NotSupportedException(targetMethod?.Name),
    };
}
