using System.Text.RegularExpressions;

namespace Greenlight.Integration.Tests.Sweeps;

/// <summary>A parameter of an operation as the OpenAPI document declares it.</summary>
public sealed record ApiParameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>One operation of the OpenAPI document: what the sweeps call, fill and check.</summary>
public sealed partial record ApiOperation(string Method, string Template, IReadOnlyList<ApiParameter> Parameters, JsonElement? Body)
{
    public string Key => $"{Method} {Template}";

    public IEnumerable<ApiParameter> Path => Parameters.Where(p => p.In == "path");

    public IEnumerable<ApiParameter> Query => Parameters.Where(p => p.In == "query");

    /// <summary>The names of the path's parameters, in their order.</summary>
    public IReadOnlyList<string> PathNames => [.. PathParameter().Matches(Template).Select(m => m.Groups[1].Value)];

    /// <summary>The path with each parameter replaced by <paramref name="value"/>'s answer, escaped.</summary>
    public string FillPath(Func<string, string> value) =>
        PathParameter().Replace(Template, m => Uri.EscapeDataString(value(m.Groups[1].Value)));

    public override string ToString() => Key;

    [GeneratedRegex("{([^}:]+)[^}]*}")]
    private static partial Regex PathParameter();
}

/// <summary>
/// The host's OpenAPI document, read as a client reads it: the operations, and the schemas their bodies and
/// parameters name. The sweeps are driven by it, so an operation added tomorrow is swept without editing them.
/// </summary>
public sealed class ApiDocument
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private readonly JsonElement _schemas;

    private ApiDocument(JsonElement document)
    {
        _schemas = document.GetProperty("components").GetProperty("schemas");
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
        {
            var parameters = operation.Value.TryGetProperty("parameters", out var declared)
                ? declared.EnumerateArray().Select(p => new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                    p.TryGetProperty("required", out var r) && r.GetBoolean(), p.TryGetProperty("schema", out var s) ? s : default)).ToList()
                : [];
            JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                && requestBody.GetProperty("content").TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : null;
            operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, body));
        }
        Operations = operations;
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public static async Task<ApiDocument> LoadAsync(HttpClient admin)
    {
        var document = new ApiDocument(await admin.GetJsonAsync("/openapi/v1.json"));
        Assert.True(document.Operations.Count > 50, $"The document lists only {document.Operations.Count} operations.");
        return document;
    }

    /// <summary>The schema itself, following a <c>$ref</c> into the components.</summary>
    public JsonElement Resolve(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
            ? _schemas.GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    /// <summary>The properties a body must carry, as its schema says.</summary>
    public IReadOnlyList<string> RequiredFields(JsonElement schema) =>
        Resolve(schema).TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];

    /// <summary>A GET of <paramref name="template"/> in the document, if there is one.</summary>
    public ApiOperation? Get(string template) => Operations.FirstOrDefault(o => o.Method == "GET" && o.Template == template);
}

/// <summary>What a schema says of a value's type, in the few words the sweeps need.</summary>
public static class SchemaTypes
{
    public static bool Has(JsonElement schema, string type) => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var declared) &&
        (declared.ValueKind == JsonValueKind.String ? declared.GetString() == type : declared.EnumerateArray().Any(t => t.GetString() == type));

    /// <summary>A property a body cannot set: the host only ever writes it.</summary>
    public static bool IsReadOnly(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("readOnly", out var readOnly) && readOnly.GetBoolean();

    public static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    public static IReadOnlyList<string> EnumNames(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var names)
            ? [.. names.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!)]
            : [];
}
