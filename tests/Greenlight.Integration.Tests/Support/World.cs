using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Integration.Tests.Support;

/// <summary>An object of the work tree as both modules address it: Work's route and Access's sharing route.</summary>
/// <param name="ProjectId">The project holding a task, issue, folder or document; the project's own id for a project; null above projects.</param>
public sealed record WorkObject(ObjectType Type, string Id, string? ProjectId = null)
{
    public string Path => Type switch
    {
        ObjectType.Portfolio => $"/api/v1/portfolios/{Id}",
        ObjectType.Program => $"/api/v1/programs/{Id}",
        ObjectType.Project => $"/api/v1/projects/{Id}",
        ObjectType.Task => $"/api/v1/projects/{ProjectId}/tasks/{Id}",
        ObjectType.Issue => $"/api/v1/projects/{ProjectId}/issues/{Id}",
        ObjectType.DocumentFolder => $"/api/v1/projects/{ProjectId}/folders/{Id}",
        _ => $"/api/v1/projects/{ProjectId}/documents/{Id}",
    };

    /// <summary>Where the Access module shares and explains it: its container (itself, or its project), then the object.</summary>
    public string AccessPath => Type is ObjectType.Portfolio or ObjectType.Program or ObjectType.Project
        ? $"/api/v1/access/objects/{Type}/{Id}/{Type}/{Id}"
        : $"/api/v1/access/objects/Project/{ProjectId}/{Type}/{Id}";
}

/// <summary>
/// A running host with both modules, and the moves the tests make through its HTTP API only: people
/// and levels through Access, the work tree through Work, sharing through Access. Names are unique,
/// so tests may share one host.
/// </summary>
public sealed class World(TestHost host)
{
    public TestHost Host => host;

    public HttpClient Admin => host.Admin;

    public static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";

    public Task<AccessUsers.SignedInUser> PersonAsync(string name, string level = "standard", IEnumerable<string>? groups = null, IEnumerable<string>? teams = null) =>
        host.SignInNewUserAsync(Unique(name), level, new Dictionary<string, object?> { ["groupIds"] = groups?.ToArray(), ["teamIds"] = teams?.ToArray() });

    /// <summary>A copy of a built-in level with some areas changed, e.g. <c>new { tasks = new { setting = "Edit", create = false } }</c>.</summary>
    public async Task<string> LevelAsync(string copiedFrom, object areas)
    {
        var level = await (await Admin.PostAsync($"/api/v1/access/levels/{copiedFrom}/copy", null)).ReadSuccessAsync<JsonElement>();
        var id = level.GetProperty("id").GetString()!;
        await (await Admin.PatchAsJsonAsync($"/api/v1/access/levels/{id}", new { areas })).ReadSuccessAsync<JsonElement>();
        return id;
    }

