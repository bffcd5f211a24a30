using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Tests.Harness;
using Microsoft.Extensions.Logging.Abstractions;

namespace Greenlight.Kernel.Tests.Storage;

/// <summary>Migrating is safe to repeat, and several hosts starting at once on PostgreSQL migrate one after another.</summary>
public sealed class SchemaMigrationTests
{
    private static readonly ISchemaMigration[] KernelMigrations = [new GrainStateTable(), new OutboxTable(), new OrganizationTables()];

    private static SchemaMigrator Migrator(IStore store) => new(store, KernelMigrations, NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task Migrating_a_sqlite_store_twice_applies_each_step_once()
    {
        await using var location = new SqliteTestStore();
        using var store = new SqliteStore(location.Settings["Storage:SqlitePath"]!);

        await Migrator(store).MigrateAsync();
        await Migrator(store).MigrateAsync();

        await AssertEachStepRecordedOnceAsync(store);
    }

    [Fact]
    public async Task Migrating_a_postgresql_store_twice_applies_each_step_once()
    {
        await using var location = await PostgresTestStore.CreateAsync();
        await using var store = new PostgresStore(((PostgresTestStore)location).ConnectionString);

        await Migrator(store).MigrateAsync();
        await Migrator(store).MigrateAsync();

        await AssertEachStepRecordedOnceAsync(store);
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
            new SchemaMigrator(store, [new GrainStateTable(), new GrainStateTable()], NullLogger<SchemaMigrator>.Instance).MigrateAsync());
        Assert.Contains("kernel-0001-grain-state", error.Message);
    }

    private static async Task AssertEachStepRecordedOnceAsync(IStore store)
    {
        Assert.Equal(KernelMigrations.Length, await store.CountAsync("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(KernelMigrations.Length, await store.CountAsync("SELECT COUNT(DISTINCT id) FROM schema_migrations"));
        // The tables exist: these would throw otherwise.
        Assert.Equal(0, await store.CountAsync("SELECT COUNT(*) FROM grain_state"));
        Assert.Equal(0, await store.CountAsync("SELECT COUNT(*) FROM outbox_messages"));
    }
}
