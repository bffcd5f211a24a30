using System.Text.Json.Nodes;

namespace Greenlight.Integration.Tests.Sweeps;

/// <summary>
/// Request bodies built from an operation's schema: every required property, the optional lists and objects
/// (what a body is made of, e.g. an approval's paths of stages), the optional values the world knows by name
/// (a name, an e-mail), and optional ids only when asked for. A property's value comes from what the world
/// knows by its name (ids of real objects, a valid e-mail), else from its schema (the first enum name, a
/// text, a number, a date). Read-only properties are never sent.
/// </summary>
public sealed class Bodies(ApiDocument api, Func<string, JsonNode?> known)
{
    private const int MaxDepth = 8;

    /// <param name="withOptional">Optional top-level properties to set too (ids that link other objects).</param>
    public JsonNode Build(JsonElement schema, IReadOnlySet<string>? withOptional = null) => Value("body", schema, 0, withOptional ?? new HashSet<string>())!;

    /// <summary>The paths ("stages[0].name") of the required properties of a body built by <see cref="Build"/>, nested ones too.</summary>
    public IReadOnlyList<string> RequiredPaths(JsonElement schema, JsonNode body)
    {
        var paths = new List<string>();
        Collect(schema, body, "", 0);
        return paths;

        void Collect(JsonElement at, JsonNode? node, string prefix, int depth)
        {
            var resolved = api.Resolve(at);
            if (depth > MaxDepth || node is null) return;
            if (node is JsonArray { Count: > 0 } array && resolved.TryGetProperty("items", out var items))
            {
                Collect(items, array[0], $"{prefix}[0]", depth + 1);
                return;
            }
            if (node is not JsonObject obj || !resolved.TryGetProperty("properties", out var properties)) return;
            var required = api.RequiredFields(resolved);
            foreach (var property in properties.EnumerateObject().Where(p => obj.ContainsKey(p.Name)))
            {
                var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                if (required.Contains(property.Name)) paths.Add(path);
                Collect(property.Value, obj[property.Name], path, depth + 1);
            }
        }
    }

    /// <summary>A copy of <paramref name="body"/> without the property at <paramref name="path"/>.</summary>
    public static JsonNode Without(JsonNode body, string path)
    {
        var copy = body.DeepClone();
        var (parent, name) = Parent(copy, path);
        parent.Remove(name);
        return copy;
    }

    /// <summary>A copy of <paramref name="body"/> with <paramref name="value"/> at <paramref name="path"/>.</summary>
    public static JsonNode With(JsonNode body, string path, JsonNode? value)
    {
        var copy = body.DeepClone();
        var (parent, name) = Parent(copy, path);
        parent[name] = value;
        return copy;
    }

    /// <summary>The value at <paramref name="path"/> in <paramref name="body"/>.</summary>
    public static JsonNode? At(JsonNode body, string path)
    {
        var (parent, name) = Parent(body, path);
        return parent[name];
    }

    /// <summary>The paths of every property in <paramref name="body"/>, nested ones (in a list, its first item's) too.</summary>
    public static IReadOnlyList<string> Paths(JsonNode body)
    {
        var paths = new List<string>();
        Walk(body, "");
        return paths;

        void Walk(JsonNode? node, string prefix)
        {
            if (node is JsonArray { Count: > 0 } array) Walk(array[0], $"{prefix}[0]");
            if (node is not JsonObject obj) return;
            foreach (var (name, value) in obj)
            {
                var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
                paths.Add(path);
                Walk(value, path);
            }
        }
    }

    /// <summary>The object holding the property at "stages[0].participants[0].role", and the property's name.</summary>
    private static (JsonObject Parent, string Name) Parent(JsonNode root, string path)
    {
        var segments = path.Split('.');
        var node = root;
        foreach (var segment in segments[..^1])
        {
            var parts = segment.Split('[');
            node = node[parts[0]]!;
            foreach (var index in parts.Skip(1)) node = node[int.Parse(index.TrimEnd(']'))]!;
        }
        return (node.AsObject(), segments[^1]);
    }

    private JsonNode? Value(string name, JsonElement schema, int depth, IReadOnlySet<string> withOptional)
    {
        if (known(name) is { } value) return value;
        var resolved = api.Resolve(schema);
        if (SchemaTypes.EnumNames(resolved) is { Count: > 0 } names) return names[0];
        if (resolved.TryGetProperty("properties", out var properties))
        {
            var required = api.RequiredFields(resolved);
            var obj = new JsonObject();
            if (depth >= MaxDepth) return obj;
            foreach (var property in properties.EnumerateObject().Where(p => !SchemaTypes.IsReadOnly(p.Value)))
            {
                var include = required.Contains(property.Name) || (depth == 0 && withOptional.Contains(property.Name))
                    || (!IsId(property.Name) && (IsStructure(property.Value) || known(property.Name) is not null));
                if (include) obj[property.Name] = Value(property.Name, property.Value, depth + 1, withOptional);
            }
            return obj;
        }
        if (SchemaTypes.Has(resolved, "array"))
            return depth >= MaxDepth || !resolved.TryGetProperty("items", out var items) ? new JsonArray() : new JsonArray(Value(Singular(name), items, depth + 1, withOptional));
        if (SchemaTypes.Has(resolved, "object")) return new JsonObject();
        if (SchemaTypes.Has(resolved, "boolean")) return true;
        if (SchemaTypes.Has(resolved, "integer") || SchemaTypes.Has(resolved, "number")) return 1;
        return SchemaTypes.Format(resolved) switch
        {
            "date" => "2031-03-10",
            "date-time" => "2031-03-10T09:00:00Z",
            // Loopback, and a port nothing listens on: a sweep never reaches out of the machine.
            "uri" => "http://127.0.0.1:9/",
            _ => World.Unique("sweep"),
        };
    }

    /// <summary>A list or object a body is made of, as opposed to a scalar.</summary>
    private bool IsStructure(JsonElement schema)
    {
        var resolved = api.Resolve(schema);
        return SchemaTypes.Has(resolved, "array") || resolved.TryGetProperty("properties", out _);
    }

    /// <summary>An optional link to another object: set only when a sweep asks, as two of them may exclude each other (a project's program or portfolio).</summary>
    private static bool IsId(string name) => name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("Ids", StringComparison.Ordinal);

    /// <summary>An item of "userIds" is a "userId": what the world knows of one names it so.</summary>
    private static string Singular(string name) => name.EndsWith("Ids", StringComparison.Ordinal) ? name[..^1] : name;
}
