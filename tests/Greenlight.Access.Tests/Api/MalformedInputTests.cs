using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Greenlight.Access.Tests.Support;

namespace Greenlight.Access.Tests.Api;

/// <summary>
/// Every Access operation of the OpenAPI document, sent what a client should never send: malformed JSON, each field
/// null, of the wrong type, huge or deeply nested, odd route and query values, an Accept header that is not JSON. By
/// the System Administrator (who gets past every check to the handlers) and by a group administrator (whose requests
/// the policy weighs field by field). Whatever the answer, it is never a server error, and every error is a problem.
/// </summary>
public sealed class MalformedInputTests : IAsyncLifetime
{
    private AccessWorld _world = null!;

    public async Task InitializeAsync() => _world = new AccessWorld(await TestHost.StartAsync());

    public async Task DisposeAsync() => await _world.Host.DisposeAsync();

    /// <summary>Values, as JSON, that no field of any body takes; each replaces one field of a valid body.</summary>
    private static readonly string[] FieldValues =
    [
        "null", "12345", "-1", "\"x\"", "\"\"", "true", "[]", "{}", "[null]", "[12345]", "{\"a\":{\"b\":null}}",
        $"\"{new string('x', 64 * 1024)}\"", new string('[', 100) + new string(']', 100),
    ];

    /// <summary>Whole bodies that are not the JSON object an operation takes.</summary>
    private static readonly string[] RawBodies = ["", "{", "[]", "null", "\"text\"", "{\"a\":" + new string('[', 10_000), "{\"name\":\"\\u0000\"}"];

    private static readonly string[] RouteValues = ["no-such-id", "999", "-1", new('a', 1500), "\u00fc\u202e", "..", " ", "Project"];

    private static readonly string[] QueryValues = ["999", "-1", "", "project", new('q', 1500)];

    private const string Marker = "@@replaced-by-the-value@@";

    [Fact]
    public async Task No_malformed_request_gets_a_server_error_and_every_error_is_a_problem()
    {
        var api = await AccessApi.ForAsync(_world);
        using var lead = await _world.UserAsync("lead");
        var group = await _world.GroupAsync("fuzzed");
        await (await _world.Host.Admin.PutAsJsonAsync($"/api/v1/access/groups/{group}/administrators", new { userIds = new[] { lead.Id } })).ReadSuccessAsync<JsonNode>();
        await (await _world.Host.Admin.PatchAsJsonAsync($"/api/v1/access/users/{api.TargetUserId}", new { homeGroupId = group })).ReadSuccessAsync<JsonNode>();
        var wrong = new List<string>();
        var sent = 0;

        async Task SendAsync(HttpClient client, AccessApi.Operation operation, string path, string? body, string what, string mediaType = "application/json", string? accept = null)
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, mediaType);
            if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            using var response = await client.SendAsync(request);
            sent++;
            var type = response.Content.Headers.ContentType?.MediaType;
            if ((int)response.StatusCode >= 500 || ((int)response.StatusCode >= 400 && type != ProblemAssertions.MediaType))
                wrong.Add($"{operation.Key} {what}: {(int)response.StatusCode} {type}");
        }

        foreach (var operation in api.Operations.OrderBy(o => o.Method == "DELETE"))
        {
            var path = api.PathOf(operation);
            var valid = operation.Body is null ? null : api.ValidBody(operation).ToJsonString();
            foreach (var client in new[] { _world.Host.Admin, lead.Client })
            {
                await SendAsync(client, operation, path, valid, "Accept: application/xml", accept: "application/xml");
                if (valid is null) continue;
                foreach (var raw in RawBodies) await SendAsync(client, operation, path, raw, $"body {raw[..Math.Min(raw.Length, 20)]}");
                await SendAsync(client, operation, path, valid, "as text/plain", mediaType: "text/plain");
                foreach (var field in api.Fields(operation).Select(f => f.Name).Append("unknownField"))
                foreach (var value in FieldValues)
                {
                    var body = api.ValidBody(operation);
                    body[field] = Marker;
                    await SendAsync(client, operation, path, body.ToJsonString().Replace($"\"{Marker}\"", value), $"{field} = {value[..Math.Min(value.Length, 20)]}");
                }
            }
            foreach (var parameter in AccessApi.RouteParameters(operation).Concat(operation.Query.Keys))
            foreach (var value in operation.Query.ContainsKey(parameter) ? QueryValues : RouteValues)
                await SendAsync(_world.Host.Admin, operation, api.PathOf(operation, new Dictionary<string, string?> { [parameter] = value }), valid,
                    $"{parameter} = {value[..Math.Min(value.Length, 20)]}");
        }

        Assert.True(sent > 1000, $"Only {sent} requests were sent.");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {sent} requests were answered wrong:\n" + string.Join("\n", wrong.Take(40)));
    }
}
