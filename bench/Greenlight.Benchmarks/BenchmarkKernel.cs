using Greenlight.Kernel.Composition;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;
using Greenlight.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Benchmarks;

/// <summary>
/// The kernel as the host composes it (<see cref="KernelServices.AddGreenlightKernel"/>: an Orleans silo on the
/// store, on a free loopback port), with this assembly as the only module so the benchmark grains are registered,
/// started as a generic host (which migrates the schema and starts the kernel's background services).
/// </summary>
public sealed class BenchmarkKernel : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _sqliteDirectory;
    private readonly TestPostgresDatabase? _postgres;

    private BenchmarkKernel(IHost host, string? sqliteDirectory, TestPostgresDatabase? postgres)
    {
        _host = host;
        _sqliteDirectory = sqliteDirectory;
        _postgres = postgres;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IStore Store => _host.Services.GetRequiredService<IStore>();

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
        storage["Cluster:SiloPort"] = TestPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        storage["Cluster:Dashboard"] = "false";
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(storage);
        builder.Logging.ClearProviders(); // logging costs nothing and prints nothing
        builder.AddGreenlightKernel([typeof(BenchmarkKernel).Assembly]);
        var host = builder.Build();
        await host.StartAsync();
        return new BenchmarkKernel(host, sqliteDirectory, postgres);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose(); // disposes the store: SQLite clears its pools, Npgsql closes its data source
        if (_postgres is not null) await _postgres.DisposeAsync();
        if (_sqliteDirectory is not null && Directory.Exists(_sqliteDirectory)) Directory.Delete(_sqliteDirectory, recursive: true);
    }
}
