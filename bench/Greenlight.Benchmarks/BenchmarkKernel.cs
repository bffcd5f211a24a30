using Greenlight.Kernel.Composition;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;
using Greenlight.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Benchmarks;

/// <summary>
/// The kernel as the host composes it (<see cref="KernelServices.AddGreenlightKernel"/>), with this
/// assembly as the only module so the benchmark grains are registered, and the schema migrated by
/// <see cref="KernelStartup"/>. No other hosted service is started: the outbox dispatcher, the idle
/// collector and the PostgreSQL listener would only add background noise to what is measured.
/// </summary>
public sealed class BenchmarkKernel : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _sqliteDirectory;
    private readonly TestPostgresDatabase? _postgres;

    private BenchmarkKernel(ServiceProvider services, string? sqliteDirectory, TestPostgresDatabase? postgres)
    {
        _services = services;
        _sqliteDirectory = sqliteDirectory;
        _postgres = postgres;
    }

    public IGrainFactory Grains => _services.GetRequiredService<IGrainFactory>();

    public IStore Store => _services.GetRequiredService<IStore>();

    /// <summary>A kernel over a fresh SQLite file in a temporary directory.</summary>
    public static Task<BenchmarkKernel> StartSqliteAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "greenlight-bench-" + Guid.NewGuid().ToString("N"));
        return StartAsync(new() { ["Storage:SqlitePath"] = Path.Combine(directory, "greenlight.db") }, directory, postgres: null);
    }

    /// <summary>A kernel over a fresh database on the server named by GREENLIGHT_TEST_POSTGRES.</summary>
    public static async Task<BenchmarkKernel> StartPostgresAsync()
    {
        // Fail loudly: a PostgreSQL benchmark that silently skipped would leave a table that looks complete.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestPostgresDatabase.ServerVariable)))
            throw new InvalidOperationException(
                $"{TestPostgresDatabase.ServerVariable} is not set, so the PostgreSQL benchmarks cannot run. Start a throwaway server " +
                "in the same shell first: `source scripts/postgres.sh && start_throwaway_postgres && dotnet run -c Release " +
                "--project bench/Greenlight.Benchmarks -- --filter '*' --job short` (see bench/README.md).");
        var database = await TestPostgresDatabase.CreateAsync();
        return await StartAsync(new() { ["Storage:PostgreSql"] = database.ConnectionString }, sqliteDirectory: null, database);
    }

    private static async Task<BenchmarkKernel> StartAsync(Dictionary<string, string?> storage, string? sqliteDirectory, TestPostgresDatabase? postgres)
    {
        // A preset bootstrap token, so the organization bootstrap does not print a freshly minted secret into the benchmark log.
        storage["GREENLIGHT_BOOTSTRAP_TOKEN"] = "benchmark-bootstrap-token-" + Guid.NewGuid().ToString("N");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storage).Build();
        var services = new ServiceCollection()
            .AddLogging() // no providers: logging costs nothing and prints nothing
            .AddSingleton<IConfiguration>(configuration)
            .AddGreenlightKernel(configuration, [typeof(BenchmarkKernel).Assembly])
            .BuildServiceProvider();
        await ActivatorUtilities.CreateInstance<KernelStartup>(services).StartAsync(CancellationToken.None);
        return new BenchmarkKernel(services, sqliteDirectory, postgres);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync(); // disposes the store: SQLite clears its pools, Npgsql closes its data source
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_sqliteDirectory is not null && Directory.Exists(_sqliteDirectory)) Directory.Delete(_sqliteDirectory, recursive: true);
    }
}
