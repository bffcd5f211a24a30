using System.Collections.Concurrent;
using System.Data.Common;
using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Storage.Orleans;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Greenlight.Kernel.Tests.Storage;

/// <summary>
/// Orleans's own ADO.NET providers (grain storage, reminders and, on PostgreSQL, clustering), unchanged,
/// against the schema and stored queries of <see cref="OrleansSchema"/>: real silos on a fresh database
/// per test. Run unchanged against each store by the subclasses below.
/// </summary>
public abstract class OrleansProviderConformance : IAsyncLifetime
{
    internal const string StorageName = "conformance";
    internal const string DeletingStorageName = "conformance-deleting";
    // Orleans's ADO.NET storage keys a row by state name and grain key (not grain type): keep names distinct.
    internal const string StateName = "orleans-conformance";

    private static readonly GrainType ConformanceType = GrainType.Create("conformance");

    private readonly List<IAsyncDisposable> _clusters = [];

    protected string ConnectionString { get; private set; } = "";

    /// <summary>The provider invariant Orleans maps to an ADO.NET factory.</summary>
    protected abstract string Invariant { get; }

    protected abstract SqlDialect Dialect { get; }

    /// <summary>A fresh, empty database; returns its connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract DbConnection CreateConnection();

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        await OrleansTestSchema.ApplyAsync(CreateConnection, Dialect);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var cluster in Enumerable.Reverse(_clusters)) await cluster.DisposeAsync();
    }

    // ---- grain state -------------------------------------------------------------------------------

    [Fact]
    public async Task Grain_state_is_written_versioned_and_read_back_by_a_new_activation()
    {
        var cluster = await StartSiloAsync();
        var grain = cluster.Client.GetGrain<IOrleansConformanceGrain>("read-back");

        Assert.Equal(new ConformanceSnapshot(0, null, false), await grain.Read());
        await grain.Write(7);
        Assert.Equal(new ConformanceSnapshot(7, "1", true), await grain.Read());
        await grain.Write(8);

        await cluster.DeactivateAsync(grain);
        Assert.Equal(new ConformanceSnapshot(8, "2", true), await grain.Read());
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_InconsistentStateException_and_changes_nothing()
    {
        var cluster = await StartSiloAsync();
        var grain = cluster.Client.GetGrain<IOrleansConformanceGrain>("stale");
        await grain.Write(1);

        // Another writer (say a duplicate activation) moves the stored version on behind the grain's back.
        var storage = Storage(cluster);
        var other = await ReadAsync(storage, grain.GetGrainId());
        other.State!.Value = 2;
        await storage.WriteStateAsync(StateName, grain.GetGrainId(), other);
        Assert.Equal("2", other.ETag);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Write(3));

        var stored = await ReadAsync(storage, grain.GetGrainId());
        Assert.Equal((2, "2"), (stored.State!.Value, stored.ETag));
    }

    [Fact]
    public async Task The_stored_queries_compare_and_set_on_the_version_for_every_kind_of_grain_key()
    {
        var cluster = await StartSiloAsync();
        var storage = Storage(cluster);
        GrainId[] grains =
        [
            GrainId.Create(ConformanceType, GrainIdKeyExtensions.CreateIntegerKey(42)),                 // key extension NULL
            GrainId.Create(ConformanceType, GrainIdKeyExtensions.CreateIntegerKey(42, "a")),
            GrainId.Create(ConformanceType, GrainIdKeyExtensions.CreateGuidKey(Guid.Parse("9b8e52c9-2a43-4a5e-9d1b-52d0f2b4e0a1"))),
            GrainId.Create("conformance", "a-string-key"),
        ];

        foreach (var (id, n) in grains.Select((id, n) => (id, n)))
        {
            var read = await ReadAsync(storage, id);
            Assert.Equal((false, null), (read.RecordExists, read.ETag));

            await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(storage, id, n, etag: "5"));  // never written
            Assert.Equal("1", await WriteAsync(storage, id, n, etag: null));
            await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(storage, id, -1, etag: null)); // already there
            Assert.Equal("2", await WriteAsync(storage, id, 100 + n, etag: "1"));
            await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(storage, id, -1, etag: "1"));  // stale
        }

        // Every key kind kept a row of its own; the failed writes changed nothing.
        foreach (var (id, n) in grains.Select((id, n) => (id, n)))
        {
            var read = await ReadAsync(storage, id);
            Assert.Equal((true, "2", 100 + n), (read.RecordExists, read.ETag, read.State!.Value));
        }
    }

    [Fact]
    public async Task Clearing_drops_the_state_and_the_version_keeps_counting()
    {
        var cluster = await StartSiloAsync();
        var grain = cluster.Client.GetGrain<IOrleansConformanceGrain>("cleared");
        await grain.Write(5);
        await grain.Write(6);

        await grain.Clear();
        Assert.Equal(new ConformanceSnapshot(0, "3", false), await grain.Read());
        await cluster.DeactivateAsync(grain);
        Assert.Equal(new ConformanceSnapshot(0, "3", false), await grain.Read());

        await grain.Write(9);
        Assert.Equal(new ConformanceSnapshot(9, "4", true), await grain.Read());

        // A clear with a stale ETag conflicts like a write.
        var storage = Storage(cluster);
        var stale = new GrainState<ConformanceState>(new ConformanceState(), "2") { RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain.GetGrainId(), stale));
        Assert.Equal("4", (await ReadAsync(storage, grain.GetGrainId())).ETag);
    }

    [Fact]
    public async Task With_DeleteStateOnClear_clearing_deletes_the_row()
    {
        var cluster = await StartSiloAsync();
        var storage = Storage(cluster, DeletingStorageName);
        var id = GrainId.Create("conformance", "deleted");
        Assert.Equal("1", await WriteAsync(storage, id, 1, etag: null));
        Assert.Equal("2", await WriteAsync(storage, id, 2, etag: "1"));

        var stale = new GrainState<ConformanceState>(new ConformanceState(), "1") { RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, id, stale));

        var current = await ReadAsync(storage, id);
        await storage.ClearStateAsync(StateName, id, current);
        Assert.Equal((null, false), (current.ETag, current.RecordExists));

        var read = await ReadAsync(storage, id);
        Assert.Equal((null, false), (read.ETag, read.RecordExists));
        Assert.Equal("1", await WriteAsync(storage, id, 3, etag: null));
    }

    [Fact]
    public async Task A_state_of_more_than_a_mebibyte_round_trips()
    {
        var cluster = await StartSiloAsync();
        var grain = cluster.Client.GetGrain<IOrleansConformanceGrain>("large");
        var blob = new byte[1536 * 1024];
        new Random(1234).NextBytes(blob);

        await grain.WriteBlob(blob);
        await cluster.DeactivateAsync(grain);

        Assert.Equal(blob, await grain.ReadBlob());
    }

    [Fact]
    public async Task Concurrent_writers_to_different_grains_all_succeed()
    {
        var cluster = await StartSiloAsync();
        var grains = Enumerable.Range(0, 12).Select(i => cluster.Client.GetGrain<IOrleansConformanceGrain>($"concurrent-{i}")).ToList();

        await Task.WhenAll(grains.Select(async grain =>
        {
            for (var value = 1; value <= 5; value++) await grain.Write(value);
        }));

        foreach (var grain in grains)
        {
            await cluster.DeactivateAsync(grain);
            Assert.Equal(new ConformanceSnapshot(5, "5", true), await grain.Read());
        }
    }

    [Fact]
    public async Task Of_concurrent_writers_expecting_the_same_version_exactly_one_wins()
    {
        var cluster = await StartSiloAsync();
        var storage = Storage(cluster);
        var id = GrainId.Create("conformance", "contended");

        // Each call runs on a connection of its own: the race is decided by the database.
        async Task<string?> Attempt(int value, string? etag)
        {
            try
            {
                return await WriteAsync(storage, id, value, etag);
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        }

        var firsts = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => Attempt(i, etag: null))));
        Assert.Equal(["1"], firsts.Where(v => v is not null));

        var seconds = await Task.WhenAll(Enumerable.Range(11, 8).Select(i => Task.Run(() => Attempt(i, etag: "1"))));
        Assert.Equal(["2"], seconds.Where(v => v is not null));

        var stored = await ReadAsync(storage, id);
        Assert.Equal("2", stored.ETag);
        Assert.InRange(stored.State!.Value, 11, 18);
    }

    // ---- reminders ---------------------------------------------------------------------------------

    [Fact]
    public async Task Reminders_are_registered_listed_and_unregistered()
    {
        var cluster = await StartSiloAsync();
        var grain = cluster.Client.GetGrain<IOrleansConformanceGrain>("reminded");

        await grain.StartReminder("daily", TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        await grain.StartReminder("hourly", TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        Assert.Equal(["daily", "hourly"], await grain.ReminderNames());
        Assert.True(await grain.HasReminder("daily"));

        await grain.StopReminder("daily");
        Assert.False(await grain.HasReminder("daily"));
        Assert.Equal(["hourly"], await grain.ReminderNames());
    }

    [Fact]
    public async Task The_reminder_table_versions_rows_and_reads_ring_ranges()
    {
        var cluster = await StartSiloAsync();
        var table = cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var start = new DateTime(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("conformance", $"ring-{i}")).ToList();

        string? firstEtag = null;
        foreach (var grain in grains)
        {
            var etag = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = start, Period = TimeSpan.FromMinutes(5) });
            firstEtag ??= etag;
        }

        // Read back whole, by grain, and by name; an upsert moves the ETag on.
        var row = await table.ReadRow(grains[0], "r");
        Assert.NotNull(row);
        Assert.Equal((grains[0], "r", start, TimeSpan.FromMinutes(5), firstEtag), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Null(await table.ReadRow(grains[0], "missing"));
        var longPeriod = TimeSpan.FromDays(40); // more milliseconds than an int holds
        var newEtag = await table.UpsertRow(new ReminderEntry { GrainId = grains[0], ReminderName = "r", StartAt = start, Period = longPeriod });
        Assert.NotEqual(firstEtag, newEtag);
        Assert.Equal(longPeriod, (await table.ReadRow(grains[0], "r"))!.Period);
        Assert.Single((await table.ReadRows(grains[0])).Reminders);

        // Ring ranges (begin, end], plain and wrapping, as the reminder service asks for them.
        var hashes = grains.ToDictionary(g => g, g => g.GetUniformHashCode());
        var sorted = hashes.Values.Order().ToList();
        (uint Begin, uint End)[] ranges =
        [
            (0, uint.MaxValue), (sorted[5], sorted[20]), (sorted[5] - 1, sorted[5]), (sorted[20], sorted[5]),
            (0x7FFF_FFF0, 0x8000_0010), (0xFFFF_FF00, 0x0000_0100), (0x8000_0000, 0x7FFF_FFFF), (sorted[7], sorted[7]),
        ];
        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InRing(hashes[g], begin, end)).Select(g => g.ToString()).Order();
            var actual = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order();
            Assert.Equal(expected, actual);
        }

        // A delete must name the current ETag.
        Assert.False(await table.RemoveRow(grains[0], "r", firstEtag!));
        Assert.True(await table.RemoveRow(grains[0], "r", newEtag!));
        Assert.False(await table.RemoveRow(grains[0], "r", newEtag!));
        Assert.Null(await table.ReadRow(grains[0], "r"));
        Assert.Equal(grains.Count - 1, (await table.ReadRows(0, uint.MaxValue)).Reminders.Count);
    }

    [Fact]
    public async Task A_reminder_survives_a_silo_restart_and_fires_on_the_new_silo()
    {
        var serviceId = $"restart-{Guid.NewGuid():N}";
        var key = $"restarted-{Guid.NewGuid():N}";
        var first = await StartSiloAsync(serviceId);
        await first.Client.GetGrain<IOrleansConformanceGrain>(key).StartReminder("tick", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        var restartedAt = DateTime.UtcNow;
        var second = await StartSiloAsync(serviceId);
        var grain = second.Client.GetGrain<IOrleansConformanceGrain>(key);
        Assert.True(await grain.HasReminder("tick"));

        await WaitForAsync(() => OrleansConformanceGrain.TicksOf(key, "tick").Any(t => t > restartedAt), TimeSpan.FromSeconds(30));
        await grain.StopReminder("tick");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /// <summary>One silo with the ADO.NET grain storage and reminder service on this test's database.</summary>
    protected async Task<InProcessTestCluster> StartSiloAsync(string? serviceId = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        if (serviceId is not null) builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => ConfigureProviders(silo, Invariant, ConnectionString));
        var cluster = builder.Build();
        _clusters.Add(cluster);
        await cluster.DeployAsync();
        return cluster;
    }

    internal static void ConfigureProviders(ISiloBuilder silo, string invariant, string connectionString)
    {
        silo.AddAdoNetGrainStorage(StorageName, o =>
        {
            o.Invariant = invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(DeletingStorageName, o =>
        {
            o.Invariant = invariant;
            o.ConnectionString = connectionString;
            o.DeleteStateOnClear = true;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = invariant;
            o.ConnectionString = connectionString;
        });
        silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }

    private static IGrainStorage Storage(InProcessTestCluster cluster, string name = StorageName) =>
        cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(name);

    private static async Task<GrainState<ConformanceState>> ReadAsync(IGrainStorage storage, GrainId id)
    {
        var state = new GrainState<ConformanceState>();
        await storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    private static async Task<string?> WriteAsync(IGrainStorage storage, GrainId id, int value, string? etag)
    {
        var state = new GrainState<ConformanceState>(new ConformanceState { Value = value }, etag);
        await storage.WriteStateAsync(StateName, id, state);
        return state.ETag;
    }

    /// <summary>Whether <paramref name="hash"/> lies in the ring range (begin, end]; begin = end is the whole ring.</summary>
    private static bool InRing(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    protected static Task WaitForAsync(Func<bool> condition, TimeSpan timeout) =>
        WaitForAsync(() => Task.FromResult(condition()), timeout);

    protected static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not true within {timeout}.");
            await Task.Delay(100);
        }
    }
}

public sealed class SqliteOrleansProviderConformance : OrleansProviderConformance
{
    private readonly string _directory = Directory.CreateTempSubdirectory("greenlight-orleans-").FullName;

    protected override string Invariant => "System.Data.SQLite"; // Orleans maps it to Microsoft.Data.Sqlite

    protected override SqlDialect Dialect => SqlDialect.Sqlite;

    protected override async Task<string> CreateDatabaseAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "orleans.db"), Pooling = true }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        await wal.ExecuteNonQueryAsync();
        return connectionString;
    }

    protected override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Still open by a pool of another test: the OS cleans temporary directories.
        }
    }
}

