using BenchmarkDotNet.Attributes;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;

namespace Greenlight.Benchmarks.Storage;

public sealed class SmallState
{
    public int Counter { get; set; }

    public string Title { get; set; } = "A small work item";
}

public interface IStateWriteGrain : IGrainWithStringKey
{
    Task SetCounterAsync(int counter);
}

[GrainType("bench-state-writer")]
public sealed class StateWriteGrain : Grain<SmallState>, IStateWriteGrain
{
    public Task SetCounterAsync(int counter)
    {
        State.Counter = counter;
        return WriteStateAsync();
    }
}

/// <summary>
/// One <see cref="Grain{TState}"/> state write (serialize, version-checked UPDATE in a transaction,
/// on PostgreSQL also the pg_notify for other hosts), on SQLite and PostgreSQL. Two reference rows per
/// store split that cost (on PostgreSQL a third adds the pg_notify): the same single-row UPDATE through <see cref="IStore.InTransactionAsync{T}"/>
/// (pooled connection, explicit transaction, no JSON, no notify), and raw: one autocommit statement on
/// a connection held open, the cheapest write the store can do.
/// Each store has its own setup, so the SQLite rows run without PostgreSQL and the PostgreSQL rows fail
/// (not skip) without it.
/// </summary>
[MemoryDiagnoser]
public class StateWriteBenchmarks
{
    private const string RawGrainType = "bench-raw";
    private const string RawKey = "raw";
    private const string RawJson = """{"counter":0,"title":"A small work item"}""";
    private const string UpdateSql = "UPDATE grain_state SET data = @data, updated_at = @now WHERE grain_type = @type AND grain_key = @key";

    private BenchmarkKernel? _kernel;
    private IStateWriteGrain _grain = null!;
    private System.Data.Common.DbConnection? _rawConnection;
    private int _counter;

    [GlobalSetup(Targets = [nameof(SqliteGrainStateWrite), nameof(SqliteTransactionUpdate), nameof(SqliteRawUpdate)])]
    public async Task SetupSqliteAsync() => await SetupAsync(await BenchmarkKernel.StartSqliteAsync());

    [GlobalSetup(Targets = [nameof(PostgresGrainStateWrite), nameof(PostgresTransactionUpdate), nameof(PostgresRawUpdate)])]
    public async Task SetupPostgresAsync() => await SetupAsync(await BenchmarkKernel.StartPostgresAsync());

    private async Task SetupAsync(BenchmarkKernel kernel)
    {
        _kernel = kernel;
        _grain = kernel.Grains.GetGrain<IStateWriteGrain>("bench");
        // The first write inserts the row; every measured write is then the steady-state UPDATE.
        await _grain.SetCounterAsync(++_counter);

        // Through the store, so SQLite gets the same per-connection pragmas (WAL, synchronous=NORMAL) as the kernel's writes.
        _rawConnection = await kernel.Store.OpenConnectionAsync();
        await using var insert = _rawConnection.Command(
            "INSERT INTO grain_state (grain_type, grain_key, version, data, updated_at) VALUES (@type, @key, 1, @data, 0) ON CONFLICT DO NOTHING",
            ("type", RawGrainType), ("key", RawKey), ("data", RawJson));
        await insert.ExecuteNonQueryAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_rawConnection is not null) await _rawConnection.DisposeAsync();
        if (_kernel is not null) await _kernel.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "SQLite: grain WriteStateAsync")]
    public Task SqliteGrainStateWrite() => _grain.SetCounterAsync(++_counter);

    [Benchmark(Description = "PostgreSQL: grain WriteStateAsync")]
    public Task PostgresGrainStateWrite() => _grain.SetCounterAsync(++_counter);

    [Benchmark(Description = "SQLite: UPDATE in store transaction")]
    public Task<int> SqliteTransactionUpdate() => TransactionUpdateAsync();

    [Benchmark(Description = "PostgreSQL: UPDATE in store transaction")]
    public Task<int> PostgresTransactionUpdate() => TransactionUpdateAsync();

    [Benchmark(Description = "SQLite: raw single-row UPDATE")]
    public Task<int> SqliteRawUpdate() => RawUpdateAsync();

    [Benchmark(Description = "PostgreSQL: raw single-row UPDATE")]
    public Task<int> PostgresRawUpdate() => RawUpdateAsync();

    // What the grain write does minus the grain: no JSON, no version check, no notify.
    private Task<int> TransactionUpdateAsync() =>
        _kernel!.Store.InTransactionAsync(tx => tx.ExecuteAsync(UpdateSql,
            ("data", RawJson), ("now", (long)++_counter), ("type", RawGrainType), ("key", RawKey)));

    // A new command each time, as the kernel does per statement; what the raw row leaves out is the
    // pooled-connection open, the explicit transaction, the JSON, the version check and the notify.
    private async Task<int> RawUpdateAsync()
    {
        await using var update = _rawConnection!.Command(UpdateSql,
            ("data", RawJson), ("now", (long)++_counter), ("type", RawGrainType), ("key", RawKey));
        return await update.ExecuteNonQueryAsync();
    }
}
