using System.Text;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Integration.Tests;

/// <summary>
/// Every operation of the OpenAPI document, called with ids of objects that exist, by a user with no
/// rights and by nobody: the answer is always 401, 403 or 404, never a success and never a server error.
/// </summary>
public sealed class EnforcementEverywhereTests(GreenlightFixture fixture) : IClassFixture<GreenlightFixture>
{
    private readonly World _world = fixture.World;

    /// <summary>
    /// What any signed-in user may do whatever their level, and why. Challenge every entry: an
    /// operation here answers 2xx to the user with no rights.
    /// </summary>
    private static readonly Dictionary<string, string> OpenToEverySignedInUser = new()
    {
        ["POST /api/v1/tokens"] = "a user issues API tokens for themself; a token carries exactly the user's own rights",
        ["GET /api/v1/tokens"] = "the caller's own tokens, without secrets",
        ["GET /api/v1/access/preferences"] = "the organization's sharing switches (email collaboration on or off, assignee defaults) a sharer's client needs; no person or object in it",
        ["GET /api/v1/me/approvals"] = "the approval stages waiting for the caller themself",
    };

    public sealed record Operation(string Method, string Template, bool TakesBody, IReadOnlyList<string> RequiredQuery)
    {
        public string Key => $"{Method} {Template}";
    }

    private async Task<IReadOnlyList<Operation>> OperationsAsync()
    {
        var document = await _world.Admin.GetJsonAsync("/openapi/v1.json");
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
        {
            var query = operation.Value.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray()
                    .Where(p => p.GetProperty("in").GetString() == "query" && p.TryGetProperty("required", out var r) && r.GetBoolean())
                    .Select(p => p.GetProperty("name").GetString()!).ToList()
                : [];
            operations.Add(new Operation(operation.Name.ToUpperInvariant(), path.Name, operation.Value.TryGetProperty("requestBody", out _), query));
        }
        Assert.True(operations.Count > 50, $"The document lists only {operations.Count} operations.");
        return operations;
    }

    /// <summary>Real objects, made by the administrator, to fill every route parameter with.</summary>
    private async Task<Func<Operation, string>> TargetsAsync()
    {
        var tree = await _world.TreeAsync();
        using var someone = await _world.PersonAsync("someone");
        var level = await _world.LevelAsync("standard", new { });
        var group = await _world.GroupAsync("sweep");
        var team = await _world.TeamAsync("sweep");
        var token = await _world.NamedAsync("/api/v1/tokens", new { name = "sweep" });
        string Id(string template) => template switch
        {
            _ when template.StartsWith("/api/v1/portfolios", StringComparison.Ordinal) => tree.Portfolio.Id,
            _ when template.StartsWith("/api/v1/programs", StringComparison.Ordinal) => tree.Program.Id,
            _ when template.StartsWith("/api/v1/access/levels", StringComparison.Ordinal) => level,
            _ when template.StartsWith("/api/v1/access/users", StringComparison.Ordinal) => someone.Id,
            _ when template.StartsWith("/api/v1/access/groups", StringComparison.Ordinal) => group,
            _ when template.StartsWith("/api/v1/access/teams", StringComparison.Ordinal) => team,
            _ when template.StartsWith("/api/v1/tokens", StringComparison.Ordinal) => token,
            _ => "no-such-id",
        };
        var values = new Dictionary<string, string>
        {
            ["projectId"] = tree.Project.Id, ["taskId"] = tree.Task.Id, ["issueId"] = tree.Issue.Id, ["folderId"] = tree.Folder.Id,
            ["documentId"] = tree.Document.Id, ["version"] = "1",
            ["containerType"] = "Project", ["containerId"] = tree.Project.Id, ["objectType"] = "Task", ["objectId"] = tree.Task.Id,
            ["granteeKind"] = "User", ["granteeId"] = someone.Id, ["kind"] = "User", ["assigneeId"] = someone.Id,
            ["userId"] = someone.Id, ["action"] = "View",
            ["groupId"] = group, ["connectionKey"] = "default", ["approvalId"] = "no-such-approval", ["templateId"] = "no-such-template",
        };
        return operation =>
        {
            var path = System.Text.RegularExpressions.Regex.Replace(operation.Template, "{([^}:]+)(:[^}]*)?}", m =>
                m.Groups[1].Value == "id" ? Id(operation.Template) : values.TryGetValue(m.Groups[1].Value, out var v) ? v : throw new InvalidOperationException(
                    $"No value for the route parameter '{m.Groups[1].Value}' of {operation.Key}: add one to the sweep."));
            var query = string.Join("&", operation.RequiredQuery.Select(q => $"{q}={Uri.EscapeDataString(values.GetValueOrDefault(q, "x"))}"));
            return query.Length == 0 ? path : $"{path}?{query}";
        };
    }

    private static async Task<List<string>> SweepAsync(HttpClient client, IEnumerable<Operation> operations, Func<Operation, string> fill, Func<Operation, HttpStatusCode, bool> acceptable)
    {
        var wrong = new List<string>();
        // Deletions last, so a hole in one does not hide the others.
        foreach (var operation in operations.OrderBy(o => o.Method == "DELETE"))
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), fill(operation));
            if (operation.TakesBody) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            if (!acceptable(operation, response.StatusCode))
                wrong.Add($"{operation.Key} ({request.RequestUri}) answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return wrong;
    }

    private static bool IsDenial(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    [Fact]
    public async Task Every_operation_denies_a_user_whose_level_has_every_area_at_no_access()
    {
        var operations = await OperationsAsync();
        var fill = await TargetsAsync();
        var nothing = await _world.LevelAsync("contributor",
            AccessAreas.All.ToDictionary(a => JsonNamingPolicy.CamelCase.ConvertName(a.ToString()), _ => new { setting = "NoAccess" }));
        using var nobody = await _world.PersonAsync("nobody", nothing);

        var wrong = await SweepAsync(nobody.Client, operations, fill, (operation, status) =>
            OpenToEverySignedInUser.ContainsKey(operation.Key) ? (int)status < 500 : IsDenial(status));

        Assert.True(wrong.Count == 0, $"{wrong.Count} operations did not deny the user with no rights:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_operation_answers_401_to_a_caller_without_a_token()
    {
        var operations = await OperationsAsync();
        var fill = await TargetsAsync();

        var wrong = await SweepAsync(_world.Host.Anonymous, operations, fill, (_, status) => status == HttpStatusCode.Unauthorized);

        Assert.True(wrong.Count == 0, $"{wrong.Count} operations did not answer 401 without a token:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_operations_open_to_every_signed_in_user_are_in_the_document()
    {
        var keys = (await OperationsAsync()).Select(o => o.Key).ToHashSet();

        Assert.All(OpenToEverySignedInUser.Keys, key => Assert.Contains(key, keys));
    }
}
