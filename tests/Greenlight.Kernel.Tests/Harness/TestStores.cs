using Greenlight.Testing;

namespace Greenlight.Kernel.Tests.Harness;

/// <summary>Where a harness keeps its data; several harnesses over one location act as several hosts sharing a store.</summary>
public interface ITestStoreLocation : IAsyncDisposable
{
    /// <summary>The <c>Storage</c> settings that point the kernel at this location.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }
}

/// <summary>A SQLite file in a fresh temporary directory.</summary>
public sealed class SqliteTestStore : ITestStoreLocation
{
    private readonly string _directory = TestPaths.NewTemporaryDirectory();

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:SqlitePath"] = Path.Combine(_directory, "greenlight.db"),
    };

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pool of another test's store: the temporary directory is cleaned by the OS.
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh database on the throwaway PostgreSQL server.</summary>
public sealed class PostgresTestStore : ITestStoreLocation
{
    private readonly TestPostgresDatabase _database;

    private PostgresTestStore(TestPostgresDatabase database) => _database = database;

    public string ConnectionString => _database.ConnectionString;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:PostgreSql"] = _database.ConnectionString,
    };

    public static async Task<ITestStoreLocation> CreateAsync() => new PostgresTestStore(await TestPostgresDatabase.CreateAsync());

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
