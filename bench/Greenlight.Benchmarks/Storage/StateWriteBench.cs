using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Greenlight.Benchmarks.Access;
using Greenlight.Benchmarks.Load;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;

namespace Greenlight.Benchmarks.Storage;

[GenerateSerializer, Alias("bench.small-state")]
public sealed class SmallState : DurableState
{
    [Id(0)]
    public int Counter { get; set; }

    [Id(1)]
    public string Title { get; set; } = "A small work item";
}

[Alias("bench.state-writer")]
public interface IStateWriteGrain : IGrainWithStringKey
{
    [Alias("set-counter")]
    Task SetCounterAsync(int counter);
}

/// <summary>A change with no consequences: one write of the grain's state, nothing to hand on.</summary>
[GrainType("bench.state-writer")]
public sealed class StateWriteGrain : DurableGrain<SmallState>, IStateWriteGrain
{
    public Task SetCounterAsync(int counter)
    {
        State.Counter = counter;
        return WriteStateAsync();
    }
}

/// <summary>
/// <c>state-write</c>: a grain state write through Orleans's ADO.NET grain storage (a grain call from
/// outside, JSON, the kernel's version-checked upsert on a pooled connection of the provider's own)
/// against a raw single-row commit on the same database (one autocommit UPDATE of a row of the same
/// size) on a connection held open (the floor, the baseline) and on one taken from the store's pool
/// per commit (as the provider does). A commit's cost here is mostly the disk's flush, which other
/// processes' writes change tenfold from one second to the next, so the three are measured in the same
/// process taking turns write by write, and compared by their medians.
/// </summary>
public static class StateWriteBench
{
    public const string Command = "state-write";
    private const string RowId = "raw";
    private const string UpdateSql = "UPDATE bench_rows SET payload = @payload, version = version + 1 WHERE id = @id";

    // The size of the grain's JSON: {"Counter":n,"Title":"A small work item","Unsent":[]}.
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"Counter":1234,"Title":"A small work item","Unsent":[]}""");

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new LoadOptions(args);
        var writes = options.Int("--writes", 3000);
        Console.WriteLine($"{Command}: nproc {Environment.ProcessorCount}, load average {Machine.LoadAverage()}; {writes} writes per way");
        foreach (var store in options.Stores()) await RunAsync(store, writes);
        return 0;
    }

    private static async Task RunAsync(SqlDialect dialect, int writes)
    {
        await using var kernel = dialect == SqlDialect.PostgreSql ? await BenchmarkKernel.StartPostgresAsync() : await BenchmarkKernel.StartSqliteAsync();
        var grain = kernel.Grains.GetGrain<IStateWriteGrain>("bench");
        var counter = 0;
        await grain.SetCounterAsync(++counter); // the first write inserts the row; every measured one replaces it
        await using var held = await kernel.Store.DataSource.OpenConnectionAsync();
        await PrepareRowAsync(held, dialect);

        var ways = new (string Name, Func<Task> Write, Samples Samples)[]
        {
            ("raw single-row commit, connection held (baseline)", () => CommitAsync(held), new Samples("held")),
            ("raw single-row commit, pooled connection", async () =>
            {
                await using var pooled = await kernel.Store.DataSource.OpenConnectionAsync();
                await CommitAsync(pooled);
            }, new Samples("pooled")),
            ("grain WriteStateAsync (ADO.NET provider)", () => grain.SetCounterAsync(++counter), new Samples("grain")),
        };
        foreach (var way in ways)
        {
            for (var i = 0; i < 200; i++) await way.Write(); // warm-up: JIT, pools
        }
        for (var i = 0; i < writes * ways.Length; i++)
        {
            var (_, write, samples) = ways[i % ways.Length];
            var start = Stopwatch.GetTimestamp();
            await write();
            samples.Add(Stopwatch.GetTimestamp() - start);
        }

        var baseline = ways[0].Samples.MedianMicroseconds;
        Console.WriteLine();
        Console.WriteLine($"### {(dialect == SqlDialect.PostgreSql ? "PostgreSQL" : "SQLite")}: {writes} writes per way, load average {Machine.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| write | median (µs) | p90 (µs) | p99 (µs) | median / baseline |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, _, samples) in ways)
            Console.WriteLine($"| {name} | {samples.MedianMicroseconds:F0} | {samples.PercentileMicroseconds(90):F0} | {samples.P99Microseconds:F0} | " +
                              $"{samples.MedianMicroseconds / baseline:F2} |");
        Console.WriteLine();
    }

    private static async Task PrepareRowAsync(DbConnection connection, SqlDialect dialect)
    {
        var blob = dialect == SqlDialect.PostgreSql ? "bytea" : "BLOB";
        await using var create = connection.Command($"CREATE TABLE IF NOT EXISTS bench_rows (id TEXT PRIMARY KEY, payload {blob} NOT NULL, version INTEGER NOT NULL)");
        await create.ExecuteNonQueryAsync();
        await using var insert = connection.Command("INSERT INTO bench_rows (id, payload, version) VALUES (@id, @payload, 1) ON CONFLICT DO NOTHING",
            ("id", RowId), ("payload", Payload));
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task CommitAsync(DbConnection connection)
    {
        await using var update = connection.Command(UpdateSql, ("payload", Payload), ("id", RowId));
        await update.ExecuteNonQueryAsync();
    }
}
