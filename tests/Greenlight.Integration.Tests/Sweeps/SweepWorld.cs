using System.Text.Json.Nodes;
using Greenlight.Testing.ExperienceManager;
using Greenlight.Testing.Frameio;

namespace Greenlight.Integration.Tests.Sweeps;

/// <summary>
/// A small world made through the API by the System Administrator, so a sweep has a real object for every
/// parameter: a portfolio → program → project with two tasks, an issue, a folder, two documents and an
/// approval; another project; a person, a custom level, a group, a team, a token, an approval template;
/// a Frame.io account (a fake on loopback) and an Experience Manager (a fake on loopback).
/// Values are found by the parameter's or property's name, so a new operation using known names needs nothing here.
/// </summary>
public sealed class SweepWorld
{
    private readonly Dictionary<string, Func<JsonNode?>> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByPathPrefix = new(StringComparer.Ordinal);

    private SweepWorld(World world, ApiDocument api, FakeFrameioServer frameio, FakeExperienceManagerServer experienceManager)
    {
        World = world;
        Api = api;
        Frameio = frameio;
        ExperienceManager = experienceManager;
    }

    public World World { get; }

    public TestHost Host => World.Host;

    public ApiDocument Api { get; }

    public FakeFrameioServer Frameio { get; }

    public FakeExperienceManagerServer ExperienceManager { get; }

    public string AdminId { get; private set; } = null!;

    public AccessUsers.SignedInUser Someone { get; private set; } = null!;

    public World.Tree Tree { get; private set; } = null!;

