using System.Net.Http.Headers;
using Greenlight.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Testing;

/// <summary>
/// A real host in this process, listening on a free loopback port, on its own store (a fresh SQLite
/// file unless a PostgreSQL connection string is given) with a known System Administrator token.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHost(WebApplication app, Uri address, string adminToken)
    {
        _app = app;
        Address = address;
        AdminToken = adminToken;
        Admin = Client(adminToken);
        Anonymous = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }
    public string AdminToken { get; }

    /// <summary>Signed in as the organization's System Administrator.</summary>
    public HttpClient Admin { get; }

    public HttpClient Anonymous { get; }

    public IServiceProvider Services => _app.Services;

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <param name="settings">Configuration on top of the test defaults (key "Storage:PostgreSql", "Modules:PluginsPath"…).</param>
    /// <param name="services">Replacements applied after the host's own registrations (a <see cref="TimeProvider"/>…).</param>
    public static async Task<TestHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var directory = TestPaths.NewTemporaryDirectory();
        var adminToken = "test-admin-" + Guid.NewGuid().ToString("N");
        var all = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:SqlitePath"] = Path.Combine(directory, "greenlight.db"),
            ["Modules:PluginsPath"] = Path.Combine(directory, "plugins"),
            ["GREENLIGHT_BOOTSTRAP_TOKEN"] = adminToken,
            [Greenlight.Kernel.Security.Secrets.MasterKey.Variable] = TestSecrets.MasterKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outbox:PollInterval"] = "00:00:00.100",
            // Every host is a silo: each listens on a port of its own.
            ["Cluster:SiloPort"] = TestPorts.Free().ToString(),
            ["Cluster:Dashboard"] = "false",
            ["Grains:RedeliveryPeriod"] = "00:00:05",
            // Tests with several hosts wait for every silo to see the others before they act: copies may be kept at once.
            ["Grains:SnapshotWarmUp"] = "00:00:00",
            // Tests that count e-mails count their module's own; the console's tests turn invitations on.
            ["Console:InviteNewUsers"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var app = GreenlightApp.Create(all.Select(kv => $"--{kv.Key}={kv.Value}").ToArray(), services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, new Uri(address), adminToken);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
