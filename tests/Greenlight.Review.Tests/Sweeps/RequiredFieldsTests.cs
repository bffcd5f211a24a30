using System.Text.Json;
using System.Text.Json.Nodes;

namespace Greenlight.Review.Tests.Sweeps;

/// <summary>
/// Every Review operation that takes a body, swept: each required field dropped, each sent as null, each element of a
/// list sent as null and each enum sent as a number is a 400 naming the field (or, where the JSON reader refuses the
/// value, the object holding it) and changes nothing; then the unchanged body is accepted, so every refusal was the
/// field's. A new operation with a body belongs in <see cref="OperationsAsync"/>.
/// </summary>
[Collection(ReviewHostCollection.Name)]
public sealed class RequiredFieldsTests(ReviewHostFixture fixture) : SharedHostTests(fixture)
{
    private const string Participant = "paths[0].stages[0].participants[0]";
    private const string TemplateParticipant = "stages[0].participants[0]";

    /// <param name="Required">Fields a body must carry, not null.</param>
    /// <param name="Elements">List elements that may not be null.</param>
    /// <param name="Enums">Fields whose value is an enum's name.</param>
    /// <param name="State">What the operation would change, as seen from outside.</param>
    private sealed record Operation(
        string Name, HttpClient Client, HttpMethod Method, string Path, string Body, string[] Required, string[] Elements, string[] Enums, Func<Task<string>> State);

