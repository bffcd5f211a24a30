using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Kernel.Messages;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.FrameConnector.Connections;
using Greenlight.Modules.FrameConnector.Inbound;
using Greenlight.Modules.FrameConnector.Mirror;
using Microsoft.Extensions.DependencyInjection;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing.Smtp;

namespace Greenlight.FrameConnector.Tests.Support;

/// <summary>A host pointed at a fake Frame.io, with the real Access module: users, groups and rights are made through its API.</summary>
public sealed class ConnectorHost : IAsyncDisposable
{
    private ConnectorHost(TestHost host, FakeFrameioServer frameio, SmtpSink smtp) => (Host, Frameio, Smtp) = (host, frameio, smtp);

    public TestHost Host { get; }
    public FakeFrameioServer Frameio { get; }

    /// <summary>The SMTP relay of the host (<c>Email:Host</c>/<c>Email:Port</c>): the emails it sent.</summary>
    public SmtpSink Smtp { get; }
    public HttpClient Admin => Host.Admin;

    /// <param name="settings">Configuration on top of these defaults ("FrameConnector:UseAssumedCalls"…).</param>
    /// <param name="services">Replacements applied after the host's own registrations (a log provider…).</param>
    public static async Task<ConnectorHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var frameio = await FakeFrameioServer.StartAsync();
        var smtp = SmtpSink.Start();
        var all = new Dictionary<string, string?>
        {
            ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString(),
            ["FrameConnector:BaseBackoff"] = "00:00:00.050",
            ["FrameConnector:AttemptTimeout"] = "00:00:10",
            ["FrameConnector:StepRetryDelay"] = "00:00:00.100",
            ["Outbox:BaseRetryDelay"] = "00:00:00.100",
            ["Email:Host"] = smtp.Host,
            ["Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:From"] = "greenlight@example.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new ConnectorHost(await TestHost.StartAsync(all, services), frameio, smtp);
    }

