using System.Text.Json;
using System.Text.RegularExpressions;

namespace Greenlight.FrameConnector.Tests.Contract;

/// <summary>One documented operation: a method, a path of literal and parameter segments, and the fields of its example body, if any.</summary>
internal sealed record DocumentedRequest(string Method, IReadOnlyList<string?> Segments, IReadOnlySet<string>? BodyFields, string Source)
{
    /// <summary>True when <paramref name="path"/> (relative to /v4) has the same literal segments; parameters match any value.</summary>
    public bool Matches(string method, IReadOnlyList<string> path) =>
        Method == method && Segments.Count == path.Count && Segments.Zip(path).All(p => p.First is null || p.First == p.Second);

    public override string ToString() => $"{Method} /{string.Join('/', Segments.Select(s => s ?? ":param"))} ({Source})";
}

/// <summary>
/// Frame.io's published V4 Postman collection and the "Endpoints used" list of frameio.md, read from the
/// shared spec folder. In CI the repository is cloned beside <c>shared/</c> (…/main and …/shared); in a
/// git worktree (…/wt/name) the shared folder sits further up, so every ancestor of the repository is tried.
/// </summary>
internal static partial class PublishedSpec
{
    public static readonly string Folder = FindSpecFolder();

    public static IReadOnlyList<DocumentedRequest> PostmanCollection()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "frameio", "v4-postman-collection.json")));
        var requests = new List<DocumentedRequest>();
        Collect(document.RootElement.GetProperty("item"), requests);
        return requests;
    }

    /// <summary>
    /// The verbs and paths frameio.md documents, from "Endpoints used" to "Still NOT documented": <c>GET|POST /accounts/{a}/workspaces</c>,
    /// a verb alone "on the same path" as the previous one, and "the same pair at" a path (the previous path's verbs).
    /// </summary>
    public static IReadOnlyList<DocumentedRequest> FrameioMdEndpoints()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "frameio.md"));
        var start = text.IndexOf("Endpoints used", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("Still NOT documented", start, StringComparison.Ordinal);
        if (start < 0 || end < 0) throw new InvalidOperationException("frameio.md no longer has its \"Endpoints used\" list ending at \"Still NOT documented\".");
        var documented = new List<DocumentedRequest>();
        var (lastPath, lastVerbs) = ("", new List<string>());
        foreach (Match quoted in Quoted().Matches(text[start..end]))
        {
            var (token, after) = (quoted.Groups["token"].Value, text[(start + quoted.Index + quoted.Length)..end]);
            var before = text[start..(start + quoted.Index)];
            string[] verbs;
            if (VerbAndPath().Match(token) is { Success: true } full)
                (verbs, lastPath, lastVerbs) = (full.Groups["verbs"].Value.Split('|'), full.Groups["path"].Value, []);
            else if (Verbs().IsMatch(token) && after.StartsWith(" on the same path", StringComparison.Ordinal))
                verbs = token.Split('|');
            else if (token.StartsWith('/') && before.EndsWith("the same pair at ", StringComparison.Ordinal))
                (verbs, lastPath, lastVerbs) = ([.. lastVerbs], token, []);
            else
                continue;
            lastVerbs.AddRange(verbs);
            documented.AddRange(verbs.Select(verb => new DocumentedRequest(verb, Segments(lastPath, p => p.StartsWith('{')), null, "frameio.md")));
        }
        return documented;
    }

    public static IReadOnlyList<string> PathSegments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static void Collect(JsonElement items, List<DocumentedRequest> into)
    {
        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGetProperty("item", out var children))
            {
                Collect(children, into);
                continue;
            }
            var request = item.GetProperty("request");
            var path = string.Join('/', request.GetProperty("url").GetProperty("path").EnumerateArray().Select(s => s.GetString()));
            var body = request.TryGetProperty("body", out var b) && b.TryGetProperty("raw", out var raw) ? raw.GetString() : null;
            into.Add(new DocumentedRequest(request.GetProperty("method").GetString()!, Segments(path, s => s.StartsWith(':')),
                BodyFields(body), $"Postman: {item.GetProperty("name").GetString()}"));
        }
    }

    /// <summary>The segments after the version prefix, parameters as null.</summary>
    private static List<string?> Segments(string path, Func<string, bool> isParameter) =>
        [.. PathSegments(path).SkipWhile(s => s == "v4").Select(s => isParameter(s) ? null : s)];

    /// <summary>The example body's fields, inside <c>data</c> when it is wrapped (some examples are not); the collection's bodies carry // comments.</summary>
    public static IReadOnlySet<string>? BodyFields(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        using var document = JsonDocument.Parse(LineComment().Replace(json, ""), new JsonDocumentOptions { AllowTrailingCommas = true });
        var root = document.RootElement;
        var fields = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : root;
        return fields.EnumerateObject().Select(p => p.Name).ToHashSet();
    }

    private static string FindSpecFolder()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Host.sln"))) repository = repository.Parent;
        if (repository is null) throw new InvalidOperationException($"No Host.sln above {AppContext.BaseDirectory}.");
        for (var ancestor = repository.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            var spec = Path.Combine(ancestor.FullName, "shared", "spec");
            if (File.Exists(Path.Combine(spec, "frameio", "v4-postman-collection.json"))) return spec;
        }
        throw new InvalidOperationException($"No shared/spec/frameio beside {repository.FullName} or above it.");
    }

    [GeneratedRegex(@"`(?<token>[^`]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(?<verbs>(?:GET|POST|PUT|PATCH|DELETE)(?:\|(?:GET|POST|PUT|PATCH|DELETE))*) (?<path>/\S+)$")]
    private static partial Regex VerbAndPath();

    [GeneratedRegex(@"^(?:GET|POST|PUT|PATCH|DELETE)(?:\|(?:GET|POST|PUT|PATCH|DELETE))*$")]
    private static partial Regex Verbs();

    [GeneratedRegex(@"//[^\n""]*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();
}
