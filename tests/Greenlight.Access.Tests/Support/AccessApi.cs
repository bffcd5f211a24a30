using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Access.Tests.Support;

/// <summary>
/// The Access module's operations as the host's OpenAPI document lists them, with real objects to fill their routes
/// and a valid body for each that takes one: what the sweeps over the whole module start from. An operation the
/// document lists and this class has no body for fails the sweeps, so a new one cannot go unswept.
/// </summary>
public sealed partial class AccessApi
{
    /// <param name="Body">The schema of the JSON body; null when the operation takes none.</param>
    /// <param name="Query">The query parameters, each with whether it is required.</param>
    public sealed record Operation(string Method, string Template, JsonElement? Body, IReadOnlyDictionary<string, bool> Query)
    {
        public string Key => $"{Method} {Template}";
    }

    /// <summary>A field of a body: its name, whether the body requires it, and whether it is a value type (a boolean or an enum) or a reference.</summary>
    public sealed record Field(string Name, bool Required, bool ValueType, bool Enum);

    private readonly JsonElement _document;
    private readonly IReadOnlyDictionary<string, string> _routeValues;
    private readonly IReadOnlyDictionary<string, Func<JsonObject>> _bodies;

    private AccessApi(JsonElement document, IReadOnlyDictionary<string, string> routeValues, IReadOnlyDictionary<string, Func<JsonObject>> bodies) =>
        (_document, _routeValues, _bodies) = (document, routeValues, bodies);

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    /// <summary>The user the operations' routes and bodies name.</summary>
    public string TargetUserId => _routeValues["userId"];

    /// <summary>The names of the operation's route parameters.</summary>
    public static IEnumerable<string> RouteParameters(Operation operation) => RouteParameter().Matches(operation.Template).Select(m => m.Groups[1].Value);