    /// <summary>Starts the fakes and a host pointed at them, and builds the world.</summary>
    public static async Task<SweepWorld> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var frameio = await FakeFrameioServer.StartAsync();
        var experienceManager = await FakeExperienceManagerServer.StartAsync();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString(),
            ["FrameConnector:BaseBackoff"] = "00:00:00.050",
            ["FrameConnector:MaxWaitPerCall"] = "00:00:02",
        };
        var host = await TestHost.StartAsync(all);
        var world = new SweepWorld(new World(host), await ApiDocument.LoadAsync(host.Admin), frameio, experienceManager);
        await world.BuildAsync();
        return world;
    }

    public async ValueTask DisposeAsync()
    {
        Someone?.Dispose();
        await Host.DisposeAsync();
        await Frameio.DisposeAsync();
        await ExperienceManager.DisposeAsync();
    }

    private async Task BuildAsync()
    {
        var users = await World.Admin.GetJsonAsync("/api/v1/access/users");
        AdminId = users.EnumerateArray().First(u => u.GetProperty("isSystemAdministrator").GetBoolean()).GetProperty("id").GetString()!;
        Someone = await World.PersonAsync("someone");
        var level = await World.LevelAsync("standard", new { });
        var group = await World.GroupAsync("sweep");
        var team = await World.TeamAsync("sweep");
        var token = await World.NamedAsync("/api/v1/tokens", new { name = "sweep" });
        Tree = await World.TreeAsync();
        var secondTask = await World.TaskAsync(Tree.Project);
        var secondDocument = await World.DocumentAsync(Tree.Project);
        var otherProject = await World.ProjectAsync();
        var frameio = Frameio.AddTokenUser("fio-sweep-token-" + Guid.NewGuid().ToString("N"), AccessUsers.EmailOf(World.Unique("fio")));

        Set(["projectId", "containerId"], Tree.Project.Id);
        Set(["toProjectId"], otherProject.Id);
        Set(["taskId", "itemId", "objectId"], Tree.Task.Id);
        Set(["parentTaskId"], secondTask.Id);
        Set(["issueId"], Tree.Issue.Id);
        Set(["folderId", "parentFolderId"], Tree.Folder.Id);
        Set(["documentId"], Tree.Document.Id);
        Set(["otherDocumentId"], secondDocument.Id);
        Set(["portfolioId"], Tree.Portfolio.Id);
        Set(["programId"], Tree.Program.Id);
        Set(["userId", "ownerId", "assigneeId", "granteeId", "approverId", "managedUserId", "subjectId", "actorId"], Someone.Id);
        // A participant of an approval or template: someone who may see every document.
        Set(["id"], AdminId);
        Set(["accessLevelId", "assignedAccessLevelId"], level);
        Set(["groupId", "homeGroupId", "parentId", "assignedGroupId"], group);
        Set(["homeTeamId", "teamId"], team);
        Set(["accountId"], frameio.Accounts[0].AccountId);
        Set(["workspaceId"], frameio.Accounts[0].WorkspaceId);
        Set(["baseUrl"], ExperienceManager.BaseUrl.ToString());
        Set(["folderPath"], "/content/dam/sweep");
        Set(["connectionKey"], "default");
        Set(["version"], "1");
        Set(["containerType"], "Project");
        Set(["objectType", "itemType"], "Task");
        Set(["granteeKind", "kind"], "User");
        Set(["permission", "assigneePermission"], "View");
        Set(["assigneeProjectPermission"], "None");
        Set(["action"], "View");
        Set(["role"], "Approver");
        Set(["decision"], "Approved");
        Set(["setting"], "Edit");
        Set(["plannedStart"], "2031-03-10");
        Set(["plannedEnd"], "2031-03-14");
        Set(["legacyToken", "addToFrameioProjects", "onlyOneDecision"], false);
        _values["email"] = () => AccessUsers.EmailOf(World.Unique("sweep"));
        _values["name"] = () => World.Unique("sweep");
        // The upload's file name, in its query.
        _values["name@query"] = () => World.Unique("sweep") + ".txt";
        _values["token"] = () => frameio.Token;
        _values["token@/api/v1/admin/experience-manager"] = () => ExperienceManager.AccessToken;

        _idByPathPrefix["/api/v1/portfolios"] = Tree.Portfolio.Id;
        _idByPathPrefix["/api/v1/programs"] = Tree.Program.Id;
        _idByPathPrefix["/api/v1/access/levels"] = level;
        _idByPathPrefix["/api/v1/access/users"] = Someone.Id;
        _idByPathPrefix["/api/v1/access/groups"] = group;
        _idByPathPrefix["/api/v1/access/teams"] = team;
        _idByPathPrefix["/api/v1/tokens"] = token;

        Set(["approvalId"], await CreateAsync($"/api/v1/projects/{Tree.Project.Id}/documents/{Tree.Document.Id}/approvals"));
        Set(["templateId"], await CreateAsync("/api/v1/approval-templates"));
    }

    private void Set(IEnumerable<string> names, string value)
    {
        foreach (var name in names) _values[name] = () => value;
    }

    private void Set(IEnumerable<string> names, bool value)
    {
        foreach (var name in names) _values[name] = () => value;
    }

    /// <summary>Creates an object with a POST built from the operation's own schema, as the sweeps will call it.</summary>
    private async Task<string> CreateAsync(string path)
    {
        var operation = Api.Operations.Single(o => o.Method == "POST" && Matches(o.Template, path));
        var body = BodiesFor(operation).Build(operation.Body!.Value);
        var response = await World.Admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) });
        return (await response.ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static bool Matches(string template, string path)
    {
        var t = template.Split('/');
        var p = path.Split('/');
        return t.Length == p.Length && t.Zip(p).All(pair => pair.First.StartsWith('{') || pair.First == pair.Second);
    }

    /// <summary>What the world knows for a body property or query parameter of <paramref name="operation"/>, by name; null if nothing.</summary>
    public JsonNode? Value(ApiOperation operation, string name, bool inQuery = false)
    {
        if (inQuery && _values.TryGetValue($"{name}@query", out var query)) return query();
        var specific = _values.Keys.FirstOrDefault(k => k.StartsWith(name + "@/", StringComparison.Ordinal) && operation.Template.StartsWith(k[(name.Length + 1)..], StringComparison.Ordinal));
        if (specific is not null) return _values[specific]();
        return _values.TryGetValue(name, out var value) ? value() : null;
    }

    /// <summary>The world's object for a path parameter; <c>{id}</c> by the path it is under.</summary>
    public string PathValue(ApiOperation operation, string name)
    {
        if (name == "id")
        {
            var prefix = _idByPathPrefix.Keys.FirstOrDefault(p => operation.Template.StartsWith(p, StringComparison.Ordinal));
            return prefix is null ? "no-such-id" : _idByPathPrefix[prefix];
        }
        return Text(Value(operation, name))
            ?? throw new InvalidOperationException($"No value for the path parameter '{name}' of {operation}: give the sweep world one.");
    }

    public Bodies BodiesFor(ApiOperation operation) => new(Api, name => Value(operation, name));

    /// <summary>The operation's URL with the world's objects: its path, its required query parameters and those the world has a value for.</summary>
    public string Url(ApiOperation operation, Func<string, string?>? pathOverride = null, IReadOnlyDictionary<string, string>? query = null)
    {
        var path = operation.FillPath(name => pathOverride?.Invoke(name) ?? PathValue(operation, name));
        var parameters = new List<string>();
        foreach (var parameter in operation.Query)
        {
            var value = query?.GetValueOrDefault(parameter.Name)
                ?? (parameter.Required || parameter.Name == "name" ? Text(Value(operation, parameter.Name, inQuery: true)) ?? World.Unique("x") : null);
            if (value is not null) parameters.Add($"{parameter.Name}={Uri.EscapeDataString(value)}");
        }
        return parameters.Count == 0 ? path : $"{path}?{string.Join('&', parameters)}";
    }

    /// <summary>A value as it goes into a URL: a text as itself, anything else as its JSON.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? Text(JsonNode? value) => value is null ? null : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    /// <summary>
    /// The GETs that show what <paramref name="operation"/> would change: the GET of its own path or of a
    /// path above it, and the GETs beside it under the same parameters (the shares beside the inheritance switch).
    /// </summary>
    public IReadOnlyList<ApiOperation> ReadBacks(ApiOperation operation)
    {
        var parent = operation.Template[..operation.Template.LastIndexOf('/')];
        var names = operation.PathNames.ToHashSet();
        return [.. Api.Operations.Where(o => o.Method == "GET" && !o.Query.Any(q => q.Required) && (
            o.Template == operation.Template
            || operation.Template.StartsWith(o.Template + "/", StringComparison.Ordinal)
            || (o.Template.StartsWith(parent + "/", StringComparison.Ordinal) && o.PathNames.ToHashSet().SetEquals(names))))];
    }

    /// <summary>What the administrator reads at each read-back, once two reads in a row agree (background work may still be landing).</summary>
    public async Task<IReadOnlyList<string>> ReadAsync(IEnumerable<string> urls)
    {
        var list = urls.ToList();
        var previous = await ReadOnceAsync(list);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(50);
            var current = await ReadOnceAsync(list);
            if (current.SequenceEqual(previous)) return current;
            previous = current;
        }
        return previous;
    }

    private async Task<List<string>> ReadOnceAsync(IEnumerable<string> urls)
    {
        var reads = new List<string>();
        foreach (var url in urls)
        {
            using var response = await World.Admin.GetAsync(url);
            reads.Add($"{url} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return reads;
    }
}