    [Fact]
    public async Task Every_review_body_refuses_a_missing_or_null_required_field_and_an_enum_by_number_and_changes_nothing()
    {
        var operations = await OperationsAsync();
        foreach (var operation in operations)
        {
            var before = await operation.State();
            foreach (var field in operation.Required)
            {
                await AssertRefusedAsync(operation, Edit(operation.Body, field, remove: true), field, "dropped");
                await AssertRefusedAsync(operation, Edit(operation.Body, field, remove: false), field, "null");
            }
            foreach (var element in operation.Elements) await AssertRefusedAsync(operation, Edit(operation.Body, element, remove: false), element, "null");
            foreach (var field in operation.Enums) await AssertRefusedAsync(operation, Edit(operation.Body, field, remove: false, value: 1), field, "a number");
            Assert.True(before == await operation.State(), $"{operation.Name} changed something while refusing");
        }
        foreach (var operation in operations)
        {
            var accepted = await SendAsync(operation, operation.Body);
            Assert.True(accepted.IsSuccessStatusCode, $"{operation.Name} refused its valid body: {await accepted.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<IReadOnlyList<Operation>> OperationsAsync()
    {
        var (project, document) = await ProjectWithDocumentAsync();
        var other = await Review.DocumentAsync(project, "banner.pdf");
        var (approverId, approver) = await Review.ViewerAsync("ria", document, other);
        var open = await Review.ApprovalAsync(project, other, Approval(Path(Stage("Legal", [Approver(approverId)]))));
        var approvedDocument = await Review.DocumentAsync(project, "approved.pdf");
        Review.Access.Grant(approverId, approvedDocument, Permission.View);
        var approved = await Review.ApprovalAsync(project, approvedDocument, Approval(Path(Stage("Legal", [Approver(approverId)]))));
        (await ReviewHost.DecideAsync(approver, approved.Id, Decision.Approved)).EnsureSuccessStatusCode();
        var participant = JsonSerializer.Serialize(new { kind = "User", id = approverId, role = "Approver" });
        var stage = $$"""{"name": "Legal", "participants": [{{participant}}], "onlyOneDecision": true, "dueInWorkdays": 3}""";
        string[] participantFields = ["kind", "id", "role"];
        var connection = "/api/v1/admin/experience-manager/connection";
        var publication = $"/api/v1/approvals/{approved.Id}/documents/{approvedDocument}/publication";
        return
        [
            new("create an approval", Review.Admin, HttpMethod.Post, $"/api/v1/projects/{project}/documents/{document}/approvals",
                $$"""{"message": "m", "otherDocumentIds": [], "paths": [{"stages": [{{stage}}]}]}""",
                ["paths", "paths[0].stages", "paths[0].stages[0].name", "paths[0].stages[0].participants", .. participantFields.Select(f => $"{Participant}.{f}")],
                ["paths[0]", "paths[0].stages[0]", Participant], [$"{Participant}.kind", $"{Participant}.role"],
                () => Review.Admin.GetStringAsync($"/api/v1/projects/{project}/documents/{document}/approval-events")),
            new("create a template", Review.Admin, HttpMethod.Post, "/api/v1/approval-templates",
                $$"""{"name": "Print {{Guid.NewGuid():N}}", "message": "m", "stages": [{{stage}}]}""",
                ["name", "stages", "stages[0].name", "stages[0].participants", .. participantFields.Select(f => $"{TemplateParticipant}.{f}")],
                ["stages[0]", TemplateParticipant], [$"{TemplateParticipant}.kind", $"{TemplateParticipant}.role"],
                () => Review.Admin.GetStringAsync("/api/v1/approval-templates")),
            new("edit an approval's message", Review.Admin, HttpMethod.Patch, $"/api/v1/approvals/{open.Id}", """{"message": "new"}""",
                ["message"], [], [], () => Review.Admin.GetStringAsync($"/api/v1/approvals/{open.Id}")),
            new("comment", approver, HttpMethod.Post, $"/api/v1/approvals/{open.Id}/comments", """{"text": "c"}""",
                ["text"], [], [], () => Review.Admin.GetStringAsync($"/api/v1/projects/{project}/documents/{other}/approval-events")),
            new("decide", approver, HttpMethod.Post, $"/api/v1/approvals/{open.Id}/decisions", """{"decision": "NeedsWork", "comment": "c"}""",
                ["decision"], [], ["decision"], () => Review.Admin.GetStringAsync($"/api/v1/approvals/{open.Id}")),
            new("set the Experience Manager connection", Review.Admin, HttpMethod.Put, connection,
                // Nothing listens on port 9 of the loopback: the publication below is never sent anywhere.
                """{"baseUrl": "http://127.0.0.1:9/", "token": "token-of-the-sweep"}""",
                ["baseUrl", "token"], [], [], async () => await StatusAndBodyAsync(Review.Admin.GetAsync(connection))),
            new("publish to Experience Manager", approver, HttpMethod.Post, publication, """{"folderPath": "greenlight/sweep"}""",
                ["folderPath"], [], [], async () => await StatusAndBodyAsync(Review.Admin.GetAsync(publication))),
        ];
    }

    private static async Task<string> StatusAndBodyAsync(Task<HttpResponseMessage> response)
    {
        using var answer = await response;
        return $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}";
    }

    private static Task<HttpResponseMessage> SendAsync(Operation operation, string body) =>
        operation.Client.SendAsync(new HttpRequestMessage(operation.Method, operation.Path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });

    /// <summary>A 400 whose errors name the field, or the object holding it ("body" for a top-level field) when the JSON reader refused the value.</summary>
    private static async Task AssertRefusedAsync(Operation operation, string body, string field, string how)
    {
        var problem = await (await SendAsync(operation, body)).AssertProblemAsync(HttpStatusCode.BadRequest, $"{operation.Name} with {field} {how}:");
        var holder = field.Contains('.') ? field[..field.LastIndexOf('.')] : "body";
        var named = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.True(named.Contains(field) || named.Contains(holder), $"{operation.Name} with {field} {how} named {string.Join(", ", named)}");
    }

    /// <summary>The body with the field at <paramref name="path"/> (such as <c>paths[0].stages[0].name</c>) removed, or set to <paramref name="value"/> (null by default).</summary>
    private static string Edit(string body, string path, bool remove, int? value = null)
    {
        var root = JsonNode.Parse(body)!;
        var segments = path.Replace("]", "").Split('.').SelectMany(s => s.Split('[')).ToList();
        var parent = segments[..^1].Aggregate(root, (node, segment) => int.TryParse(segment, out var index) ? node[index]! : node[segment]!);
        var last = segments[^1];
        JsonNode? replacement = value is { } number ? JsonValue.Create(number) : null;
        if (int.TryParse(last, out var at)) parent.AsArray()[at] = replacement;
        else if (remove) parent.AsObject().Remove(last);
        else parent[last] = replacement;
        return root.ToJsonString();
    }
}
