using System.Net.Http.Json;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Work.Tests.Support;

/// <summary>
/// A test host with the Access module's requests answered by recording fakes and every Work notification recorded.
/// Start it again with <c>restartOf</c> to restart it on the same store, as a host that died comes back.
/// </summary>
public sealed class WorkHost : IAsyncDisposable
{
    public const long MaxDocumentBytes = 100_000;
    public const int ChunkBytes = 8 * 1024;

    private WorkHost(TestHost host, AccessLog access, NotificationLog notifications, string sqlitePath, string adminToken, string spoolDirectory) =>
        (Host, Access, Notifications, SqlitePath, AdminToken, Admin, SpoolDirectory) =
        (host, access, notifications, sqlitePath, adminToken, host.Client(adminToken), spoolDirectory);

    public TestHost Host { get; }
    public AccessLog Access { get; }
    public NotificationLog Notifications { get; }
    public string SqlitePath { get; }
    public string AdminToken { get; }
    public HttpClient Admin { get; }

    /// <summary>Where this host's uploads wait until they are all in (<c>Work:UploadSpoolDirectory</c>).</summary>
    public string SpoolDirectory { get; }

    /// <param name="restartOf">A stopped host whose SQLite store (and administrator, and logs) this one takes over.</param>
    /// <param name="services">More registrations, e.g. projections that fail or wait.</param>
    /// <param name="settings">More configuration.</param>
    public static async Task<WorkHost> StartAsync(
        string? postgres = null, WorkHost? restartOf = null, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var (access, notifications) = (restartOf?.Access ?? new AccessLog(), restartOf?.Notifications ?? new NotificationLog());
        var sqlitePath = restartOf?.SqlitePath ?? Path.Combine(TestPaths.NewTemporaryDirectory(), "work.db");
        var spoolDirectory = TestPaths.NewTemporaryDirectory();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:SqlitePath"] = sqlitePath,
            ["Work:MaxDocumentBytes"] = MaxDocumentBytes.ToString(),
            ["Work:DocumentChunkBytes"] = ChunkBytes.ToString(),
            ["Work:UploadSpoolDirectory"] = spoolDirectory,
        };
        if (postgres is not null) all["Storage:PostgreSql"] = postgres;
        if (restartOf is not null) all["GREENLIGHT_BOOTSTRAP_TOKEN"] = restartOf.AdminToken;
        var host = await TestHost.StartAsync(all, registrations =>
        {
            AccessFakes.Replace(registrations, access);
            NotificationLog.Register(registrations, notifications);
            services?.Invoke(registrations);
        });
        return new WorkHost(host, access, notifications, sqlitePath, restartOf?.AdminToken ?? host.AdminToken, spoolDirectory);
    }

    /// <summary>Sends a module request as another module would, from a background scope.</summary>
    public async Task<T> SendAsModuleAsync<T>(IRequest<T> request)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentPrincipal>().Set(Principal.System);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<string> AdminUserIdAsync() =>
        (await Admin.GetSuccessAsync<List<Kernel.Security.Tokens.ApiTokenInfo>>("/api/v1/tokens"))[0].UserId;

    public async Task<ProjectView> CreateProjectAsync(string name = "Launch", string? programId = null) =>
        await (await Admin.PostAsJsonAsync("/api/v1/projects", new { name, programId })).ReadSuccessAsync<ProjectView>();

    public async Task<TaskView> CreateTaskAsync(string projectId, string name, string? parentTaskId = null) =>
        await (await Admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/tasks", new { name, parentTaskId })).ReadSuccessAsync<TaskView>();

    public async Task<IssueView> CreateIssueAsync(string projectId, string name, string? taskId = null) =>
        await (await Admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/issues", new { name, taskId })).ReadSuccessAsync<IssueView>();

    public Task<HttpResponseMessage> UploadAsync(string path, byte[] bytes, string contentType)
    {
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return Admin.PostAsync(path, content);
    }

    public Task<Page<WorkObjectSummary>> ListAsync(string path) => Admin.GetSuccessAsync<Page<WorkObjectSummary>>(path);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>One host for the tests of a class; each test makes objects of its own.</summary>
public sealed class WorkHostFixture : IAsyncLifetime
{
    public WorkHost Work { get; private set; } = null!;

    public async Task InitializeAsync() => Work = await WorkHost.StartAsync();

    public async Task DisposeAsync() => await Work.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class WorkHostCollection : ICollectionFixture<WorkHostFixture>
{
    public const string Name = "work host";
}
