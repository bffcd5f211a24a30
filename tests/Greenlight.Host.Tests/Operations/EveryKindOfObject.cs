using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenlight.Testing.Frameio;

namespace Greenlight.Host.Tests.Operations;

/// <summary>
/// A store with one of every kind of object, made through the HTTP API as a client makes it: a user with a token, a
/// copied access level, groups, a team, a share, portfolio → program → project → task → issue, a folder and a document
/// with two versions, a finished approval with its decision, an approval template, and the default Frame.io connection.
/// <see cref="ReadAsync"/> answers the GETs that show them all; two stores with the same objects answer the same.
/// </summary>
/// <param name="ReviewerEmail">The approver's address: the approval e-mails them when it opens.</param>
public sealed record EveryKindOfObject(IReadOnlyList<string> ReadPaths, string ProjectId, string? ReviewerEmail = null)
{
    public const string FrameioToken = "frameio-token-every-kind";

    /// <param name="frameio">Null: no Frame.io connection (a store has one; a second set in the same store leaves it out).</param>
    /// <param name="suffix">Appended to every name, so that a second set can be made in the same store.</param>
    public static async Task<EveryKindOfObject> CreateAsync(HttpClient admin, FakeFrameioServer? frameio, string suffix = "")
    {
        if (frameio is not null)
        {
            var seed = frameio.AddTokenUser(FrameioToken);
            await PutAsync(admin, "/api/v1/frameio/connections/default", new { token = FrameioToken });
            await PutAsync(admin, "/api/v1/frameio/connections/default/account", new { accountId = seed.Accounts[0].AccountId });
        }

        var level = await IdAsync(await admin.PostAsync("/api/v1/access/levels/standard/copy", null));
        (await admin.PatchAsJsonAsync($"/api/v1/access/levels/{level}", new { name = "Standard, no task deletes" + suffix, areas = new { tasks = new { setting = "Edit", create = true } } }))
            .EnsureSuccessStatusCode();
        var group = await IdAsync(await admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "Studio" + suffix }));
        var subgroup = await IdAsync(await admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "Motion" + suffix, parentId = group }));
        var team = await IdAsync(await admin.PostAsJsonAsync("/api/v1/access/teams", new { name = "Reviewers" + suffix }));
        var reviewer = await admin.CreateUserAsync("Rita Reviewer" + suffix, level, new Dictionary<string, object?> { ["homeGroupId"] = subgroup, ["teamIds"] = new[] { team } });
        var reviewerToken = (await (await admin.PostAsJsonAsync($"/api/v1/access/users/{reviewer}/tokens", new { name = "fixture" })).ReadSuccessAsync<JsonElement>())
            .GetProperty("token").GetString()!;

        var portfolio = await IdAsync(await admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "Spring" + suffix, description = "Campaigns" }));
        var program = await IdAsync(await admin.PostAsJsonAsync("/api/v1/programs", new { portfolioId = portfolio, name = "Launch" + suffix }));
        var project = await IdAsync(await admin.PostAsJsonAsync("/api/v1/projects", new { name = "Poster" + suffix, programId = program, groupId = group }));
        var task = await IdAsync(await admin.PostAsJsonAsync($"/api/v1/projects/{project}/tasks", new { name = "Draw", plannedStart = "2026-03-02", plannedEnd = "2026-03-06" }));
        var issue = await IdAsync(await admin.PostAsJsonAsync($"/api/v1/projects/{project}/issues", new { name = "Colours off", taskId = task }));
        var folder = await IdAsync(await admin.PostAsJsonAsync($"/api/v1/projects/{project}/folders", new { name = "Drafts" }));
        var document = await IdAsync(await admin.PostAsync($"/api/v1/projects/{project}/documents?name=poster.txt&folderId={folder}", Text("first draft")));
        await IdAsync(await admin.PostAsync($"/api/v1/projects/{project}/documents/{document}/versions", Text("second draft")));
        var projectAccess = $"/api/v1/access/objects/Project/{project}/Project/{project}";
        (await admin.PostAsJsonAsync($"{projectAccess}/shares", new { granteeKind = "User", granteeId = reviewer, permission = "Contribute" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"{projectAccess}/shares", new { granteeKind = "Team", granteeId = team, permission = "View" })).EnsureSuccessStatusCode();

        var stage = new { name = "Legal", participants = new[] { new { kind = "User", id = reviewer, role = "Approver" } }, onlyOneDecision = false };
        var template = await IdAsync(await admin.PostAsJsonAsync("/api/v1/approval-templates", new { name = "Legal only" + suffix, stages = new[] { stage } }));
        var approval = await IdAsync(await admin.PostAsJsonAsync($"/api/v1/projects/{project}/documents/{document}/approvals",
            new { message = "Please review the poster.", paths = new[] { new { stages = new[] { stage } } } }));
        using (var asReviewer = new HttpClient { BaseAddress = admin.BaseAddress })
        {
            asReviewer.DefaultRequestHeaders.Authorization = new("Bearer", reviewerToken);
            (await asReviewer.PostAsJsonAsync($"/api/v1/approvals/{approval}/decisions", new { decision = "ApprovedWithChanges", comment = "Bigger logo." }))
                .EnsureSuccessStatusCode();
        }

        // Consequences that travel through the outbox, so that reads taken now stay what they are.
        await Eventually.HoldsAsync(async () => (await admin.GetJsonAsync($"/api/v1/projects/{project}")).GetProperty("openApprovals").GetInt32() == 0,
            "the project counts the finished approval", TimeSpan.FromMinutes(1));
        if (frameio is not null)
        {
            await Eventually.HoldsAsync(async () => (await admin.GetJsonAsync("/api/v1/frameio/connections/default")).GetProperty("webhookRegistered").GetBoolean(),
                "the Frame.io webhook is registered", TimeSpan.FromMinutes(1));
        }

        return new EveryKindOfObject(
        [
            "/api/v1/access/users", $"/api/v1/access/users/{reviewer}", "/api/v1/access/levels", $"/api/v1/access/levels/{level}",
            "/api/v1/access/groups", "/api/v1/access/teams", $"/api/v1/access/teams/{team}/members", $"{projectAccess}/shares",
            $"/api/v1/portfolios/{portfolio}", $"/api/v1/programs/{program}", $"/api/v1/projects/{project}",
            $"/api/v1/projects/{project}/tasks/{task}", $"/api/v1/projects/{project}/issues/{issue}",
            $"/api/v1/projects/{project}/folders/{folder}", $"/api/v1/projects/{project}/documents/{document}",
            $"/api/v1/projects/{project}/documents/{document}/versions/1/content", $"/api/v1/projects/{project}/documents/{document}/versions/2/content",
            $"/api/v1/approvals/{approval}", $"/api/v1/projects/{project}/approval-events", $"/api/v1/approval-templates/{template}",
            .. frameio is null ? (string[])[] : ["/api/v1/frameio/connections/default"],
        ], project, AccessUsers.EmailOf("Rita Reviewer" + suffix));
    }

    /// <summary>Each path's answer: its JSON, or its text when it is not JSON (document content).</summary>
    public async Task<Dictionary<string, JsonNode?>> ReadAsync(HttpClient client)
    {
        var answers = new Dictionary<string, JsonNode?>();
        foreach (var path in ReadPaths)
        {
            var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
            answers[path] = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true ? JsonNode.Parse(body) : JsonValue.Create(body);
        }
        return answers;
    }

    private static ByteArrayContent Text(string text)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new("text/plain");
        return content;
    }

    private static async Task PutAsync(HttpClient admin, string path, object body) =>
        await (await admin.PutAsJsonAsync(path, body)).ReadSuccessAsync<JsonElement>();

    private static async Task<string> IdAsync(HttpResponseMessage response) =>
        (await response.ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;
}
