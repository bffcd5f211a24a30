using System.Net;

namespace Greenlight.FrameConnector.Tests.Client;

public sealed class FrameioClientTests : FrameioTestBase
{
    [Fact]
    public async Task The_token_user_and_both_of_their_accounts_are_read()
    {
        var me = await Client.GetMeAsync();
        var accounts = await Client.ListAccountsAsync().ToListAsync();

        Assert.Equal(Harness.Seed.UserId, me.Id);
        Assert.Equal(Harness.Seed.Accounts.Select(a => a.AccountId), accounts.Select(a => a.Id));
        Assert.All(accounts, a => Assert.False(string.IsNullOrEmpty(a.DisplayName)));
    }

    [Fact]
    public async Task Workspaces_and_projects_are_created_listed_read_and_renamed()
    {
        var workspace = await Client.CreateWorkspaceAsync(Harness.AccountId, "Agency work");
        var project = await Client.CreateProjectAsync(Harness.AccountId, workspace.Id, "Launch film");
        await Client.RenameProjectAsync(Harness.AccountId, project.Id, "Launch film (final)");

        Assert.Contains(workspace, await Client.ListWorkspacesAsync(Harness.AccountId).ToListAsync());
        Assert.Equal([project.Id], (await Client.ListProjectsAsync(Harness.AccountId, workspace.Id).ToListAsync()).Select(p => p.Id));
        var read = await Client.GetProjectAsync(Harness.AccountId, project.Id);
        Assert.Equal("Launch film (final)", read.Name);
        Assert.Equal(project.RootFolderId, read.RootFolderId);
        Assert.Equal(workspace.Id, read.WorkspaceId);
    }

    [Fact]
    public async Task Folder_children_are_read_across_pages()
    {
        var project = await Harness.NewProjectAsync(Client);
        Harness.Fake.AddSubfolders(project.RootFolderId, 130);
        var created = await Client.CreateFolderAsync(Harness.AccountId, project.RootFolderId, "Task 12: storyboard");

        var children = await Client.ListFolderChildrenAsync(Harness.AccountId, project.RootFolderId).ToListAsync();

        Assert.Equal(131, children.Count);
        Assert.Equal(131, children.Select(c => c.Id).Distinct().Count());
        Assert.Contains(children, c => c.Id == created.Id && c.Type == "folder" && c.ParentId == project.RootFolderId);
        Assert.Equal(2, Harness.Fake.CountRequests("GET", FakeFrameioRoutes.Children));
    }

    [Fact]
    public async Task A_local_upload_puts_every_part_and_the_fake_reassembles_the_exact_bytes()
    {
        Harness.Fake.UploadPartSize = 1000;
        var project = await Harness.NewProjectAsync(Client);
        var bytes = new byte[3500];
        new Random(7).NextBytes(bytes);

        var file = await Client.UploadLocalFileAsync(Harness.AccountId, project.RootFolderId, "cut-v1.mp4", new MemoryStream(bytes), bytes.Length);

        Assert.Equal(4, file.UploadUrls!.Count);
        Assert.Equal(bytes, Harness.Fake.UploadedBytes(file.Id));
        var puts = Harness.Fake.Requests.Where(r => r.Template == FakeFrameioRoutes.UploadPart).ToList();
        Assert.Equal(4, puts.Count);
        Assert.All(puts, put =>
        {
            Assert.Equal("video/mp4", put.Headers["Content-Type"]);
            Assert.Equal("private", put.Headers["x-amz-acl"]);
            Assert.False(put.Headers.ContainsKey("Authorization"), "the token must not go to the storage address");
        });
        var read = await Client.GetFileAsync(Harness.AccountId, file.Id);
        Assert.Equal(("uploaded", 3500L, "video/mp4"), (read.Status, read.FileSize, read.MediaType));
    }

