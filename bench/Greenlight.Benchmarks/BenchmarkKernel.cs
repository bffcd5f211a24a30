using Greenlight.Kernel.Composition;
using Greenlight.Kernel.Security.Secrets;
using Greenlight.Kernel.Storage;
using Greenlight.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Benchmarks;

/// <summary>
/// The kernel as a host composes it (<see cref="KernelServices.AddGreenlightKernel"/>: an Orleans silo
/// with grain state and reminders in the store), without HTTP, with this assembly as the only module
/// so the benchmark grains are part of the silo. Started like a host: schema, organization, silo,
/// outbox dispatcher. Logging prints nothing.
/// </summary>
public sealed class BenchmarkKernel : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _sqliteDirectory;
    private readonly TestPostgresDatabase? _postgres;

    private BenchmarkKernel(IHost host, string? sqliteDirectory, TestPostgresDatabase? postgres) =>
        (_host, _sqliteDirectory, _postgres) = (host, sqliteDirectory, postgres);

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IStore Store => _host.Services.GetRequiredService<IStore>();

    /// <summary>A kernel over a fresh SQLite file in a temporary directory: the embedded default, a cluster of one.</summary>
    public static Task<BenchmarkKernel> StartSqliteAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "greenlight-bench-" + Guid.NewGuid().ToString("N"));
        return StartAsync(new() { ["Storage:SqlitePath"] = Path.Combine(directory, "greenlight.db") }, directory, postgres: null);
    }

    /// <summary>A kernel over a fresh database on the server named by GREENLIGHT_TEST_POSTGRES (clustering there too).</summary>
    public static async Task<BenchmarkKernel> StartPostgresAsync()
    {
        var database = await CreatePostgresDatabaseAsync();
        return await StartAsync(new() { ["Storage:PostgreSql"] = database.ConnectionString }, sqliteDirectory: null, database);
    }

    /// <summary>
    /// A fresh database, failing loudly without a server: a PostgreSQL figure that silently fell back
    /// to SQLite, or was left out, would make a table look complete.
    /// </summary>
    public static Task<TestPostgresDatabase> CreatePostgresDatabaseAsync()
    {
        RequirePostgres();
        return TestPostgresDatabase.CreateAsync();
    }

    public static void RequirePostgres()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(TestPostgresDatabase.ServerVariable)))
            throw new InvalidOperationException(
                $"{TestPostgresDatabase.ServerVariable} is not set, so the PostgreSQL benchmarks cannot run. Start a throwaway server " +
                "in the same shell first: `source scripts/postgres.sh && start_throwaway_postgres && dotnet run -c Release " +
                "--project bench/Greenlight.Benchmarks -- …` (see bench/README.md).");
    }

    private static async Task<BenchmarkKernel> StartAsync(Dictionary<string, string?> settings, string? sqliteDirectory, TestPostgresDatabase? postgres)
    {
        // A preset bootstrap token, so the organization bootstrap does not print a freshly minted secret into the benchmark log.
        settings[Kernel.Organization.OrganizationBootstrapper.TokenVariable] = "benchmark-bootstrap-token-" + Guid.NewGuid().ToString("N");
        settings[MasterKey.Variable] = TestSecrets.MasterKey;
        settings["Cluster:SiloPort"] = TestPorts.Free().ToString();
        settings["Cluster:Dashboard"] = "false";
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
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
