using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Tests.Harness;

namespace Greenlight.Kernel.Tests.Storage;

/// <summary>
/// What every store must do for grain state: compare-and-set on the version, versions that never
/// repeat (not even after a clear), large states, and exactly one winner among concurrent writers.
/// Run unchanged against each store by the subclasses below.
/// </summary>
public abstract class GrainStorageConformance : IAsyncLifetime
{
    private static readonly GrainId Grain = new("test.conformance", "subject");

    private ITestStoreLocation _location = null!;
    private KernelHarness _harness = null!;

    protected abstract Task<ITestStoreLocation> CreateLocationAsync();

    public async Task InitializeAsync()
    {
        _location = await CreateLocationAsync();
        _harness = await KernelHarness.StartAsync(_location, new HarnessOptions { Start = HarnessStart.KernelOnly });
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _location.DisposeAsync();
    }

    private IGrainStorage Storage => _harness.Get<IGrainStorage>();

    private Task<long> WriteAsync(string? json, long? expectedVersion) =>
        _harness.Store.InTransactionAsync(tx => Storage.WriteAsync(tx, Grain, json, expectedVersion));

    [Fact]
    public async Task Reading_a_grain_never_written_finds_nothing() =>
        Assert.Null(await Storage.ReadAsync(Grain));

    [Fact]
    public async Task A_written_state_reads_back_with_its_version()
    {
        Assert.Equal(1, await WriteAsync("""{"value":1}""", expectedVersion: null));
        Assert.Equal(2, await WriteAsync("""{"value":2}""", expectedVersion: 1));

        Assert.Equal(new StoredGrainState("""{"value":2}""", 2), await Storage.ReadAsync(Grain));
    }

    [Fact]
    public async Task A_write_expecting_an_older_version_conflicts_and_changes_nothing()
    {
        await WriteAsync("""{"value":1}""", null);
        await WriteAsync("""{"value":2}""", 1);

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync("""{"value":"stale"}""", 1));
        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync("""{"value":"new"}""", null));
        Assert.Equal(new StoredGrainState("""{"value":2}""", 2), await Storage.ReadAsync(Grain));
    }

    [Fact]
    public async Task A_conflicting_write_rolls_back_the_rest_of_its_transaction()
    {
        await WriteAsync("""{"value":1}""", null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _harness.Store.InTransactionAsync(async tx =>
        {
            await Storage.WriteAsync(tx, new GrainId("test.conformance", "bystander"), "{}", null);
            await Storage.WriteAsync(tx, Grain, "{}", expectedVersion: 7);
        }));

        Assert.Null(await Storage.ReadAsync(new GrainId("test.conformance", "bystander")));
    }

    [Fact]
    public async Task Clearing_removes_the_state_but_the_version_keeps_counting()
    {
        await WriteAsync("""{"value":1}""", null);

        Assert.Equal(2, await WriteAsync(null, 1));

        Assert.Equal(new StoredGrainState(null, 2), await Storage.ReadAsync(Grain));
        Assert.Equal(3, await WriteAsync("""{"value":"again"}""", 2));
    }

    [Fact]
    public async Task A_holder_of_a_version_from_before_a_clear_and_rewrite_cannot_write()
    {
        // ABA: if clearing deleted the row, the rewrite would be version 1 again and the old holder's write would pass.
        await WriteAsync("""{"owner":"old"}""", null);
        await WriteAsync(null, 1);
        await WriteAsync("""{"owner":"new"}""", 2);

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync("""{"owner":"old, stale"}""", 1));
        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync("""{"owner":"old, stale"}""", null));
        Assert.Equal(new StoredGrainState("""{"owner":"new"}""", 3), await Storage.ReadAsync(Grain));
    }

    [Fact]
    public async Task A_state_of_several_megabytes_reads_back_unchanged()
    {
        var large = $$"""{"items":[{{string.Join(',', Enumerable.Range(0, 200_000).Select(i => $"\"item-{i:D7}\""))}}]}""";
        Assert.True(large.Length > 2_000_000);

        await WriteAsync(large, null);

        Assert.Equal(large, (await Storage.ReadAsync(Grain))!.Json);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1L)]
    public async Task Of_twenty_concurrent_writers_expecting_the_same_version_exactly_one_wins(long? expectedVersion)
    {
        if (expectedVersion is not null) await WriteAsync("""{"writer":"first"}""", null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(writer => Task.Run(async () =>
        {
            try
            {
                await WriteAsync($$"""{"writer":{{writer}}}""", expectedVersion);
                return writer;
            }
            catch (InconsistentStateException)
            {
                return -1;
            }
        })));

        var winner = Assert.Single(outcomes, o => o >= 0);
        Assert.Equal(new StoredGrainState($$"""{"writer":{{winner}}}""", (expectedVersion ?? 0) + 1), await Storage.ReadAsync(Grain));
    }
}

public sealed class SqliteGrainStorageConformance : GrainStorageConformance
{
    protected override Task<ITestStoreLocation> CreateLocationAsync() => Task.FromResult<ITestStoreLocation>(new SqliteTestStore());
}

public sealed class PostgresGrainStorageConformance : GrainStorageConformance
{
    protected override Task<ITestStoreLocation> CreateLocationAsync() => PostgresTestStore.CreateAsync();
}