    [Fact]
    public async Task Files_are_stacked_as_versions_and_commented()
    {
        var project = await Harness.NewProjectAsync(Client);
        var first = await Client.UploadLocalFileAsync(Harness.AccountId, project.RootFolderId, "cut-v1.mp4", new MemoryStream(new byte[8]), 8);
        var second = await Client.UploadLocalFileAsync(Harness.AccountId, project.RootFolderId, "cut-v2.mp4", new MemoryStream(new byte[9]), 9);

        var stack = await Client.CreateVersionStackAsync(Harness.AccountId, project.RootFolderId, [first.Id, second.Id]);
        var comment = await Client.CreateCommentAsync(Harness.AccountId, second.Id, "Tighten the opening", timestamp: 24);

        var children = await Client.ListFolderChildrenAsync(Harness.AccountId, project.RootFolderId).ToListAsync();
        Assert.Equal([(stack.Id, "version_stack")], children.Select(c => (c.Id, c.Type)));
        Assert.Equal([comment], await Client.ListCommentsAsync(Harness.AccountId, second.Id).ToListAsync());
        Assert.Equal(("Tighten the opening", 24, second.Id), (comment.Text, comment.Timestamp, comment.CommentedFileId));
        Assert.Equal(Harness.Seed.UserId, (await Client.GetCommentAsync(Harness.AccountId, comment.Id)).OwnerUserId);
    }

    [Fact]
    public async Task An_account_user_found_by_email_is_added_to_a_project_re_permissioned_and_removed()
    {
        var project = await Harness.NewProjectAsync(Client);
        var colleague = Harness.Fake.AddAccountMember(Harness.AccountId, "editor@example.com");

        var found = Assert.Single(await Client.ListAccountUsersAsync(Harness.AccountId).ToListAsync(), u => u.User.Email == "editor@example.com");
        await Client.SetProjectUserRoleAsync(Harness.AccountId, project.Id, found.User.Id!, FrameioProjectRole.EditOnly);
        Assert.Equal("edit_only", Harness.Fake.ProjectUserRole(project.Id, colleague));
        await Client.SetProjectUserRoleAsync(Harness.AccountId, project.Id, colleague, FrameioProjectRole.Commenter);
        Assert.Equal("commenter", Harness.Fake.ProjectUserRole(project.Id, colleague));
        await Client.RemoveProjectUserAsync(Harness.AccountId, project.Id, colleague);

        Assert.Equal(("member", colleague), (found.Role, found.User.Id));
        Assert.Null(Harness.Fake.ProjectUserRole(project.Id, colleague));
        Assert.True(Harness.Fake.IsAccountMember(Harness.AccountId, colleague));
    }

    [Fact]
    public async Task Only_users_of_the_account_can_be_added_to_its_projects()
    {
        var project = await Harness.NewProjectAsync(Client);
        var outsider = Harness.Fake.AddTokenUser("fio-token-elsewhere", "outsider@example.com").UserId;

        var refused = await Assert.ThrowsAsync<FrameioApiException>(() => Client.SetProjectUserRoleAsync(Harness.AccountId, project.Id, outsider, FrameioProjectRole.Editor));

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Null(Harness.Fake.ProjectUserRole(project.Id, outsider));
    }

    [Fact]
    public async Task A_webhook_is_created_with_its_secret_listed_and_deleted()
    {
        var created = await Client.CreateWebhookAsync(Harness.AccountId, Harness.WorkspaceId, "Greenlight", new Uri("http://127.0.0.1:9/hooks"), ["file.created"]);

        Assert.False(string.IsNullOrEmpty(created.Secret));
        var listed = Assert.Single(await Client.ListWebhooksAsync(Harness.AccountId, Harness.WorkspaceId).ToListAsync());
        Assert.Equal((created.Webhook.Id, created.Webhook.Url), (listed.Id, listed.Url));
        Assert.Equal(["file.created"], listed.Events);
        await Client.DeleteWebhookAsync(Harness.AccountId, Harness.WorkspaceId, created.Webhook.Id);
        Assert.Empty(await Client.ListWebhooksAsync(Harness.AccountId, Harness.WorkspaceId).ToListAsync());
    }

