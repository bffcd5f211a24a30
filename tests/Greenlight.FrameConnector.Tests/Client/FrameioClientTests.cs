using System.Net;
using Greenlight.FrameConnector.Tests.Support;
using Greenlight.Modules.FrameConnector.FrameioApi;
using Greenlight.Testing.Frameio;

namespace Greenlight.FrameConnector.Tests.Client;

public sealed class FrameioClientTests : IAsyncLifetime
{
    private FrameioHarness _harness = null!;
    private FrameioClient _client = null!;

    public async Task InitializeAsync()
    {
        _harness = await FrameioHarness.StartAsync();
        _client = _harness.Client();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_token_user_and_both_of_their_accounts_are_read()
    {
        var me = await _client.GetMeAsync();
        var accounts = await _client.ListAccountsAsync().ToListAsync();

        Assert.Equal(_harness.Seed.UserId, me.Id);
        Assert.Equal(_harness.Seed.Accounts.Select(a => a.AccountId), accounts.Select(a => a.Id));
        Assert.All(accounts, a => Assert.False(string.IsNullOrEmpty(a.DisplayName)));
    }

    [Fact]
    public async Task Workspaces_and_projects_are_created_listed_read_and_renamed()
    {
        var workspace = await _client.CreateWorkspaceAsync(_harness.AccountId, "Agency work");
        var project = await _client.CreateProjectAsync(_harness.AccountId, workspace.Id, "Launch film");
        await _client.RenameProjectAsync(_harness.AccountId, project.Id, "Launch film (final)");

        Assert.Contains(workspace, await _client.ListWorkspacesAsync(_harness.AccountId).ToListAsync());
        Assert.Equal([project.Id], (await _client.ListProjectsAsync(_harness.AccountId, workspace.Id).ToListAsync()).Select(p => p.Id));
        var read = await _client.GetProjectAsync(_harness.AccountId, project.Id);
        Assert.Equal("Launch film (final)", read.Name);
        Assert.Equal(project.RootFolderId, read.RootFolderId);
        Assert.Equal(workspace.Id, read.WorkspaceId);
    }

    [Fact]
    public async Task Folder_children_are_read_across_pages()
    {
        var project = await _harness.NewProjectAsync(_client);
        _harness.Fake.AddSubfolders(project.RootFolderId, 130);
        var created = await _client.CreateFolderAsync(_harness.AccountId, project.RootFolderId, "Task 12: storyboard");

        var children = await _client.ListFolderChildrenAsync(_harness.AccountId, project.RootFolderId).ToListAsync();

        Assert.Equal(131, children.Count);
        Assert.Equal(131, children.Select(c => c.Id).Distinct().Count());
        Assert.Contains(children, c => c.Id == created.Id && c.Type == "folder" && c.ParentId == project.RootFolderId);
        Assert.Equal(2, _harness.Fake.CountRequests("GET", FakeFrameioRoutes.Children));
    }

    [Fact]
    public async Task A_local_upload_puts_every_part_and_the_fake_reassembles_the_exact_bytes()
    {
        _harness.Fake.UploadPartSize = 1000;
        var project = await _harness.NewProjectAsync(_client);
        var bytes = new byte[3500];
        new Random(7).NextBytes(bytes);

        var file = await _client.UploadLocalFileAsync(_harness.AccountId, project.RootFolderId, "cut-v1.mp4", new MemoryStream(bytes), bytes.Length);

        Assert.Equal(4, file.UploadUrls!.Count);
        Assert.Equal(bytes, _harness.Fake.UploadedBytes(file.Id));
        var puts = _harness.Fake.Requests.Where(r => r.Template == FakeFrameioRoutes.UploadPart).ToList();
        Assert.Equal(4, puts.Count);
        Assert.All(puts, put =>
        {
            Assert.Equal("video/mp4", put.Headers["Content-Type"]);
            Assert.Equal("private", put.Headers["x-amz-acl"]);
            Assert.False(put.Headers.ContainsKey("Authorization"), "the token must not go to the storage address");
        });
        var read = await _client.GetFileAsync(_harness.AccountId, file.Id);
        Assert.Equal(("uploaded", 3500L, "video/mp4"), (read.Status, read.FileSize, read.MediaType));
    }

    [Fact]
    public async Task Files_are_stacked_as_versions_and_commented()
    {
        var project = await _harness.NewProjectAsync(_client);
        var first = await _client.UploadLocalFileAsync(_harness.AccountId, project.RootFolderId, "cut-v1.mp4", new MemoryStream(new byte[8]), 8);
        var second = await _client.UploadLocalFileAsync(_harness.AccountId, project.RootFolderId, "cut-v2.mp4", new MemoryStream(new byte[9]), 9);

        var stack = await _client.CreateVersionStackAsync(_harness.AccountId, project.RootFolderId, [first.Id, second.Id]);
        var comment = await _client.CreateCommentAsync(_harness.AccountId, second.Id, "Tighten the opening", timestamp: 24);

        var children = await _client.ListFolderChildrenAsync(_harness.AccountId, project.RootFolderId).ToListAsync();
        Assert.Equal([(stack.Id, "version_stack")], children.Select(c => (c.Id, c.Type)));
        Assert.Equal([comment], await _client.ListCommentsAsync(_harness.AccountId, second.Id).ToListAsync());
        Assert.Equal(("Tighten the opening", 24, second.Id), (comment.Text, comment.Timestamp, comment.FileId));
    }

    [Fact]
    public async Task A_project_user_is_added_and_re_permissioned()
    {
        var project = await _harness.NewProjectAsync(_client);
        var colleague = _harness.Fake.AddAccountMember(_harness.AccountId, "editor@example.com");

        await _client.SetProjectUserRoleAsync(_harness.AccountId, project.Id, colleague, FrameioProjectRole.EditOnly);
        Assert.Equal("edit_only", _harness.Fake.ProjectUserRole(project.Id, colleague));
        var changed = await _client.SetProjectUserRoleAsync(_harness.AccountId, project.Id, colleague, FrameioProjectRole.Commenter);

        Assert.Equal(new FrameioProjectUser(colleague, "commenter"), changed);
        Assert.Equal("commenter", _harness.Fake.ProjectUserRole(project.Id, colleague));
    }

    [Fact]
    public async Task A_webhook_is_created_with_its_secret_listed_and_deleted()
    {
        var created = await _client.CreateWebhookAsync(_harness.AccountId, _harness.WorkspaceId, "Greenlight", new Uri("http://127.0.0.1:9/hooks"), ["file.created"]);

        Assert.False(string.IsNullOrEmpty(created.Secret));
        var listed = Assert.Single(await _client.ListWebhooksAsync(_harness.AccountId, _harness.WorkspaceId).ToListAsync());
        Assert.Equal((created.Webhook.Id, created.Webhook.Url), (listed.Id, listed.Url));
        Assert.Equal(["file.created"], listed.Events);
        await _client.DeleteWebhookAsync(_harness.AccountId, _harness.WorkspaceId, created.Webhook.Id);
        Assert.Empty(await _client.ListWebhooksAsync(_harness.AccountId, _harness.WorkspaceId).ToListAsync());
    }

    [Fact]
    public async Task An_invalid_body_fails_with_Frame_io_s_error_and_its_pointer()
    {
        var failure = await Assert.ThrowsAsync<FrameioApiException>(() => _client.CreateProjectAsync(_harness.AccountId, _harness.WorkspaceId, ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, failure.Status);
        Assert.Equal("/data/name", Assert.Single(failure.Errors).Pointer);
        Assert.Contains("/data/name", failure.Message);
    }

    [Fact]
    public async Task A_missing_resource_and_an_unknown_token_fail_with_their_status()
    {
        var missing = await Assert.ThrowsAsync<FrameioApiException>(() => _client.GetFileAsync(_harness.AccountId, "file-404"));
        var stranger = _harness.Client(credentials: new FrameioCredentials("not-a-known-token", isLegacyDeveloperToken: false));
        var unauthorized = await Assert.ThrowsAsync<FrameioApiException>(() => stranger.GetMeAsync());

        Assert.Equal((HttpStatusCode.NotFound, "Not Found"), (missing.Status, missing.Errors[0].Title));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Status);
    }

    [Fact]
    public async Task A_legacy_developer_token_is_sent_with_the_legacy_header()
    {
        var legacy = _harness.Fake.AddTokenUser("legacy-dev-token", "legacy@example.com", legacyToken: true);
        var client = _harness.Client(credentials: new FrameioCredentials(legacy.Token, isLegacyDeveloperToken: true));
        var withoutHeader = _harness.Client(credentials: new FrameioCredentials(legacy.Token, isLegacyDeveloperToken: false));

        Assert.Equal(legacy.UserId, (await client.GetMeAsync()).Id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<FrameioApiException>(() => withoutHeader.GetMeAsync())).Status);
    }

    [Fact]
    public async Task The_assumed_calls_add_by_email_list_and_remove_members()
    {
        var assumed = _harness.AssumedCalls();
        var project = await _harness.NewProjectAsync(_client);

        var added = await assumed.AddProjectMemberByEmailAsync(_harness.AccountId, project.Id, "new.creative@example.com", FrameioProjectRole.Viewer);
        var members = await assumed.ListAccountUsersAsync(_harness.AccountId).ToListAsync();
        await assumed.RemoveProjectUserAsync(_harness.AccountId, project.Id, added.UserId);
        await assumed.RemoveUserFromAccountAsync(_harness.AccountId, added.UserId);

        Assert.Equal("viewer", added.Role);
        Assert.Contains(members, m => m.Id == added.UserId && m.Email == "new.creative@example.com");
        Assert.Null(_harness.Fake.ProjectUserRole(project.Id, added.UserId));
        Assert.False(_harness.Fake.IsAccountMember(_harness.AccountId, added.UserId));
    }
}
