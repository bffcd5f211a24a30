using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Greenlight.Modules.FrameConnector.Connections;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Kernel.Mediator;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.FrameConnector.Tests.Support;

/// <summary>
/// A host pointed at a fake Frame.io, with the Access module's requests answered by a fake directory of users
/// (until the Access service lands in main): who is flagged for Frame.io, who may act on what.
/// </summary>
public sealed class ConnectorHost : IAsyncDisposable
{
    private ConnectorHost(TestHost host, FakeFrameioServer frameio, FakeDirectory directory) => (Host, Frameio, Directory) = (host, frameio, directory);

    public TestHost Host { get; }
    public FakeFrameioServer Frameio { get; }
    public FakeDirectory Directory { get; }
    public HttpClient Admin => Host.Admin;

    /// <param name="frameio">A fake already running (a restarted host keeps talking to it); a new one when null.</param>
    /// <param name="postgres">A shared PostgreSQL database, so a second host continues where the first stopped.</param>
    public static async Task<ConnectorHost> StartAsync(FakeFrameioServer? frameio = null, string? postgres = null)
    {
        frameio ??= await FakeFrameioServer.StartAsync();
        var directory = new FakeDirectory();
        var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:PostgreSql"] = postgres,
            ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString(),
            ["FrameConnector:BaseBackoff"] = "00:00:00.050",
            ["FrameConnector:AttemptTimeout"] = "00:00:02",
            ["Outbox:BaseRetryDelay"] = "00:00:00.100",
        }, services => directory.Register(services));
        return new ConnectorHost(host, frameio, directory);
    }

    /// <summary>Connects the organization's default account: a token user of the fake, and the first of their accounts.</summary>
    public async Task<FakeFrameioSeed> ConnectDefaultAsync(string token)
    {
        var seed = Frameio.AddTokenUser(token);
        await (await Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token })).ReadSuccessAsync<ConnectionView>();
        await (await Admin.PutAsJsonAsync("/api/v1/frameio/connections/default/account", new { accountId = seed.Accounts[0].AccountId })).ReadSuccessAsync<ConnectionView>();
        return seed;
    }

    /// <summary>A task of the project, assigned to the user, through the Work API.</summary>
    public async Task<TaskView> CreateTaskAsync(string projectId, string name, string assignee)
    {
        var task = await (await Admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/tasks", new { name })).ReadSuccessAsync<TaskView>();
        var assigned = await Admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/tasks/{task.Id}/assignments", new { kind = "User", assigneeId = assignee });
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        return task;
    }

    /// <summary>Stops the host and leaves the fake running.</summary>
    public ValueTask StopHostAsync() => Host.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Frameio.DisposeAsync();
    }
}

public sealed class FakeDirectory :
    IRequestHandler<GetUserProfile, UserProfile?>, IRequestHandler<GetTeamMembers, IReadOnlyList<string>>, IRequestHandler<CheckAccess, AccessAnswer>,
    IRequestHandler<FilterViewable, IReadOnlyList<SecuredRef>>, IRequestHandler<RegisterSecuredObject, Unit>, IRequestHandler<GrantAssigneeAccess, Unit>
{
    public ConcurrentDictionary<string, UserProfile> Users { get; } = new();

    /// <summary>The permission each user holds everywhere; View unless set.</summary>
    public ConcurrentDictionary<string, Permission> Held { get; } = new();

    public UserProfile AddUser(string id, bool frameio, Permission held = Permission.Contribute)
    {
        Held[id] = held;
        return Users[id] = new UserProfile(id, id, $"{id}@example.test", "standard", License.Standard, false, true, frameio, null, [], null, []);
    }

    public void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddTransient<IRequestHandler<GetUserProfile, UserProfile?>>(_ => this);
        services.AddTransient<IRequestHandler<GetTeamMembers, IReadOnlyList<string>>>(_ => this);
        services.AddTransient<IRequestHandler<CheckAccess, AccessAnswer>>(_ => this);
        services.AddTransient<IRequestHandler<FilterViewable, IReadOnlyList<SecuredRef>>>(_ => this);
        services.AddTransient<IRequestHandler<RegisterSecuredObject, Unit>>(_ => this);
        services.AddTransient<IRequestHandler<GrantAssigneeAccess, Unit>>(_ => this);
    }

    public Task<UserProfile?> Handle(GetUserProfile request, CancellationToken cancellationToken) => Task.FromResult(Users.GetValueOrDefault(request.UserId));

    public Task<IReadOnlyList<string>> Handle(GetTeamMembers request, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<AccessAnswer> Handle(CheckAccess request, CancellationToken cancellationToken)
    {
        var held = Held.GetValueOrDefault(request.UserId, Permission.View);
        var needed = request.Check.Action == AccessAction.View ? Permission.View : Permission.Contribute;
        return Task.FromResult(new AccessAnswer(held >= needed, held, $"holds {held}"));
    }

    public Task<IReadOnlyList<SecuredRef>> Handle(FilterViewable request, CancellationToken cancellationToken) => Task.FromResult(request.Objects);

    public Task<Unit> Handle(RegisterSecuredObject request, CancellationToken cancellationToken) => Unit.Task;

    public Task<Unit> Handle(GrantAssigneeAccess request, CancellationToken cancellationToken) => Unit.Task;
}

/// <summary>Whole hosts with hundreds of jobs: run alone, so the client's timing tests beside them are not starved.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConnectorHostCollection
{
    public const string Name = "connector hosts";
}
