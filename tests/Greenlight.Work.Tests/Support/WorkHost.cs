using System.Net.Http.Json;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Work.Tests.Support;

/// <summary>A test host with the Access module's requests answered by recording fakes and every Work notification recorded.</summary>
public sealed class WorkHost : IAsyncDisposable
{
    public const long MaxDocumentBytes = 100_000;
    public const int ChunkBytes = 8 * 1024;

    private WorkHost(TestHost host, AccessLog access, NotificationLog notifications) => (Host, Access, Notifications) = (host, access, notifications);

    public TestHost Host { get; }
    public AccessLog Access { get; }
    public NotificationLog Notifications { get; }
    public HttpClient Admin => Host.Admin;

    public static async Task<WorkHost> StartAsync(string? postgres = null)
    {
        var (access, notifications) = (new AccessLog(), new NotificationLog());
        var settings = new Dictionary<string, string?>
        {
            ["Work:MaxDocumentBytes"] = MaxDocumentBytes.ToString(),
            ["Work:DocumentChunkBytes"] = ChunkBytes.ToString(),
        };
        if (postgres is not null) settings["Storage:PostgreSql"] = postgres;
        var host = await TestHost.StartAsync(settings, services =>
        {
            AccessFakes.Replace(services, access);
            NotificationLog.Register(services, notifications);
        });
        return new WorkHost(host, access, notifications);
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

    public ValueTask DisposeAsync() => Host.DisposeAsync();
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