    /// <summary>Makes the objects the routes name: a user of their own (whom the sweeps may change, even deactivate), a group, a team, a custom level and a project.</summary>
    public static async Task<AccessApi> ForAsync(AccessWorld world)
    {
        var host = world.Host;
        var target = await host.Admin.CreateUserAsync(AccessWorld.Unique("target"));
        var project = await world.ContainerAsync(ObjectType.Project, target);
        var routeValues = new Dictionary<string, string>
        {
            ["/api/v1/access/users"] = target,
            ["/api/v1/access/groups"] = await world.GroupAsync("sweep"),
            ["/api/v1/access/teams"] = await world.TeamAsync("sweep"),
            ["/api/v1/access/levels"] = (await (await host.Admin.PostAsync("/api/v1/access/levels/standard/copy", null)).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!,
            ["containerType"] = "Project", ["containerId"] = project.Object.Id, ["objectType"] = "Project", ["objectId"] = project.Object.Id,
            ["granteeKind"] = "User", ["granteeId"] = target, ["userId"] = target, ["action"] = "View", ["childType"] = "Task",
            ["scope"] = "ObjectOnly", ["subjectType"] = "User", ["subjectId"] = target, ["actorId"] = target,
        };
        var bodies = new Dictionary<string, Func<JsonObject>>
        {
            ["POST /api/v1/access/users"] = () => new() { ["name"] = "Bea", ["email"] = "bea@example.org", ["accessLevelId"] = "light" },
            ["PATCH /api/v1/access/users/{id}"] = () => new() { ["name"] = "Renamed" },
            ["PUT /api/v1/access/users/frameio"] = () => new() { ["userIds"] = new JsonArray(target), ["addToFrameioProjects"] = true },
            ["POST /api/v1/access/users/{id}/tokens"] = () => new() { ["name"] = "sweep" },
            ["POST /api/v1/access/teams"] = () => new() { ["name"] = "sweep" },
            ["POST /api/v1/access/groups"] = () => new() { ["name"] = "sweep" },
            ["PUT /api/v1/access/groups/{id}/administrators"] = () => new() { ["userIds"] = new JsonArray(target) },
            ["PATCH /api/v1/access/levels/{id}"] = () => new() { ["name"] = "Renamed", ["areas"] = new JsonObject { ["projects"] = new JsonObject { ["share"] = false } } },
            ["PUT /api/v1/access/preferences"] = () => new() { ["collaborateByEmail"] = false, ["assigneePermission"] = "Contribute", ["assigneeProjectPermission"] = "None" },
            ["POST /api/v1/access/objects/{containerType}/{containerId}/{objectType}/{objectId}/shares"] = () => new() { ["granteeKind"] = "User", ["granteeId"] = target, ["permission"] = "View" },
            ["PUT /api/v1/access/objects/{containerType}/{containerId}/{objectType}/{objectId}/inheritance"] = () => new() { ["inheritsFromParent"] = true },
        };
        var api = new AccessApi(await host.Admin.GetJsonAsync("/openapi/v1.json"), routeValues, bodies);
        api.Operations = api.Read();
        return api;
    }

    private List<Operation> Read()
    {
        var operations = new List<Operation>();
        foreach (var path in _document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/access/", StringComparison.Ordinal)))
        foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
        {
            var body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                ? Resolve(requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema"))
                : (JsonElement?)null;
            var query = operation.Value.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
                    .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.TryGetProperty("required", out var r) && r.GetBoolean())
                : [];
            operations.Add(new Operation(operation.Name.ToUpperInvariant(), path.Name, body, query));
        }
        Assert.True(operations.Count > 20, $"The document lists only {operations.Count} Access operations.");
        return operations;
    }

    /// <summary>The fields of the operation's body, as its schema declares them.</summary>
    public IReadOnlyList<Field> Fields(Operation operation)
    {
        var schema = operation.Body ?? throw new ArgumentException($"{operation.Key} takes no body.");
        var required = schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet() : [];
        return [.. schema.GetProperty("properties").EnumerateObject().Select(property =>
        {
            var type = Resolve(property.Value);
            var isEnum = type.TryGetProperty("enum", out _);
            var valueType = isEnum || (type.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is "boolean" or "integer" or "number");
            return new Field(property.Name, required.Contains(property.Name), valueType, isEnum);
        })];
    }

    /// <summary>A valid body for the operation, new each time (so a test may change it).</summary>
    public JsonObject ValidBody(Operation operation) =>
        _bodies.TryGetValue(operation.Key, out var body) ? body() : throw new InvalidOperationException($"No valid body for {operation.Key}: add one to {nameof(AccessApi)}.");

    /// <summary>The operation's path with real objects in its route and its required query parameters; <paramref name="replace"/> puts other values in.</summary>
    public string PathOf(Operation operation, IReadOnlyDictionary<string, string?>? replace = null)
    {
        string Value(string name) => replace is not null && replace.TryGetValue(name, out var replaced) ? replaced ?? "" : RouteValue(operation, name);
        var path = RouteParameter().Replace(operation.Template, m => Uri.EscapeDataString(Value(m.Groups[1].Value)));
        var query = operation.Query
            .Where(q => replace is not null && replace.ContainsKey(q.Key) ? replace[q.Key] is not null : q.Value)
            .Select(q => $"{q.Key}={Uri.EscapeDataString(Value(q.Key))}");
        return string.Join("&", query) is { Length: > 0 } joined ? $"{path}?{joined}" : path;
    }

    private string RouteValue(Operation operation, string name) => name == "id"
        ? _routeValues.First(v => operation.Template.StartsWith(v.Key + "/", StringComparison.Ordinal)).Value
        : _routeValues.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"No value for '{name}' of {operation.Key}: add one to {nameof(AccessApi)}.");

    private JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            return Resolve(_document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]));
        if (schema.TryGetProperty("oneOf", out var choices))
            return Resolve(choices.EnumerateArray().First(c => !(c.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")));
        return schema;
    }

    [GeneratedRegex("{([^}:?]+)[^}]*}")]
    private static partial Regex RouteParameter();
}
