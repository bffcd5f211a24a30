using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Greenlight.FrameConnector.Tests.Fake;

/// <summary>
/// The fake holds to what Frame.io documents, so that a client test against it can fail: the documented shapes, the
/// published schemas' closed bodies, the Content-Type, 409 where Frame.io has a conflict, the caller's project role,
/// and no call it does not document unless a test asks for the assumed ones.
/// </summary>
public sealed class FakeFrameioConformanceTests : FrameioTestBase
{
    [Fact]
    public async Task Account_users_are_listed_in_the_documented_shape_a_role_and_a_user()
    {
        Harness.Fake.AddAccountMember(Harness.AccountId, "editor@example.com");

        var page = await SendAsync(HttpMethod.Get, $"accounts/{Harness.AccountId}/users");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var editor = page.Body.GetProperty("data").EnumerateArray().Single(u => u.GetProperty("user").GetProperty("email").GetString() == "editor@example.com");
        Assert.Equal("member", editor.GetProperty("role").GetString());
        Assert.False(editor.TryGetProperty("email", out _)); // not flat
        Assert.True(page.Body.TryGetProperty("links", out _));
    }

    [Fact]
    public async Task A_body_field_the_published_schema_does_not_have_is_a_422_naming_it_and_changes_nothing()
    {
        var project = await Harness.NewProjectAsync(Client);

        var extra = await SendAsync(HttpMethod.Post, $"accounts/{Harness.AccountId}/folders/{project.RootFolderId}/folders", """{"data":{"name":"A","color":"red"}}""");
        var outside = await SendAsync(HttpMethod.Post, $"accounts/{Harness.AccountId}/folders/{project.RootFolderId}/folders", """{"data":{"name":"A"},"name":"A"}""");
        var unwrapped = await SendAsync(HttpMethod.Post, $"accounts/{Harness.AccountId}/folders/{project.RootFolderId}/folders", """{"name":"A"}""");
        var flatRole = await SendAsync(HttpMethod.Patch, $"accounts/{Harness.AccountId}/projects/{project.Id}/users/{Harness.Seed.UserId}", """{"data":{"role":"editor","email":"x@example.com"}}""");

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "/data/color"), (extra.Status, Pointer(extra)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "/name"), (outside.Status, Pointer(outside)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "/data"), (unwrapped.Status, Pointer(unwrapped)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "/data/email"), (flatRole.Status, Pointer(flatRole)));
        Assert.Empty(await Client.ListFolderChildrenAsync(Harness.AccountId, project.RootFolderId).ToListAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_by_its_Content_Type_is_a_400()
    {
        var project = await Harness.NewProjectAsync(Client);

        var form = await SendAsync(HttpMethod.Post, $"accounts/{Harness.AccountId}/folders/{project.RootFolderId}/folders", """{"data":{"name":"A"}}""", "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, form.Status);
        Assert.Empty(await Client.ListFolderChildrenAsync(Harness.AccountId, project.RootFolderId).ToListAsync());
    }

    [Fact]
    public async Task Stacking_a_file_already_in_a_version_stack_is_a_409()
    {
        var project = await Harness.NewProjectAsync(Client);
        var first = await Client.UploadLocalFileAsync(Harness.AccountId, project.RootFolderId, "cut-v1.mp4", new MemoryStream(new byte[8]), 8);
        var second = await Client.UploadLocalFileAsync(Harness.AccountId, project.RootFolderId, "cut-v2.mp4", new MemoryStream(new byte[9]), 9);
        await Client.CreateVersionStackAsync(Harness.AccountId, project.RootFolderId, [first.Id, second.Id]);

        var again = await Assert.ThrowsAsync<FrameioApiException>(() => Client.CreateVersionStackAsync(Harness.AccountId, project.RootFolderId, [second.Id]));

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
    }

    [Fact]
    public async Task A_member_of_the_account_acts_only_as_their_project_role_allows()
    {
        var project = await Harness.NewProjectAsync(Client);
        var member = Harness.Fake.AddTokenUser("fio-token-member", "member@example.com", accountRole: "member");
        var asMember = Harness.Client(credentials: new FrameioCredentials(member.Token, false));
        Harness.Fake.AddAccountMember(Harness.AccountId, "member@example.com");

        // In the account, not in the project: the project is not there for them.
        var unseen = await Assert.ThrowsAsync<FrameioApiException>(() => asMember.GetProjectAsync(Harness.AccountId, project.Id));
        await Client.SetProjectUserRoleAsync(Harness.AccountId, project.Id, member.UserId, FrameioProjectRole.Commenter);
        var read = await asMember.GetProjectAsync(Harness.AccountId, project.Id);
        var upload = await Assert.ThrowsAsync<FrameioApiException>(() => asMember.CreateFolderAsync(Harness.AccountId, project.RootFolderId, "Mine"));
        var invite = await Assert.ThrowsAsync<FrameioApiException>(() => asMember.SetProjectUserRoleAsync(Harness.AccountId, project.Id, member.UserId, FrameioProjectRole.FullAccess));
        var newProject = await Assert.ThrowsAsync<FrameioApiException>(() => asMember.CreateProjectAsync(Harness.AccountId, Harness.WorkspaceId, "Theirs"));

        Assert.Equal(HttpStatusCode.NotFound, unseen.Status);
        Assert.Equal(project.Id, read.Id);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (upload.Status, invite.Status, newProject.Status));
        Assert.Equal("commenter", Harness.Fake.ProjectUserRole(project.Id, member.UserId));
    }

    [Fact]
    public async Task A_role_for_someone_outside_the_account_is_a_404_and_no_one_is_made_up()
    {
        var project = await Harness.NewProjectAsync(Client);

        var nobody = await SendAsync(HttpMethod.Patch, $"accounts/{Harness.AccountId}/projects/{project.Id}/users/user-unknown", """{"data":{"role":"editor"}}""");
        var byEmail = await SendAsync(HttpMethod.Post, $"accounts/{Harness.AccountId}/projects/{project.Id}/users", """{"data":{"email":"new@example.com","role":"editor"}}""");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (nobody.Status, byEmail.Status)); // the assumed call is off by default
        Assert.DoesNotContain(await Client.ListAccountUsersAsync(Harness.AccountId).ToListAsync(), u => u.User.Email == "new@example.com");
    }

    private static string? Pointer((HttpStatusCode Status, JsonElement Body) answer) =>
        answer.Body.GetProperty("errors")[0].TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object
            ? source.GetProperty("pointer").GetString() : null;

    /// <summary>A raw request with the harness's token: what the typed client would never send.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? body = null, string mediaType = "application/json")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(Harness.Fake.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FrameioHarness.Token);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
