using Greenlight.Kernel.Storage.Sqlite;
using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Benchmarks.Access;
using Greenlight.Kernel.Storage;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Greenlight.Benchmarks.Load;

/// <summary>
/// <c>mixed-load</c>: HTTP load on a real host (<see cref="TestHost"/>: every shipped module, Kestrel on
/// 127.0.0.1, in this process) over Work projects shared with one Standard user, on the embedded SQLite
/// store and on PostgreSQL. Reads are <c>GET /api/v1/projects/{id}</c>, writes <c>PATCH</c> the project's
/// name (a project grain state write with its index row and rename message). Phases, each a fixed time:
/// raw single-row commits on the same store (the floor); the mix (80% reads, 20% writes, uniform over
/// the projects); writes only; and reads of half the projects alone, then beside writes to the other
/// half, to show that reads do not queue behind writes to other projects.
/// </summary>
public static class MixedLoadBench
{
    public const string Command = "mixed-load";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new LoadOptions(args);
        var settings = new Settings(
            Clients: options.Int("--clients", 64), Projects: options.Int("--projects", 100), ReadPercent: options.Int("--read-percent", 80),
            Duration: TimeSpan.FromSeconds(options.Int("--seconds", 10)), Warmup: TimeSpan.FromSeconds(options.Int("--warmup-seconds", 3)));
        Console.WriteLine($"{Command}: nproc {Environment.ProcessorCount}, .NET {Environment.Version}, load average {Machine.LoadAverage()}; {settings}");
        foreach (var store in options.Stores()) await RunAsync(store, settings);
        return 0;
    }

    public sealed record Settings(int Clients, int Projects, int ReadPercent, TimeSpan Duration, TimeSpan Warmup);

    private static async Task RunAsync(SqlDialect dialect, Settings settings)
    {
        await using var world = await LoadWorld.StartAsync(dialect, settings.Projects);
        var (clients, half) = (settings.Clients, settings.Projects / 2);
        Console.WriteLine($"{world.StoreName}: {settings.Projects} projects shared with the user; load average {Machine.LoadAverage()}");

        await LoadDriver.RunAsync("warm-up", clients, settings.Warmup, (_, random) => world.Mixed(random, settings.ReadPercent));
        var raw1 = await world.RawCommitsAsync(1, settings.Duration);
        var rawN = await world.RawCommitsAsync(clients, settings.Duration);
        var mixed = await Phase($"mixed {settings.ReadPercent}/{100 - settings.ReadPercent}", clients,
            (_, random) => world.Mixed(random, settings.ReadPercent));
        var writes = await Phase("writes only", clients, (_, random) => world.Write(random.Next(settings.Projects)));
        var readsAlone = await Phase($"reads of projects 0–{half - 1} alone", clients / 2, (_, random) => world.Read(random.Next(half)));
        var readsBesideWrites = await Phase($"reads of 0–{half - 1} beside writes to {half}–{settings.Projects - 1}", clients,
            (worker, random) => worker % 2 == 0 ? world.Read(random.Next(half)) : world.Write(half + random.Next(settings.Projects - half)));

        Console.WriteLine();
        Console.WriteLine($"### {world.StoreName}: {clients} clients, {settings.Projects} projects, {settings.Duration.TotalSeconds:0} s per phase, load average {Machine.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| phase | workers | operations/s | reads/s | read p50 (ms) | read p99 (ms) | writes/s | write p50 (ms) | write p99 (ms) | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row(raw1, 1);
        Row(rawN, clients);
        Row(mixed, clients);
        Row(writes, clients);
        Row(readsAlone, clients / 2);
        Row(readsBesideWrites, clients);
        Console.WriteLine();
        Console.WriteLine($"- HTTP writes/s in the mix / raw commits/s with 1 writer: {mixed.PerSecond(LoadWorld.WriteKind) / raw1.PerSecond():F3}; " +
                          $"with {clients} writers: {mixed.PerSecond(LoadWorld.WriteKind) / rawN.PerSecond():F3}");
        Console.WriteLine($"- HTTP writes/s, writes only / raw commits/s with 1 writer: {writes.PerSecond(LoadWorld.WriteKind) / raw1.PerSecond():F3}; " +
                          $"with {clients} writers: {writes.PerSecond(LoadWorld.WriteKind) / rawN.PerSecond():F3}");
        var (beside, alone, writing) = (Median(readsBesideWrites, LoadWorld.ReadKind), Median(readsAlone, LoadWorld.ReadKind), Median(readsBesideWrites, LoadWorld.WriteKind));
        Console.WriteLine($"- read p50 beside writes to other projects {beside / 1000:F2} ms = {beside / alone:F2} × read p50 alone ({alone / 1000:F2} ms) " +
                          $"= {beside / writing:F3} × the write p50 of the same phase ({writing / 1000:F2} ms)");
        Console.WriteLine();

        async Task<PhaseResult> Phase(string name, int workers, Func<int, Random, Operation> next)
        {
            // Each phase starts with nothing left over from the one before (deliveries of its writes' messages).
            await world.DrainOutboxAsync();
            Console.WriteLine($"  {name}: {workers} workers, {settings.Duration.TotalSeconds:0} s, load average {Machine.LoadAverage()}");
            return await LoadDriver.RunAsync(name, workers, settings.Duration, next);
        }
    }

    private static double Median(PhaseResult result, string kind) => result.Latencies.GetValueOrDefault(kind)?.MedianMicroseconds ?? double.NaN;

    private static void Row(PhaseResult result, int workers)
    {
        string Cell(string kind, Func<Samples, double> figure) =>
            result.Latencies.GetValueOrDefault(kind) is { Count: > 0 } samples ? $"{figure(samples) / 1000:F2}" : "–";
        Console.WriteLine($"| {result.Name} | {workers} | {result.PerSecond():F0} | {result.PerSecond(LoadWorld.ReadKind):F0} | " +
                          $"{Cell(LoadWorld.ReadKind, s => s.MedianMicroseconds)} | {Cell(LoadWorld.ReadKind, s => s.P99Microseconds)} | " +
                          $"{result.PerSecond(LoadWorld.WriteKind):F0} | {Cell(LoadWorld.WriteKind, s => s.MedianMicroseconds)} | " +
                          $"{Cell(LoadWorld.WriteKind, s => s.P99Microseconds)} | {result.Errors} |");
    }

    /// <summary>The host, the user, the projects, and the operations on them.</summary>
    private sealed class LoadWorld : IAsyncDisposable
    {
        public const string ReadKind = "read", WriteKind = "write";

        private static readonly TimeSpan DrainAtMost = TimeSpan.FromMinutes(3);

        private readonly TestHost _host;
        private readonly TestPostgresDatabase? _database;
        private readonly HttpClient _user;
        private readonly IReadOnlyList<(string Id, string OwnerId)> _projects;
        private long _writes;

        private LoadWorld(TestHost host, TestPostgresDatabase? database, HttpClient user, IReadOnlyList<(string, string)> projects) =>
            (_host, _database, _user, _projects) = (host, database, user, projects);

        private IStore Store => _host.Services.GetRequiredService<IStore>();

        public string StoreName => Store.Dialect == SqlDialect.PostgreSql ? "PostgreSQL" : "SQLite (embedded default)";

        public static async Task<LoadWorld> StartAsync(SqlDialect dialect, int projects)
        {
            var database = dialect == SqlDialect.PostgreSql ? await BenchmarkKernel.CreatePostgresDatabaseAsync() : null;
            // Npgsql's default pool (100), not the test servers' 40: 64 clients keep more than 40 connections busy.
            var host = await TestHost.StartAsync(database is null ? null : new Dictionary<string, string?>
            {
                ["Storage:PostgreSql"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 100 }.ToString(),
            });
            if (!host.Address.IsLoopback) throw new InvalidOperationException($"{host.Address} is not a loopback address.");
            var user = await host.SignInNewUserAsync("load-user");
            var created = new List<(string, string)>();
            for (var i = 0; i < projects; i++)
            {
                var project = await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = $"Load project {i}" })).ReadSuccessAsync<JsonElement>();
                var id = project.GetProperty("id").GetString()!;
                await (await host.Admin.PostAsJsonAsync($"/api/v1/access/objects/Project/{id}/Project/{id}/shares",
                    new { granteeKind = "User", granteeId = user.Id, permission = "Manage" })).ReadSuccessAsync<JsonElement>();
                created.Add((id, project.GetProperty("ownerId").GetString()!));
            }
            user.Client.Dispose();
            var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false })
            {
                BaseAddress = host.Address,
            };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token.Token);
            return new LoadWorld(host, database, client, created);
        }

        /// <summary>A read (<paramref name="readPercent"/> of the time) or a write of a project drawn uniformly.</summary>
        public Operation Mixed(Random random, int readPercent) =>
            random.Next(100) < readPercent ? Read(random.Next(_projects.Count)) : Write(random.Next(_projects.Count));

        public Operation Read(int project) => new(ReadKind, async () =>
        {
            using var response = await _user.GetAsync($"/api/v1/projects/{_projects[project].Id}");
            await response.Content.LoadIntoBufferAsync();
            return response.IsSuccessStatusCode;
        });

        public Operation Write(int project) => new(WriteKind, async () =>
        {
            var (id, owner) = _projects[project];
            using var response = await _user.PatchAsJsonAsync($"/api/v1/projects/{id}",
                new { name = $"Load project {project} #{Interlocked.Increment(ref _writes)}", ownerId = owner });
            await response.Content.LoadIntoBufferAsync();
            return response.IsSuccessStatusCode;
        });

        /// <summary>
        /// Single-row autocommit UPDATEs on the host's own store, each writer on a connection of its own
        /// (with the same settings as the host's: SQLite's busy timeout) and a row of its own: the floor.
        /// </summary>
        public async Task<PhaseResult> RawCommitsAsync(int writers, TimeSpan duration)
        {
            await DrainOutboxAsync();
            Console.WriteLine($"  raw single-row commits: {writers} writers, {duration.TotalSeconds:0} s, load average {Machine.LoadAverage()}");
            // A pool of their own, so the writers hold no connection the host needs.
            await using var source = Store.Dialect == SqlDialect.PostgreSql
                ? NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Store.DataSource.ConnectionString) { MaxPoolSize = writers })
                : (DbDataSource)new SqliteConnectionSource(Store.DataSource.ConnectionString);
            var connections = new DbConnection[writers];
            for (var i = 0; i < writers; i++) connections[i] = await source.OpenConnectionAsync();
            try
            {
                await using (var create = connections[0].Command(
                                 "CREATE TABLE IF NOT EXISTS bench_load_rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, version INTEGER NOT NULL)"))
                    await create.ExecuteNonQueryAsync();
                for (var i = 0; i < writers; i++)
                {
                    await using var insert = connections[0].Command(
                        "INSERT INTO bench_load_rows (id, payload, version) VALUES (@id, '', 0) ON CONFLICT DO NOTHING", ("id", i));
                    await insert.ExecuteNonQueryAsync();
                }
                return await LoadDriver.RunAsync("raw single-row commits", writers, duration, (worker, _) => new Operation(WriteKind, async () =>
                {
                    await using var update = connections[worker].Command(
                        "UPDATE bench_load_rows SET payload = @payload, version = version + 1 WHERE id = @id",
                        ("payload", $"Load project {worker} #{Interlocked.Increment(ref _writes)}"), ("id", worker));
                    return await update.ExecuteNonQueryAsync() == 1;
                }));
            }
            finally
            {
                foreach (var connection in connections) await connection.DisposeAsync();
            }
        }

        /// <summary>Waits (a bounded while) until the outbox has delivered every message, so no phase pays for the one before.</summary>
        public async Task DrainOutboxAsync()
        {
            var clock = Stopwatch.StartNew();
            long queued;
            do
            {
                await using var connection = await Store.OpenConnectionAsync();
                queued = await connection.ScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE parked_at IS NULL");
                if (queued > 0) await Task.Delay(200);
            }
            while (queued > 0 && clock.Elapsed < DrainAtMost);
            if (clock.Elapsed > TimeSpan.FromSeconds(1)) Console.WriteLine($"  (the outbox took {clock.Elapsed.TotalSeconds:F1} s to drain; {queued} left)");
        }

        public async ValueTask DisposeAsync()
        {
            _user.Dispose();
            await _host.DisposeAsync();
            if (_database is not null) await _database.DisposeAsync();
        }
    }
}
