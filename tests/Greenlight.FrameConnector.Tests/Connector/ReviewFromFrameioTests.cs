using System.Net;
using System.Net.Http.Json;
using Greenlight.Modules.FrameConnector.Inbound;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Review.Approvals;
using Greenlight.Modules.Review.Contracts;
using Greenlight.Modules.Review.Listing;
using Greenlight.Modules.Review.Templates;
using Greenlight.Modules.Work.Contracts;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>
/// From the fake Frame.io into the real Review, Work and Access modules, through the HTTP API: assets sent for review
/// with a template, comments, task status, repeated and oversized actions.
/// </summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class ReviewFromFrameioTests : IAsyncLifetime
{
    private const string Token = "fio-token-review-5120";
    private ConnectorHost _host = null!;

    public async Task InitializeAsync() => _host = await ConnectorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_template_applied_to_assets_sent_from_frameio_starts_their_approval_and_frameio_comments_join_the_feed()
    {
        var (frameio, admin) = (_host.Frameio, _host.Admin);
        var seed = await _host.ConnectDefaultAsync(Token);
        var webhook = Assert.Single(frameio.Snapshot().Webhooks);
        var aliceId = await _host.AddUserAsync("alice", frameio: true, frameioAccount: seed.Accounts[0].AccountId);
        using var approver = await _host.Host.SignInNewUserAsync("dana");
        var project = await (await admin.PostAsJsonAsync("/api/v1/projects", new { name = "Autumn campaign" })).ReadSuccessAsync<ProjectView>();
        await _host.ShareProjectAsync(project.Id, aliceId, "Manage");
        // Review refuses an approver who cannot view the documents: the template's approver may view the project.
        await _host.ShareProjectAsync(project.Id, approver.Id, "View");
        var task = await _host.CreateTaskAsync(project.Id, "Grade", aliceId);
        await (await admin.PutAsJsonAsync($"/api/v1/projects/{project.Id}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>();
        var sync = await Eventually.MatchesAsync(() => admin.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{project.Id}"),
            s => s.Mirror.PendingSteps.Count == 0 && s.Mirror.Members.Count == 1, TimeSpan.FromSeconds(20), "the mirror is complete");
        var (mirrored, alice, folder) = (Assert.Single(frameio.Snapshot().Projects).Id, sync.Mirror.Members[aliceId], sync.Mirror.TaskFolders[task.Id]);
        var template = await (await admin.PostAsJsonAsync("/api/v1/approval-templates", new
        {
            name = "Colour",
            message = "Final grade",
            stages = new[] { new { name = "Producer", participants = new[] { new { kind = "User", id = approver.Id, role = "Approver" } }, onlyOneDecision = false, dueInWorkdays = 2 } },
        })).ReadSuccessAsync<TemplateView>();

        // Alice moves her task along from its Frame.io folder, with the action's form.
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendActionAsync(webhook.Id, "folder", [folder], mirrored, alice, new Dictionary<string, string> { ["status"] = "in_progress" }));
        await Eventually.HoldsAsync(async () => (await admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{project.Id}/tasks/{task.Id}")).Status == WorkTaskStatus.InProgress,
            "the task is in progress here");

        // She sends two finished assets with the template: two documents here, under one approval from Frame.io.
        var creative = new FrameioClient(new HttpClient(), new FrameioCredentials(Token, false), new FrameioClientOptions { BaseUrl = frameio.BaseUrl });
        var account = seed.Accounts[0].AccountId;
        var hero = await creative.UploadLocalFileAsync(account, folder, "hero.png", new MemoryStream(new byte[10]), 10);
        var cut = await creative.UploadLocalFileAsync(account, folder, "cut.mov", new MemoryStream(new byte[20]), 20);
        var withTemplate = new Dictionary<string, string> { [InboundEventHandler.TemplateField] = template.Id };
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendActionAsync(webhook.Id, "file", [hero.Id, cut.Id], mirrored, alice, withTemplate));
        var waiting = await Eventually.MatchesAsync(() => approver.Client.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals"),
            items => items.Count == 1, TimeSpan.FromSeconds(15), "the approval waits for the template's approver");
        var approval = await admin.GetSuccessAsync<ApprovalView>($"/api/v1/approvals/{waiting[0].ApprovalId}");
        Assert.Equal((EventSource.Frameio, true, "Final grade", 2, aliceId), (approval.Source, approval.StoredInFrameio, approval.Message, approval.DocumentIds.Count, approval.CreatedBy));
        var documents = await admin.GetSuccessAsync<Page<WorkObjectSummary>>($"/api/v1/projects/{project.Id}/documents");
        var heroDocument = Assert.Single(documents.Items, d => d.Name == "hero.png").Id;
        Assert.Contains(heroDocument, approval.DocumentIds);

        // Comments in Frame.io: the public one joins the document's feed once, the private (team only) one never.
        var note = await creative.CreateCommentAsync(account, hero.Id, "Team only: check the licence", isPrivate: true);
        var comment = await creative.CreateCommentAsync(account, hero.Id, "Warmer in the highlights");
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendWebhookAsync(webhook.Id, "comment.created", "comment", note.Id, mirrored, alice));
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendWebhookAsync(webhook.Id, "comment.created", "comment", comment.Id, mirrored, alice));
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendWebhookAsync(webhook.Id, "comment.created", "comment", comment.Id, mirrored, alice));

        // The same selection sent again (a new interaction, so not a byte-identical delivery) changes nothing.
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendActionAsync(webhook.Id, "file", [cut.Id, hero.Id], mirrored, alice, withTemplate));

        // More than ten assets at a time: refused whole, before anything is queued.
        var eleven = Enumerable.Range(0, WebhookInbox.MaxAssetsPerAction + 1).Select(i => $"file-{i}").ToList();
        Assert.Equal(HttpStatusCode.BadRequest, await frameio.SendActionAsync(webhook.Id, "file", eleven, mirrored, alice, withTemplate));

        // Bob was never added by the connector (someone added him in Frame.io), but he is in the Frame.io account under his
        // e-mail here: found by that lookup.
        var bobId = await _host.AddUserAsync("bob", frameio: false, frameioAccount: account);
        await _host.ShareProjectAsync(project.Id, bobId, "View");
        var frameioBob = Assert.Single(await creative.ListAccountUsersAsync(account).ToListAsync(), u => u.User.Email == AccessUsers.EmailOf("bob")).User.Id!;
        await creative.SetProjectUserRoleAsync(account, mirrored, frameioBob, FrameioProjectRole.Commenter);
        frameio.GiveToken(frameioBob, "fio-token-of-bob");
        var asBob = new FrameioClient(new HttpClient(), new FrameioCredentials("fio-token-of-bob", false), new FrameioClientOptions { BaseUrl = frameio.BaseUrl });
        var bobsComment = await asBob.CreateCommentAsync(account, hero.Id, "Lovely");
        Assert.Equal(HttpStatusCode.Accepted, await frameio.SendWebhookAsync(webhook.Id, "comment.created", "comment", bobsComment.Id, mirrored, frameioBob));

        var feedRoute = $"/api/v1/projects/{project.Id}/documents/{heroDocument}/approval-events";
        await _host.InboundProcessedAsync();
        var feed = await admin.GetSuccessAsync<List<EventView>>(feedRoute);
        var fromFrameio = Assert.Single(feed, e => e is { Event: "Comment", Detail: "Warmer in the highlights" });
        // The comment was made by the connection's token user, a Frame.io identity nobody here has.
        Assert.Equal(($"frameio:{seed.UserId}", EventSource.Frameio), (fromFrameio.Actor, fromFrameio.Source));
        Assert.Equal(bobId, Assert.Single(feed, e => e is { Event: "Comment", Detail: "Lovely" }).Actor);
        Assert.DoesNotContain(feed, e => e.Detail?.Contains("Team only", StringComparison.Ordinal) == true);
        Assert.Single(feed, e => e.Event == "SentForReview");
        Assert.Single(feed, e => e.Event == "Created");
        Assert.Single(await approver.Client.GetSuccessAsync<List<WaitingItem>>("/api/v1/me/approvals"));
        documents = await admin.GetSuccessAsync<Page<WorkObjectSummary>>($"/api/v1/projects/{project.Id}/documents");
        Assert.Equal(2, documents.Items.Count);
    }
}
