using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Greenlight.Modules.FrameConnector.Connections;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Work.Contracts;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>Through the HTTP API against the fake Frame.io: connect, mirror a project, act from Frame.io.</summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class ConnectorEndToEndTests : IAsyncLifetime
{
    private const string Token = "fio-token-group-7781";
    private ConnectorHost _host = null!;

    public async Task InitializeAsync() => _host = await ConnectorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_group_account_mirrors_a_current_project_and_frameio_acts_back()
    {
        var (frameio, admin) = (_host.Frameio, _host.Admin);
        var seed = frameio.AddTokenUser(Token);
        var chosen = seed.Accounts[1];
        // Alice and Carol work in the chosen Frame.io account already: the mirror finds them there by e-mail.
        var aliceId = await _host.AddUserAsync("alice", frameio: true, frameioAccount: chosen.AccountId);
        var carolId = await _host.AddUserAsync("carol", frameio: true, level: "light", frameioAccount: chosen.AccountId); // may view projects and tasks, no more
        var bobId = await _host.AddUserAsync("bob", frameio: false);
        var group = await _host.AddGroupAsync("Agency");

        // Connect the group: two accounts, so the connection waits for the choice.
        var pending = await (await admin.PutAsJsonAsync($"/api/v1/frameio/connections/groups/{group}", new { token = Token })).ReadSuccessAsync<JsonElement>();
        Assert.Equal("AwaitingAccountChoice", pending.GetProperty("status").GetString());
        Assert.Equal("…7781", pending.GetProperty("tokenLastFour").GetString());
        Assert.DoesNotContain(Token, pending.GetRawText());
        var accounts = await admin.GetSuccessAsync<List<JsonElement>>($"/api/v1/frameio/connections/groups/{group}/accounts");
        Assert.Equal(2, accounts.Count);
        var connected = await (await admin.PutAsJsonAsync($"/api/v1/frameio/connections/groups/{group}/account", new { accountId = chosen.AccountId })).ReadSuccessAsync<ConnectionView>();
        Assert.Equal(ConnectionStatus.Connected, connected.Status);
        Assert.True(connected.WebhookRegistered);
        var webhook = Assert.Single(frameio.Snapshot().Webhooks);
        Assert.Equal(chosen.WorkspaceId, webhook.WorkspaceId);

        // A project of the group, with tasks assigned and a document to share, then set Current.
        var project = await (await admin.PostAsJsonAsync("/api/v1/projects", new { name = "Spring campaign", groupId = group })).ReadSuccessAsync<ProjectView>();
        await _host.ShareProjectAsync(project.Id, aliceId, "Contribute"); // carol holds no more than her task's grant on the project
        var storyboard = await _host.CreateTaskAsync(project.Id, "Storyboard", aliceId);
        var review = await _host.CreateTaskAsync(project.Id, "Review cut", carolId);
        await _host.CreateTaskAsync(project.Id, "Copy", bobId);
        var share = await (await admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/folders", new { name = "Share with Frame.io" })).ReadSuccessAsync<FolderView>();
        var brief = Encoding.UTF8.GetBytes("the brief");
        using (var content = new ByteArrayContent(brief))
        {
            content.Headers.ContentType = new("text/plain");
            await (await admin.PostAsync($"/api/v1/projects/{project.Id}/documents?name=brief.txt&folderId={share.Id}", content)).ReadSuccessAsync<DocumentView>();
        }
        await (await admin.PutAsJsonAsync($"/api/v1/projects/{project.Id}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>();

        var sync = await Eventually.MatchesAsync(() => admin.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{project.Id}"),
            s => s.Mirror.PendingSteps.Count == 0 && s.Mirror.Uploads.Count == 1 && s.Mirror.Members.Count == 2, TimeSpan.FromSeconds(20), "the mirror is complete");
        Assert.Equal(ConnectionKeys.For(group), sync.ConnectionKey);
        Assert.Equal(share.Id, sync.Mirror.ProjectShareFolderId); // the folder made by hand is the one the mirror takes
        Assert.Contains($"group '{group}'", sync.Reason);

        // The fake holds exactly the project, its folders, members and upload.
        var mirrored = Assert.Single(frameio.Snapshot().Projects);
        Assert.Equal(("Spring campaign", chosen.AccountId), (mirrored.Name, mirrored.AccountId));
        var folders = mirrored.Assets.Where(a => a.Type == "folder" && a.ParentId == mirrored.RootFolderId).Select(a => a.Name).Order().ToList();
        Assert.Equal(["Review cut", "Share with Frame.io", "Storyboard"], folders);
        // Alice may Contribute to the project: editor. Carol holds only her task's grant: edit_only, so she can deliver into its folder.
        Assert.Equal(["edit_only", "editor"], mirrored.UserRoles.Values.Order().ToList());
        var upload = Assert.Single(mirrored.Assets, a => a.Type == "file");
        Assert.Equal("brief.txt", upload.Name);
        Assert.Equal(brief, frameio.UploadedBytes(upload.Id));

        // From Frame.io: alice completes her task from its folder; carol (View only) may not complete hers.
        var alice = sync.Mirror.Members[aliceId];
        var carol = sync.Mirror.Members[carolId];
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendWebhookAsync(webhook.Id, "action.executed", "folder", sync.Mirror.TaskFolders[storyboard.Id], mirrored.Id, alice));
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendWebhookAsync(webhook.Id, "action.executed", "folder", sync.Mirror.TaskFolders[review.Id], mirrored.Id, carol));
        await Eventually.HoldsAsync(async () => (await admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{project.Id}/tasks/{storyboard.Id}")).Status == WorkTaskStatus.Complete,
            "the task is complete here");
        Assert.Equal(WorkTaskStatus.New, (await admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{project.Id}/tasks/{review.Id}")).Status);

        // Alice sends a finished asset from her task folder: it becomes a document here, linked to the Frame.io file.
        var creative = new FrameioClient(new HttpClient(), new FrameioCredentials(Token, false), new FrameioClientOptions { BaseUrl = frameio.BaseUrl });
        var asset = await creative.UploadLocalFileAsync(chosen.AccountId, sync.Mirror.TaskFolders[storyboard.Id], "hero.png", new MemoryStream(new byte[10]), 10);
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendWebhookAsync(webhook.Id, "action.executed", "file", asset.Id, mirrored.Id, alice));
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendWebhookAsync(webhook.Id, "action.executed", "file", asset.Id, mirrored.Id, alice));
        var documents = await Eventually.MatchesAsync(() => admin.GetSuccessAsync<Page<WorkObjectSummary>>($"/api/v1/projects/{project.Id}/documents"),
            page => page.Items.Any(d => d.Name == "hero.png"), TimeSpan.FromSeconds(10), "the asset is a document here");
        var hero = Assert.Single(documents.Items, d => d.Name == "hero.png");
        Assert.Equal(storyboard.Id, (await admin.GetSuccessAsync<DocumentView>($"/api/v1/projects/{project.Id}/documents/{hero.Id}")).TaskId);
        Assert.Single(frameio.Snapshot().Projects);

        // Each Frame.io-enabled user is told once that work is assigned: the project, then their task's folder; bob is not flagged.
        Assert.Equal(["Work assigned: project Spring campaign is in Frame.io", "Work assigned: task Storyboard is in Frame.io"],
            (await _host.EmailsToAsync("alice", 2)).Select(m => m.Subject).Order());
        var carolTask = Assert.Single(await _host.EmailsToAsync("carol", 2), m => m.Subject.Contains("task", StringComparison.Ordinal));
        Assert.Contains("\"Review cut\" of the project \"Spring campaign\"", carolTask.TextBody, StringComparison.Ordinal);
        Assert.Contains("Frame.io", carolTask.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(_host.EmailsTo("bob"));
        Assert.Equal(4, _host.Smtp.Messages.Count);
    }

    [Fact]
    public async Task A_forged_replayed_or_malformed_delivery_is_refused_and_changes_nothing()
    {
        await _host.ConnectDefaultAsync(Token);
        var webhook = Assert.Single(_host.Frameio.Snapshot().Webhooks);

        Assert.Equal(HttpStatusCode.Unauthorized, await _host.Frameio.SendWebhookAsync(webhook.Id, "action.executed", "folder", "f", signedAt: DateTimeOffset.UtcNow.AddMinutes(-6)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(webhook, "{}", signature: "v0=" + new string('0', 64)));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(webhook, "{\"type\":\"action.executed\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(webhook, "not json"));
    }

    private async Task<HttpStatusCode> PostAsync(FakeWebhookSnapshot webhook, string body, string? signature = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        signature ??= "v0=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(webhook.Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Frameio-Request-Timestamp", timestamp);
        request.Headers.Add("X-Frameio-Signature", signature);
        using var response = await _host.Host.Anonymous.SendAsync(request);
        return response.StatusCode;
    }
}