    public async Task<string> NamedAsync(string path, object body, HttpClient? asWho = null) =>
        (await (await (asWho ?? Admin).PostAsJsonAsync(path, body)).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;

    public async Task<string> GroupAsync(string name, string? parentId = null) => await NamedAsync("/api/v1/access/groups", new { name = Unique(name), parentId });

    public async Task<string> TeamAsync(string name) => await NamedAsync("/api/v1/access/teams", new { name = Unique(name) });

    public async Task PreferencesAsync(Permission assignee, Permission assigneeProject = Permission.None, bool collaborateByEmail = true) =>
        await (await Admin.PutAsJsonAsync("/api/v1/access/preferences", new
        {
            collaborateByEmail, assigneePermission = assignee.ToString(), assigneeProjectPermission = assigneeProject.ToString(),
        })).ReadSuccessAsync<JsonElement>();

    // The work tree, made through Work's API by whoever is given (the administrator by default).

    public async Task<WorkObject> PortfolioAsync(HttpClient? asWho = null) =>
        new(ObjectType.Portfolio, await NamedAsync("/api/v1/portfolios", new { name = Unique("portfolio") }, asWho));

    public async Task<WorkObject> ProgramAsync(WorkObject portfolio, HttpClient? asWho = null) =>
        new(ObjectType.Program, await NamedAsync("/api/v1/programs", new { portfolioId = portfolio.Id, name = Unique("program") }, asWho));

    /// <param name="parent">A program or a portfolio, or null for a project at top level.</param>
    public async Task<WorkObject> ProjectAsync(WorkObject? parent = null, HttpClient? asWho = null)
    {
        var id = await NamedAsync("/api/v1/projects", new
        {
            name = Unique("project"),
            programId = parent?.Type == ObjectType.Program ? parent.Id : null,
            portfolioId = parent?.Type == ObjectType.Portfolio ? parent.Id : null,
        }, asWho);
        return new WorkObject(ObjectType.Project, id, id);
    }

    public Task<HttpResponseMessage> AddTaskAsync(HttpClient asWho, WorkObject project, string? parentTaskId = null) =>
        asWho.PostAsJsonAsync($"/api/v1/projects/{project.ProjectId}/tasks", new { name = Unique("task"), parentTaskId });

    /// <param name="under">The project, or a task to hold the new one.</param>
    public async Task<WorkObject> TaskAsync(WorkObject under, HttpClient? asWho = null)
    {
        var response = await AddTaskAsync(asWho ?? Admin, under, under.Type == ObjectType.Task ? under.Id : null);
        return new WorkObject(ObjectType.Task, (await response.ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!, under.ProjectId);
    }

    /// <param name="under">The project, or a task the issue is about.</param>
    public async Task<WorkObject> IssueAsync(WorkObject under, HttpClient? asWho = null) => new(ObjectType.Issue,
        await NamedAsync($"/api/v1/projects/{under.ProjectId}/issues", new { name = Unique("issue"), taskId = under.Type == ObjectType.Task ? under.Id : null }, asWho),
        under.ProjectId);

    public async Task<WorkObject> FolderAsync(WorkObject project, HttpClient? asWho = null) =>
        new(ObjectType.DocumentFolder, await NamedAsync($"/api/v1/projects/{project.ProjectId}/folders", new { name = Unique("folder") }, asWho), project.ProjectId);

    /// <param name="under">The project, or a folder of it.</param>
    public async Task<WorkObject> DocumentAsync(WorkObject under, HttpClient? asWho = null)
    {
        var folder = under.Type == ObjectType.DocumentFolder ? $"&folderId={under.Id}" : "";
        using var content = new ByteArrayContent("hello"u8.ToArray());
        content.Headers.ContentType = new("text/plain");
        var response = await (asWho ?? Admin).PostAsync($"/api/v1/projects/{under.ProjectId}/documents?name={Unique("doc")}.txt{folder}", content);
        return new WorkObject(ObjectType.Document, (await response.ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!, under.ProjectId);
    }

    /// <summary>portfolio → program → project → task → issue, and project → folder → document; all the administrator's.</summary>
    public async Task<Tree> TreeAsync()
    {
        var portfolio = await PortfolioAsync();
        var program = await ProgramAsync(portfolio);
        var project = await ProjectAsync(program);
        var task = await TaskAsync(project);
        var folder = await FolderAsync(project);
        return new Tree(portfolio, program, project, task, await IssueAsync(task), folder, await DocumentAsync(folder));
    }

    public sealed record Tree(WorkObject Portfolio, WorkObject Program, WorkObject Project, WorkObject Task, WorkObject Issue, WorkObject Folder, WorkObject Document);

    // Sharing through the Access module.

    public Task<HttpResponseMessage> ShareAsync(HttpClient asWho, WorkObject obj, GranteeKind kind, string? granteeId, Permission permission) =>
        asWho.PostAsJsonAsync($"{obj.AccessPath}/shares", new { granteeKind = kind.ToString(), granteeId, permission = permission.ToString() });

    public async Task ShareOkAsync(WorkObject obj, string userId, Permission permission, HttpClient? asWho = null, GranteeKind kind = GranteeKind.User) =>
        await (await ShareAsync(asWho ?? Admin, obj, kind, userId, permission)).ReadSuccessAsync<JsonElement>();

    /// <summary>A new Standard user, given <paramref name="permission"/> on <paramref name="obj"/> by the administrator.</summary>
    public async Task<AccessUsers.SignedInUser> PersonSharedAsync(string name, WorkObject obj, Permission permission)
    {
        var person = await PersonAsync(name);
        await ShareOkAsync(obj, person.Id, permission);
        return person;
    }

    public static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode expected, string because = "") =>
        Assert.True(response.StatusCode == expected,
            $"{because} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    /// <summary>What the user's GET of the object answers.</summary>
    public static async Task<HttpStatusCode> ViewAsync(HttpClient asWho, WorkObject obj) => (await asWho.GetAsync(obj.Path)).StatusCode;
}

/// <summary>One host for a test class; tests keep to their own users and objects.</summary>
public sealed class GreenlightFixture : IAsyncLifetime
{
    public World World { get; private set; } = null!;

    public async Task InitializeAsync() => World = new World(await TestHost.StartAsync());

    public async Task DisposeAsync() => await World.Host.DisposeAsync();
}

/// <summary>The seed's people over real Work objects: Olivia (Standard) owns a project; Tony is whoever she shares it with.</summary>
public static class SeedPeople
{
    public sealed record OliviaAndTony(AccessUsers.SignedInUser Olivia, AccessUsers.SignedInUser Tony, WorkObject Project) : IDisposable
    {
        public void Dispose()
        {
            Olivia.Dispose();
            Tony.Dispose();
        }
    }

    /// <param name="shared">What Olivia shares her project with Tony at, if anything.</param>
    public static async Task<OliviaAndTony> OliviaAndTonyAsync(this World world, Permission? shared = null, string tonysLevel = "standard")
    {
        var olivia = await world.PersonAsync("olivia");
        var tony = await world.PersonAsync("tony", tonysLevel);
        var project = await world.ProjectAsync(asWho: olivia.Client);
        if (shared is { } permission) await world.ShareOkAsync(project, tony.Id, permission, olivia.Client);
        return new OliviaAndTony(olivia, tony, project);
    }

    public static Task<HttpResponseMessage> EditProjectAsync(this HttpClient asWho, WorkObject project, string ownerId) =>
        asWho.PatchAsJsonAsync(project.Path, new { name = World.Unique("renamed"), ownerId });

    public static Task<HttpResponseMessage> AssignAsync(this HttpClient asWho, WorkObject item, string userId) =>
        asWho.PostAsJsonAsync($"{item.Path}/assignments", new { kind = "User", assigneeId = userId });
}