public sealed class PostgresOrleansProviderConformance : OrleansProviderConformance
{
    internal const string ConnectionStringKey = "GreenlightConformance:PostgreSql";

    private TestPostgresDatabase? _database;

    protected override string Invariant => "Npgsql";

    protected override SqlDialect Dialect => SqlDialect.PostgreSql;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _database = await TestPostgresDatabase.CreateAsync();
        return _database.ConnectionString;
    }

    protected override DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    [Fact]
    public async Task Two_silos_form_one_cluster_through_the_membership_table()
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionStringKey] = ConnectionString;
        builder.AddSiloBuilderConfigurator<PostgresClusterSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresClusterClientConfigurator>();
        var cluster = builder.Build();
        await using var _ = cluster;
        await cluster.DeployAsync(); // the client finds its gateways through the membership table too

        var silos = cluster.Silos.Cast<InProcessSiloHandle>().ToList();
        Assert.Equal(2, silos.Count);
        foreach (var silo in silos)
        {
            var membership = silo.ServiceProvider.GetRequiredService<IClusterMembershipService>();
            await WaitForAsync(() => membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == 2, TimeSpan.FromSeconds(30));
        }
        Assert.Equal(2L, await CountSilosAsync(cluster.Options.ClusterId, SiloStatus.Active));

        var grain = cluster.Client.GetGrain<IOrleansConformanceGrain>("clustered");
        await grain.Write(11);
        Assert.Equal(new ConformanceSnapshot(11, "1", true), await grain.Read());

        // A silo that leaves is marked dead in the table, and the other sees it go.
        await cluster.StopSiloAsync(silos[1]);
        var remaining = silos[0].ServiceProvider.GetRequiredService<IClusterMembershipService>();
        await WaitForAsync(() => remaining.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == 1, TimeSpan.FromSeconds(30));
        await WaitForAsync(async () => await CountSilosAsync(cluster.Options.ClusterId, SiloStatus.Dead) == 1, TimeSpan.FromSeconds(30));
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task The_membership_table_checks_the_table_version_on_every_change()
    {
        const string clusterId = "membership-contract";
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "membership-contract" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = Invariant, ConnectionString = ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true); // a second silo starting: no-op

        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);

        var a = Entry(11111, SiloStatus.Joining);
        var b = Entry(22222, SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(a, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(b, empty.Version.Next()));        // stale version
        var afterA = await table.ReadAllAsync();
        Assert.Equal((1, 1), (afterA.Version.Version, afterA.Members.Count));
        Assert.False(await table.InsertRowAsync(a, afterA.Version.Next()));       // already a member
        Assert.True(await table.InsertRowAsync(b, afterA.Version.Next()));

        var current = await table.ReadAllAsync();
        Assert.Equal((2, 2), (current.Version.Version, current.Members.Count));
        var stored = Assert.Single(current.Members, m => m.Item1.SiloAddress.Equals(a.SiloAddress)).Item1;
        Assert.Equal((a.SiloName, a.HostName, a.ProxyPort, SiloStatus.Joining), (stored.SiloName, stored.HostName, stored.ProxyPort, stored.Status));
        Assert.Equal(a.StartTime, stored.StartTime, TimeSpan.FromMilliseconds(1));

        // Updates: a stale version or a missing silo changes nothing.
        a.Status = SiloStatus.Active;
        var etag = current.Version.VersionEtag;
        Assert.False(await table.UpdateRowAsync(a, afterA.Version.VersionEtag, afterA.Version.Next()));
        Assert.False(await table.UpdateRowAsync(Entry(33333, SiloStatus.Active), etag, current.Version.Next()));
        Assert.Equal(2, (await table.ReadAllAsync()).Version.Version);
        Assert.True(await table.UpdateRowAsync(a, etag, current.Version.Next()));
        var row = await table.ReadRowAsync(a.SiloAddress);
        Assert.Equal((3, SiloStatus.Active), (row.Version.Version, Assert.Single(row.Members).Item1.Status));
        Assert.Empty((await table.ReadRowAsync(Entry(33333, SiloStatus.Active).SiloAddress)).Members);

        // The heartbeat is not versioned.
        a.IAmAliveTime = DateTime.UtcNow.AddSeconds(5);
        await table.UpdateIAmAliveAsync(a);
        row = await table.ReadRowAsync(a.SiloAddress);
        Assert.Equal(3, row.Version.Version);
        Assert.Equal(a.IAmAliveTime, Assert.Single(row.Members).Item1.IAmAliveTime, TimeSpan.FromMilliseconds(1));

        // b dies, suspected by a; cleaning up old dead silos removes b only.
        current = await table.ReadAllAsync();
        b.Status = SiloStatus.Dead;
        b.SuspectTimes = [Tuple.Create(a.SiloAddress, DateTime.UtcNow.AddMinutes(-1))];
        Assert.True(await table.UpdateRowAsync(b, current.Version.VersionEtag, current.Version.Next()));
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));
        var left = await table.ReadAllAsync();
        Assert.Equal(a.SiloAddress, Assert.Single(left.Members).Item1.SiloAddress);

        // Silos racing to join on the same version: exactly one lands, and the version moves on once.
        var raced = await table.ReadAllAsync();
        var racers = Enumerable.Range(0, 6).Select(i => Entry(40000 + i, SiloStatus.Joining)).ToList();
        var landed = await Task.WhenAll(racers.Select(e => Task.Run(() => table.InsertRowAsync(e, raced.Version.Next()))));
        Assert.Single(landed, ok => ok);
        var afterRace = await table.ReadAllAsync();
        Assert.Equal((raced.Version.Version + 1, raced.Members.Count + 1), (afterRace.Version.Version, afterRace.Members.Count));

        await table.DeleteMembershipTableEntriesAsync(clusterId);
        Assert.Equal(0L, await CountSilosAsync(clusterId, status: null));
    }

    private static MembershipEntry Entry(int port, SiloStatus status)
    {
        var now = DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(System.Net.IPAddress.Loopback, port, 7),
            SiloName = $"silo-{port}",
            HostName = "conformance-host",
            Status = status,
            ProxyPort = port + 1,
            StartTime = now.AddMinutes(-10),
            IAmAliveTime = now.AddMinutes(-10),
        };
    }

    private async Task<long> CountSilosAsync(string clusterId, SiloStatus? status)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = @cluster AND (@status::int IS NULL OR status = @status::int)", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("status", status is null ? DBNull.Value : (int)status);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>The silos of the two-silo PostgreSQL cluster: ADO.NET clustering, storage and reminders.</summary>