    [Fact]
    public async Task An_invalid_body_fails_with_Frame_io_s_error_and_its_pointer()
    {
        var failure = await Assert.ThrowsAsync<FrameioApiException>(() => Client.CreateProjectAsync(Harness.AccountId, Harness.WorkspaceId, ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, failure.Status);
        Assert.Equal("/data/name", Assert.Single(failure.Errors).Pointer);
        Assert.Contains("/data/name", failure.Message);
    }

    [Fact]
    public async Task A_missing_resource_and_an_unknown_token_fail_with_their_status()
    {
        var missing = await Assert.ThrowsAsync<FrameioApiException>(() => Client.GetFileAsync(Harness.AccountId, "file-404"));
        var stranger = Harness.Client(credentials: new FrameioCredentials("not-a-known-token", isLegacyDeveloperToken: false));
        var unauthorized = await Assert.ThrowsAsync<FrameioApiException>(() => stranger.GetMeAsync());

        Assert.Equal((HttpStatusCode.NotFound, "Not Found"), (missing.Status, missing.Errors[0].Title));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.Status);
    }

    [Fact]
    public async Task A_legacy_developer_token_is_sent_with_the_legacy_header()
    {
        var legacy = Harness.Fake.AddTokenUser("legacy-dev-token", "legacy@example.com", legacyToken: true);
        var client = Harness.Client(credentials: new FrameioCredentials(legacy.Token, isLegacyDeveloperToken: true));
        var withoutHeader = Harness.Client(credentials: new FrameioCredentials(legacy.Token, isLegacyDeveloperToken: false));

        Assert.Equal(legacy.UserId, (await client.GetMeAsync()).Id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<FrameioApiException>(() => withoutHeader.GetMeAsync())).Status);
    }

    [Fact]
    public async Task The_assumed_calls_invite_by_email_and_remove_from_the_account_where_a_fake_speaks_them()
    {
        Harness.Fake.AssumedCalls = true;
        var assumed = Harness.AssumedCalls();
        var project = await Harness.NewProjectAsync(Client);

        // Someone Frame.io does not know is only invited: no user id until they accept.
        var invited = await assumed.InviteProjectMemberAsync(Harness.AccountId, project.Id, "new.creative@example.com", FrameioProjectRole.Viewer);
        Assert.Equal((null, "viewer"), (invited.UserId, invited.Role));
        var pending = Assert.Single(await Client.ListAccountUsersAsync(Harness.AccountId).ToListAsync(), u => u.User.Email == "new.creative@example.com");
        Assert.Null(pending.User.Id);

        var joined = Harness.Fake.AcceptInvite(Harness.AccountId, "new.creative@example.com");
        Assert.Equal("viewer", Harness.Fake.ProjectUserRole(project.Id, joined));
        Assert.Contains(await Client.ListAccountUsersAsync(Harness.AccountId).ToListAsync(), u => u.User.Id == joined);
        await Client.RemoveProjectUserAsync(Harness.AccountId, project.Id, joined);
        await assumed.RemoveUserFromAccountAsync(Harness.AccountId, joined);

        Assert.Null(Harness.Fake.ProjectUserRole(project.Id, joined));
        Assert.False(Harness.Fake.IsAccountMember(Harness.AccountId, joined));
    }

    [Fact]
    public async Task By_default_the_fake_answers_the_assumed_calls_as_Frame_io_does_unknown_routes()
    {
        var assumed = Harness.AssumedCalls();
        var project = await Harness.NewProjectAsync(Client);

        var invite = await Assert.ThrowsAsync<FrameioApiException>(() => assumed.InviteProjectMemberAsync(Harness.AccountId, project.Id, "new.creative@example.com", FrameioProjectRole.Viewer));
        var removal = await Assert.ThrowsAsync<FrameioApiException>(() => assumed.RemoveUserFromAccountAsync(Harness.AccountId, Harness.Seed.UserId));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (invite.Status, removal.Status));
        Assert.True(Harness.Fake.IsAccountMember(Harness.AccountId, Harness.Seed.UserId));
        Assert.DoesNotContain(await Client.ListAccountUsersAsync(Harness.AccountId).ToListAsync(), u => u.User.Email == "new.creative@example.com");
    }
}
