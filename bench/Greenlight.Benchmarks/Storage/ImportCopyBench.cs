using System.Diagnostics;
using Greenlight.Benchmarks.Access;
using Greenlight.Benchmarks.Load;
using Npgsql;
using NpgsqlTypes;

namespace Greenlight.Benchmarks.Storage;

/// <summary>
/// <c>import-copy</c>: how <c>Greenlight.Host import</c> writes a table into PostgreSQL, binary COPY
/// (<c>BeginBinaryImport</c>, one stream per table), against the way it wrote before, a prepared INSERT per row (the
/// baseline), both in one transaction, into the same table of the same database, taking turns round by round, compared
/// by their medians. The rows are shaped like <c>orleans_storage</c>'s, the bulk of a store: two hashes, two text ids,
/// a grain-state JSON payload of about 1 KB, a version and a time.
/// </summary>
public static class ImportCopyBench
{
    public const string Command = "import-copy";

    private const string Table = "bench_import";

    private sealed record Row(int IdHash, int TypeHash, string GrainId, string GrainType, byte[] Payload, int Version, DateTime ModifiedOn);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new LoadOptions(args);
        var rows = options.Int("--rows", 20_000);
        var rounds = options.Int("--rounds", 5);
        await using var database = await BenchmarkKernel.CreatePostgresDatabaseAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"""
            CREATE TABLE {Table} (grain_id_hash integer NOT NULL, grain_type_hash integer NOT NULL, grain_id text NOT NULL,
                grain_type text NOT NULL, payload bytea, version integer, modified_on timestamptz NOT NULL)
            """, connection))
            await create.ExecuteNonQueryAsync();

        var payload = new string('x', 1000);
        var data = Enumerable.Range(0, rows).Select(i => new Row(i * 7919, 42, $"project/{i:x8}", "work.project",
            System.Text.Encoding.UTF8.GetBytes($$"""{"Name":"Project {{i}}","Notes":"{{payload}}"}"""), i % 5, DateTime.UtcNow)).ToList();

        Console.WriteLine($"{Command}: nproc {Environment.ProcessorCount}, load average {Machine.LoadAverage()}; {rows} rows per round, {rounds} rounds");
        var inserts = new List<double>();
        var copies = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            // Round 0 warms both ways up and is not counted.
            var insert = await TimeAsync(connection, data, InsertPerRowAsync);
            var copy = await TimeAsync(connection, data, CopyAsync);
            if (round == 0) continue;
            inserts.Add(insert);
            copies.Add(copy);
        }
        var (insertMedian, copyMedian) = (Median(inserts), Median(copies));
        Console.WriteLine($"INSERT per row (baseline): median {insertMedian:F0} ms ({rows / insertMedian * 1000:F0} rows/s)");
        Console.WriteLine($"binary COPY:               median {copyMedian:F0} ms ({rows / copyMedian * 1000:F0} rows/s)");
        Console.WriteLine($"COPY takes {copyMedian / insertMedian:F3} of the baseline's time ({insertMedian / copyMedian:F1}x faster); load average {Machine.LoadAverage()}");
        return 0;
    }

    private static async Task<double> TimeAsync(NpgsqlConnection connection, List<Row> data, Func<NpgsqlConnection, List<Row>, Task> write)
    {
        await using (var empty = new NpgsqlCommand($"TRUNCATE {Table}", connection)) await empty.ExecuteNonQueryAsync();
        var watch = Stopwatch.StartNew();
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await write(connection, data);
            await tx.CommitAsync();
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task InsertPerRowAsync(NpgsqlConnection connection, List<Row> data)
    {
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {Table} (grain_id_hash, grain_type_hash, grain_id, grain_type, payload, version, modified_on) VALUES ($1, $2, $3, $4, $5, $6, $7)", connection);
        for (var i = 0; i < 7; i++) insert.Parameters.Add(new NpgsqlParameter());
        foreach (var row in data)
        {
            (insert.Parameters[0].Value, insert.Parameters[1].Value, insert.Parameters[2].Value, insert.Parameters[3].Value) = (row.IdHash, row.TypeHash, row.GrainId, row.GrainType);
            (insert.Parameters[4].Value, insert.Parameters[5].Value, insert.Parameters[6].Value) = (row.Payload, row.Version, row.ModifiedOn);
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, List<Row> data)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {Table} (grain_id_hash, grain_type_hash, grain_id, grain_type, payload, version, modified_on) FROM STDIN (FORMAT BINARY)");
        foreach (var row in data)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(row.IdHash, NpgsqlDbType.Integer);
            await copy.WriteAsync(row.TypeHash, NpgsqlDbType.Integer);
            await copy.WriteAsync(row.GrainId, NpgsqlDbType.Text);
            await copy.WriteAsync(row.GrainType, NpgsqlDbType.Text);
            await copy.WriteAsync(row.Payload, NpgsqlDbType.Bytea);
            await copy.WriteAsync(row.Version, NpgsqlDbType.Integer);
            await copy.WriteAsync(row.ModifiedOn, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync();
    }

    private static double Median(List<double> values) => values.Order().ElementAt((values.Count - 1) / 2);
}