public sealed class PostgresClusterSiloConfigurator : IHostConfigurator
{
    public void Configure(IHostBuilder hostBuilder) => hostBuilder.UseOrleans((context, silo) =>
    {
        var connectionString = context.Configuration[PostgresOrleansProviderConformance.ConnectionStringKey]!;
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        OrleansProviderConformance.ConfigureProviders(silo, "Npgsql", connectionString);
    });
}

public sealed class PostgresClusterClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.UseAdoNetClustering(o =>
    {
        o.Invariant = "Npgsql";
        o.ConnectionString = configuration[PostgresOrleansProviderConformance.ConnectionStringKey]!;
    });
}

/// <summary>Creates the Orleans schema the way the kernel's migrator does: each script as one command, in a transaction.</summary>
internal static class OrleansTestSchema
{
    public static async Task ApplyAsync(Func<DbConnection> connect, SqlDialect dialect)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var migration in OrleansSchema.Migrations.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            var sql = migration.Sql(dialect);
            if (sql.Length == 0) continue;
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}

// ---- the test grain ----------------------------------------------------------------------------------

public interface IOrleansConformanceGrain : IGrainWithStringKey
{
    Task<ConformanceSnapshot> Read();

    Task Write(int value);

    Task WriteBlob(byte[] blob);