    /// <summary>Connects the organization's default account: a token user of the fake, and the first of their accounts.</summary>
    public async Task<FakeFrameioSeed> ConnectDefaultAsync(string token)
    {
        var seed = Frameio.AddTokenUser(token);
        await (await Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token })).ReadSuccessAsync<ConnectionView>();
        await (await Admin.PutAsJsonAsync("/api/v1/frameio/connections/default/account", new { accountId = seed.Accounts[0].AccountId })).ReadSuccessAsync<ConnectionView>();
        return seed;
    }

    /// <summary>A task of the project, assigned to the user, through the Work API (as <paramref name="client"/>, else the administrator).</summary>
    public async Task<TaskView> CreateTaskAsync(string projectId, string name, string assignee, HttpClient? client = null)
    {
        client ??= Admin;
        var task = await (await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/tasks", new { name })).ReadSuccessAsync<TaskView>();
        var assigned = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/tasks/{task.Id}/assignments", new { kind = "User", assigneeId = assignee });
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        return task;
    }

    /// <summary>A user made through the Access API, flagged for Frame.io or not; <paramref name="level"/> caps what they may do.</summary>
    /// <param name="frameioAccount">A Frame.io account the person already belongs to, with the same e-mail.</param>
    /// <returns>The user's id.</returns>
    public async Task<string> AddUserAsync(string name, bool frameio, string level = "standard", string? frameioAccount = null)
    {
        if (frameioAccount is not null) Frameio.AddAccountMember(frameioAccount, AccessUsers.EmailOf(name));
        return await Admin.CreateUserAsync(name, level, new Dictionary<string, object?> { ["addToFrameioProjects"] = frameio });
    }

    public async Task<string> AddGroupAsync(string name) =>
        (await (await Admin.PostAsJsonAsync("/api/v1/access/groups", new { name })).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;

    /// <summary>Shares the project itself with the user, through the Access API (as <paramref name="client"/>, else the administrator): the permission their Frame.io role maps from.</summary>
    public async Task ShareProjectAsync(string projectId, string userId, string permission, HttpClient? client = null) =>
        await (await (client ?? Admin).PostAsJsonAsync($"/api/v1/access/objects/Project/{projectId}/Project/{projectId}/shares",
            new { granteeKind = "User", granteeId = userId, permission })).ReadSuccessAsync<JsonElement>();

    /// <summary>The project's "Share with Frame.io" folder here, once its mirror made it.</summary>
    public async Task<string> ShareFolderOfAsync(string projectId) =>
        (await Eventually.MatchesAsync(() => Admin.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{projectId}"),
            s => s.Mirror.ProjectShareFolderId is not null, TimeSpan.FromSeconds(20), "the project has its share folder")).Mirror.ProjectShareFolderId!;

    /// <summary>Uploads a document of one byte, <paramref name="value"/>, into the folder, as <paramref name="client"/>.</summary>
    public static async Task<DocumentView> UploadAsync(HttpClient client, string projectId, string? folderId, string name, byte value)
    {
        using var content = new ByteArrayContent([value]);
        content.Headers.ContentType = new("application/octet-stream");
        var folder = folderId is null ? "" : $"&folderId={folderId}";
        return await (await client.PostAsync($"/api/v1/projects/{projectId}/documents?name={name}{folder}", content)).ReadSuccessAsync<DocumentView>();
    }

    /// <summary>What the operator's one view of stuck work lists (the outbox's parked messages and the modules' stuck work).</summary>
    public Task<List<ParkedMessage>> StuckAsync() => Admin.GetSuccessAsync<List<ParkedMessage>>("/api/v1/admin/outbox/parked");

    /// <summary>Waits until the project's sync has nothing pending or parked and the condition holds.</summary>
    public Task<ProjectSyncView> SyncSettledAsync(string projectId, Func<ProjectSyncView, bool> condition) =>
        Eventually.MatchesAsync(() => Admin.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{projectId}"),
            s => s.Mirror.PendingSteps.Count == 0 && s.Mirror.ParkedSteps.Count == 0 && condition(s), TimeSpan.FromSeconds(20), "the sync settled");

    /// <summary>
    /// Waits until the host has nothing left to do: no message on the outbox but parked ones. What a request caused has
    /// then been handled, whatever order the handlers ran in (a sentinel for "it did not happen", never a sleep).
    /// </summary>
    public Task QuietAsync() => Eventually.HoldsAsync(async () =>
    {
        await using var connection = await Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE parked_at IS NULL") == 0;
    }, "the host has nothing left to do", TimeSpan.FromSeconds(30));

    /// <summary>Waits until every accepted Frame.io event has been processed: none is left on the outbox but parked ones.</summary>
    public Task InboundProcessedAsync() => Eventually.HoldsAsync(async () =>
    {
        await using var connection = await Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        await using var command = connection.Command("SELECT COUNT(*) FROM outbox_messages WHERE message_type = @type AND parked_at IS NULL",
            ("@type", MessageCatalog.Name(typeof(FrameioEventReceived))));
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }, "the Frame.io events are processed");

    /// <summary>The emails sent to the user made as <paramref name="name"/>, once there are at least <paramref name="count"/>.</summary>
    public Task<List<ReceivedEmail>> EmailsToAsync(string name, int count) => Eventually.MatchesAsync(
        () => Task.FromResult(EmailsTo(name)), m => m.Count >= count, TimeSpan.FromSeconds(20), $"{count} email(s) to {name}");

    public List<ReceivedEmail> EmailsTo(string name) => [.. Smtp.Messages.Where(m => m.Recipients.Contains(AccessUsers.EmailOf(name)))];

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        await Frameio.DisposeAsync();
    }
}

/// <summary>Whole hosts with hundreds of jobs: run alone, so the client's timing tests beside them are not starved.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConnectorHostCollection
{
    public const string Name = "connector hosts";
}
