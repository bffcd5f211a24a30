using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Host.Tests.Http;

/// <summary>
/// The OpenAPI document over every operation of the host, the modules' and a plugin's alike: each body its
/// own named schema, each path parameter declared, each operation's problem responses listed.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed partial class OpenApiDocumentTests(ApiHostFixture fixture)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private sealed record Operation(string Method, string Path, JsonElement Value)
    {
        public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = await fixture.Host.Admin.GetJsonAsync("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => new Operation(o.Name, path.Name, o.Value.Clone())))
            .ToList();
        Assert.Contains(operations, o => o.Path.StartsWith("/api/v1/sample/", StringComparison.Ordinal));
        Assert.True(operations.Count > 50, $"The document lists only {operations.Count} operations.");
        return operations;
    }

    [Fact]
    public async Task Every_request_body_type_has_a_schema_of_its_own_named_after_it()
    {
        var operations = (await OperationsAsync()).ToDictionary(o => o.ToString());
        var namesByType = new Dictionary<Type, HashSet<string>>();
        var bodies = fixture.Host.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .Select(api => (Api: api, Body: api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)))
            .Where(b => b.Body is not null);
        foreach (var (api, body) in bodies)
        {
            var key = $"{api.HttpMethod} /{api.RelativePath?.TrimEnd('/')}";
            Assert.True(operations.TryGetValue(key, out var operation), $"{key} takes a {body!.Type.Name} but is not in the document.");
            var schema = operation.Value.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.True(schema.TryGetProperty("$ref", out var reference), $"{key}: the body {body!.Type.Name} has no named schema: {schema}");
            namesByType.TryAdd(body!.Type, []);
            namesByType[body.Type].Add(reference.GetString()!.Split('/')[^1]);
        }

        Assert.True(namesByType.Count > 20, $"Only {namesByType.Count} body types found.");
        Assert.All(namesByType, entry => Assert.True(entry.Value.Count == 1, $"{entry.Key} is described as {string.Join(", ", entry.Value)}"));
        var shared = namesByType.GroupBy(entry => entry.Value.Single()).Where(g => g.Count() > 1).ToList();
        Assert.True(shared.Count == 0, "Schemas describing several body types: " +
            string.Join("; ", shared.Select(g => $"{g.Key} = {string.Join(", ", g.Select(e => e.Key.FullName))}")));
        Assert.All(namesByType, entry => Assert.EndsWith(entry.Key.Name, entry.Value.Single()));
    }

    [Fact]
    public async Task Every_path_parameter_is_declared()
    {
        var undeclared = new List<string>();
        foreach (var operation in await OperationsAsync())
        {
            var declared = operation.Value.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToHashSet()
                : [];
            undeclared.AddRange(PathParameter().Matches(operation.Path).Select(m => m.Groups[1].Value).Where(name => !declared.Contains(name))
                .Select(name => $"{operation}: {name}"));
        }

        Assert.True(undeclared.Count == 0, "Undeclared path parameters:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public async Task Every_operation_lists_its_problem_responses_as_problem_json()
    {
        var wrong = new List<string>();
        foreach (var operation in await OperationsAsync())
        {
            var responses = operation.Value.GetProperty("responses");
            var expected = new List<string> { "400", "401", "403", "404", "409" };
            if (operation.Value.TryGetProperty("requestBody", out _)) expected.Add("413");
            wrong.AddRange(expected.Where(status => !responses.TryGetProperty(status, out _)).Select(status => $"{operation}: {status} is not listed"));
            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                if (!response.Value.TryGetProperty("content", out var content) || !content.TryGetProperty(ProblemAssertions.MediaType, out var media))
                    wrong.Add($"{operation}: {response.Name} is not {ProblemAssertions.MediaType}: {response.Value}");
                else if (response.Name == "400" && media.GetProperty("schema").GetProperty("$ref").GetString() != "#/components/schemas/ValidationProblemDetails")
                    wrong.Add($"{operation}: 400 is not a validation problem: {media}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} problem responses missing or wrong:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_body_schema_requires_what_a_client_must_send_and_allows_null_only_where_declared()
    {
        var schemas = (await fixture.Host.Admin.GetJsonAsync("/openapi/v1.json")).GetProperty("components").GetProperty("schemas");

        // ProbeSwitch(bool Failing): a plugin's body, under the host's rules like any module's.
        var probe = schemas.GetProperty("ProbeSwitch");
        Assert.Equal(["failing"], probe.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        // CreateApiToken(string Name): a text the validator requires, never null.
        var token = schemas.GetProperty("CreateApiToken");
        Assert.Equal(["name"], token.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("string", token.GetProperty("properties").GetProperty("name").GetProperty("type").GetString());
    }

    [GeneratedRegex("{([^}:]+)[^}]*}")]
    private static partial Regex PathParameter();
}