    Task<byte[]?> ReadBlob();

    Task Clear();

    Task StartReminder(string name, TimeSpan dueTime, TimeSpan period);

    Task StopReminder(string name);

    Task<bool> HasReminder(string name);

    Task<List<string>> ReminderNames();
}

[GenerateSerializer]
public sealed record ConformanceSnapshot([property: Id(0)] int Value, [property: Id(1)] string? ETag, [property: Id(2)] bool RecordExists);

[GenerateSerializer]
public sealed class ConformanceState
{
    [Id(0)] public int Value { get; set; }

    [Id(1)] public byte[]? Blob { get; set; }
}

public sealed class OrleansConformanceGrain(
    [PersistentState(OrleansProviderConformance.StateName, OrleansProviderConformance.StorageName)] IPersistentState<ConformanceState> state)
    : Grain, IOrleansConformanceGrain, IRemindable
{
    private static readonly ConcurrentDictionary<(string Grain, string Reminder), ConcurrentQueue<DateTime>> Ticks = new();

    public static IReadOnlyCollection<DateTime> TicksOf(string grain, string reminder) =>
        Ticks.TryGetValue((grain, reminder), out var ticks) ? ticks.ToArray() : [];

    public Task<ConformanceSnapshot> Read() => Task.FromResult(new ConformanceSnapshot(state.State.Value, state.Etag, state.RecordExists));

    public Task Write(int value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task WriteBlob(byte[] blob)
    {
        state.State.Blob = blob;
        return state.WriteStateAsync();
    }

    public Task<byte[]?> ReadBlob() => Task.FromResult(state.State.Blob);

    public Task Clear() => state.ClearStateAsync();

    public Task StartReminder(string name, TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(name, dueTime, period);

    public async Task StopReminder(string name)
    {
        if (await this.GetReminder(name) is { } reminder) await this.UnregisterReminder(reminder);
    }

    public async Task<bool> HasReminder(string name) => await this.GetReminder(name) is not null;

    public async Task<List<string>> ReminderNames() =>
        (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal).ToList();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.GetOrAdd((this.GetPrimaryKeyString(), reminderName), _ => new ConcurrentQueue<DateTime>()).Enqueue(DateTime.UtcNow);
        return Task.CompletedTask;
    }
}
