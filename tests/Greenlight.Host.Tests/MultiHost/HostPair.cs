using Greenlight.Kernel.Organization;
using Greenlight.Testing;

namespace Greenlight.Host.Tests.MultiHost;

/// <summary>
/// Two host processes on one fresh PostgreSQL database, both with the sample plugin and one shared
/// administrator token. Either can be killed and started again; clients always reach a live one.
/// </summary>
internal sealed class HostPair : IAsyncDisposable
{
    private readonly TestPostgresDatabase _database;
    private readonly Dictionary<string, string?> _settings;
    private readonly string _adminToken = "multi-host-admin-" + Guid.NewGuid().ToString("N");
    private readonly HostProcess?[] _hosts = new HostProcess?[2];
    private readonly HttpClient?[] _clients = new HttpClient?[2];
    // Clients of killed hosts stay undisposed until the end: a writer may still hold one.
    private readonly List<HttpClient> _retiredClients = [];

    private HostPair(TestPostgresDatabase database, string pluginsFolder)
    {
        _database = database;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:PostgreSql"] = database.ConnectionString,
            ["Modules:PluginsPath"] = pluginsFolder,
            [OrganizationBootstrapper.TokenVariable] = _adminToken,
            // Short, so that messages a killed host had claimed are delivered by the other within the test.
            ["Outbox:ClaimLease"] = "00:00:03",
            ["Outbox:PollInterval"] = "00:00:00.100",
        };
    }

    public static async Task<HostPair> StartAsync()
    {
        var pair = new HostPair(await TestPostgresDatabase.CreateAsync(), TestPaths.PluginsFolderWithSamplePlugin());
        // Both at once, as an operator's orchestrator would: they race for the schema and the organization.
        await Task.WhenAll(pair.StartAsync(0), pair.StartAsync(1));
        return pair;
    }

    /// <summary>The administrator's client of host <paramref name="index"/>.</summary>
    public HttpClient this[int index] => _clients[index] ?? throw new InvalidOperationException($"Host {index} is not running.");

    /// <summary>Host <paramref name="preferred"/>'s client while it runs, else the other's.</summary>
    public HttpClient Live(int preferred) => _clients[preferred] ?? this[1 - preferred];

    public async Task StartAsync(int index)
    {
        var host = await HostProcess.StartAsync(_settings);
        _hosts[index] = host;
        _clients[index] = host.Client(_adminToken);
    }

    /// <summary>SIGKILL while clients still use the host, as a crash would find it; afterwards they turn to the other.</summary>
    public async Task KillAsync(int index)
    {
        await _hosts[index]!.KillAsync();
        _retiredClients.Add(this[index]);
        _clients[index] = null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.OfType<HostProcess>()) await host.DisposeAsync();
        foreach (var client in _clients.OfType<HttpClient>().Concat(_retiredClients)) client.Dispose();
        await _database.DisposeAsync();
    }
}
