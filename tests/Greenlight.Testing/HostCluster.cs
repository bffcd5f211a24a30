using Orleans.Runtime;

namespace Greenlight.Testing;

/// <summary>
/// Host processes on one fresh PostgreSQL database, which makes them one Orleans cluster: each with
/// a silo port of its own, all with the same master key and one System Administrator token. A host
/// can be killed (SIGKILL) and started again; clients of a killed host are kept until the end, as a
/// caller may still hold one.
/// </summary>
public sealed class HostCluster : IAsyncDisposable
{
    private readonly TestPostgresDatabase _database;
    private readonly Dictionary<string, string?> _settings;
    private readonly HostProcess?[] _hosts;
    private readonly HttpClient?[] _clients;
    private readonly List<HttpClient> _retiredClients = [];

    private HostCluster(TestPostgresDatabase database, int size, IDictionary<string, string?> settings)
    {
        _database = database;
        _hosts = new HostProcess?[size];
        _clients = new HttpClient?[size];
        _settings = new Dictionary<string, string?>(settings)
        {
            ["Storage:PostgreSql"] = database.ConnectionString,
            [Kernel.Organization.OrganizationBootstrapper.TokenVariable] = AdminToken,
        };
    }

    public string AdminToken { get; } = "cluster-admin-" + Guid.NewGuid().ToString("N");

    /// <summary>The hosts' database, for looking at what they stored.</summary>
    public string ConnectionString => _database.ConnectionString;

    public int Size => _hosts.Length;

    /// <summary>The indexes of the hosts running now.</summary>
    public IReadOnlyList<int> Running => Enumerable.Range(0, Size).Where(i => _hosts[i] is not null).ToList();

    /// <summary>Starts <paramref name="size"/> hosts at once, as an orchestrator would: they race for the schema and the organization.</summary>
    /// <param name="settings">Passed to every host (plugins folder, outbox timings…).</param>
    public static async Task<HostCluster> StartAsync(int size, IDictionary<string, string?>? settings = null)
    {
        var cluster = new HostCluster(await TestPostgresDatabase.CreateAsync(), size, settings ?? new Dictionary<string, string?>());
        try
        {
            await Task.WhenAll(Enumerable.Range(0, size).Select(cluster.StartAsync));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The System Administrator's client of host <paramref name="index"/>, which must be running.</summary>
    public HttpClient this[int index] => _clients[index] ?? throw new InvalidOperationException($"Host {index} is not running.");

    public HostProcess Host(int index) => _hosts[index] ?? throw new InvalidOperationException($"Host {index} is not running.");

    /// <summary>Host <paramref name="preferred"/>'s administrator client while it runs, else the next running host's.</summary>
    public HttpClient Live(int preferred)
    {
        for (var step = 0; step < Size; step++)
        {
            if (_clients[(preferred + step) % Size] is { } client) return client;
        }
        throw new InvalidOperationException("No host is running.");
    }

    /// <summary>The running host whose silo has this address (as Orleans parses it, "127.0.0.1:11111@123456789").</summary>
    public int IndexOfSilo(string siloAddress)
    {
        var port = SiloAddress.FromParsableString(siloAddress).Endpoint.Port;
        return Running.Single(i => _hosts[i]!.SiloPort == port);
    }

    public async Task StartAsync(int index)
    {
        if (_hosts[index] is not null) throw new InvalidOperationException($"Host {index} is running already.");
        var host = await HostProcess.StartAsync(_settings);
        _hosts[index] = host;
        _clients[index] = host.Client(AdminToken);
    }

    /// <summary>Starts every host that is not running (after a test killed one).</summary>
    public Task EnsureAllRunningAsync() =>
        Task.WhenAll(Enumerable.Range(0, Size).Where(i => _hosts[i] is null).Select(StartAsync));

    /// <summary>SIGKILL while clients may still be using the host, as a crash would find it.</summary>
    public async Task KillAsync(int index)
    {
        var host = Host(index);
        await host.KillAsync();
        await host.DisposeAsync();
        _retiredClients.Add(this[index]);
        (_hosts[index], _clients[index]) = (null, null);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.OfType<HostProcess>()) await host.DisposeAsync();
        foreach (var client in _clients.OfType<HttpClient>().Concat(_retiredClients)) client.Dispose();
        await _database.DisposeAsync();
    }
}
