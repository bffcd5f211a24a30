using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Greenlight.Integration.Tests.Sweeps;

/// <summary>The fuzzer's host takes small bodies, so a body over the limit is cheap to send.</summary>
public sealed class FuzzFixture : SweepFixture
{
    public const int MaxRequestBodyBytes = 64 * 1024;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Http:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString() };
}

/// <summary>
/// Every operation of the OpenAPI document, called by the System Administrator (who passes every check, so
/// input reaches as deep as it can) with malformed JSON, wrong types, nulls, huge and odd strings, deep nesting,
/// bad and odd ids in the path and the query, odd Accept and Content-Type headers, and bodies over the limit:
/// no answer is a 5xx, every 4xx is a problem+json (a 400 naming the field), and the host is still ready afterwards. Deterministic and
/// bounded: a fixed list of cases per operation, on loopback only (Frame.io and Experience Manager are fakes).
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class FuzzSweepTests(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    /// <summary>A safety bound on a loaded machine: cases are sent in rounds over every operation, so a cut still covered each one.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(8);

    /// <param name="MayBeCutOff">Kestrel may close the connection on a body over the limit before the client reads the answer.</param>
    private sealed record FuzzCase(ApiOperation Operation, string Name, Func<HttpRequestMessage> Request, bool MayBeCutOff = false)
    {
        public override string ToString() => $"{Operation} [{Name}]";
    }

    [Fact]
    public async Task No_request_gets_a_5xx_and_every_error_is_problem_json()
    {
        var world = fixture.World;
        var report = new SweepReport(output);
        var perOperation = world.Api.Operations.Select(o => Cases(world, o).ToList()).ToList();
        // Round by round over every operation, deletions after the rest: a cut by the budget still reached each operation.
        var rounds = Enumerable.Range(0, perOperation.Max(c => c.Count))
            .SelectMany(round => perOperation.Where(c => c.Count > round).Select(c => c[round]))
            .OrderBy(c => c.Operation.Method == "DELETE")
            .ToList();
        using var client = world.Host.Client(world.Host.AdminToken);
        client.Timeout = TimeSpan.FromMinutes(1);
        var deadline = DateTime.UtcNow + Budget;
        foreach (var fuzz in rounds)
        {
            if (DateTime.UtcNow > deadline)
            {
                report.Note($"The budget of {Budget} ran out after {report.Cases} of {rounds.Count} cases.");
                break;
            }
            await SendAsync(client, fuzz, report);
        }

        await Eventually.HoldsAsync(async () => (await world.Host.Anonymous.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            "the host is ready after the fuzzing");
        report.AssertNoFailures("fuzzer", atLeastCases: world.Api.Operations.Count * 5);
    }

    private static async Task SendAsync(HttpClient client, FuzzCase fuzz, SweepReport report)
    {
        try
        {
            using var request = fuzz.Request();
            // A connection the host may cut is not handed back to the pool for the next case.
            request.Headers.ConnectionClose = fuzz.MayBeCutOff;
            using var response = await client.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status >= 500) report.Failed(fuzz.ToString(), $"answered {status} {SweepReport.Shorten(answer)}");
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != ProblemAssertions.MediaType)
                report.Failed(fuzz.ToString(), $"answered {status} as '{response.Content.Headers.ContentType}', not a problem: {SweepReport.Shorten(answer)}");
            else if (status == 400 && !NamesAField(answer)) report.Failed(fuzz.ToString(), $"answered 400 naming no field: {SweepReport.Shorten(answer)}");
            else report.Passed($"{fuzz} → {status}");
        }
        catch (HttpRequestException error) when (fuzz.MayBeCutOff)
        {
            report.Passed($"{fuzz} → connection closed ({error.Message})");
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            report.Failed(fuzz.ToString(), $"no answer: {error.Message}");
        }
    }

    private static bool NamesAField(string problem)
    {
        using var parsed = JsonDocument.Parse(problem);
        return parsed.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any();
    }

    private static IEnumerable<FuzzCase> Cases(SweepWorld world, ApiOperation operation)
    {
        var method = new HttpMethod(operation.Method);
        var url = world.Url(operation);
        var body = operation.Body is { } schema ? world.BodiesFor(operation).Build(schema) : null;

        HttpRequestMessage Request(string? at = null, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, at ?? url);
            request.Content = content ?? (body is null ? null : SweepWorld.Json(body));
            return request;
        }

        FuzzCase Case(string name, Func<HttpRequestMessage> request) => new(operation, name, request);

        yield return Case("Accept: application/xml", () => With(Request(), r => r.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"))));
        yield return Case("Accept: text/html only, odd quality", () => With(Request(), r => r.Headers.TryAddWithoutValidation("Accept", "text/html;q=abc, image/*;q=0")));
        yield return Case("odd headers", () => With(Request(), r =>
        {
            r.Headers.TryAddWithoutValidation("X-Forwarded-For", "not-an-address, 999.1.1.1");
            r.Headers.TryAddWithoutValidation("If-None-Match", "\"unbalanced");
            r.Headers.TryAddWithoutValidation("Accept-Language", new string('x', 4000));
        }));

        foreach (var (name, index) in operation.PathNames.Select((n, i) => (n, i)))
        foreach (var odd in OddIds.Skip(index % 3).Where((_, i) => i % 2 == 0))
            yield return Case($"path {name} = {Describe(odd)}", () => Request(world.Url(operation, n => n == name ? odd : null)));

        foreach (var parameter in operation.Query)
        foreach (var odd in OddQueryValues)
            yield return Case($"query {parameter.Name} = {Describe(odd)}", () => Request(world.Url(operation, query: new Dictionary<string, string> { [parameter.Name] = odd })));

        if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            var over = new string('a', FuzzFixture.MaxRequestBodyBytes + 1);
            yield return new(operation, "body over the limit", () => Request(content: new StringContent($"{{\"name\":\"{over}\"}}", Encoding.UTF8, "application/json")), MayBeCutOff: true);
            yield return new(operation, "body over the limit, chunked", () => Request(content: new ChunkedContent(Encoding.UTF8.GetBytes($"{{\"name\":\"{over}\"}}"))), MayBeCutOff: true);
        }
        if (body is null) yield break;

        foreach (var (name, text) in MalformedBodies)
            yield return Case($"body {name}", () => Request(content: new StringContent(text, Encoding.UTF8, "application/json")));
        yield return Case("body not UTF-8", () => Request(content: new ByteArrayContent([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0xff, 0x7d]) { Headers = { ContentType = new("application/json") } }));
        yield return Case("Content-Type: text/plain", () => Request(content: new StringContent(body.ToJsonString(), Encoding.UTF8, "text/plain")));
        yield return Case("Content-Type: application/xml", () => Request(content: new StringContent("<body/>", Encoding.UTF8, "application/xml")));
        yield return Case("no Content-Type", () => Request(content: new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()))));
        yield return Case("Content-Type: multipart garbage", () => Request(content: new StringContent("--x\r\n\r\n", Encoding.UTF8, "multipart/form-data")));
        yield return Case("Content-Type: application/json; charset=utf-16, UTF-8 bytes", () =>
            Request(content: new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString())) { Headers = { ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-16") } }));
        if (body is JsonObject) yield return Case("unknown extra field", () => Request(content: SweepWorld.Json(Bodies.With(body, "unexpected", "x"))));
        yield return Case("deep nesting as the body", () => Request(content: new StringContent(new string('[', 5000) + new string(']', 5000), Encoding.UTF8, "application/json")));

        foreach (var path in Bodies.Paths(body))
        {
            var current = Bodies.At(body, path);
            var odd = path.Contains('.') || path.Contains('[') ? OddValues(current).Take(NestedOddValues) : OddValues(current);
            foreach (var (name, value) in odd)
                yield return Case($"{path} = {name}", () => Request(content: SweepWorld.Json(Bodies.With(body, path, value?.DeepClone()))));
        }
    }

    /// <summary>
    /// Ids no object has, in the shapes a careless parser or a log line trips on. (No NUL: Kestrel refuses a
    /// request whose path holds one before any of the host runs, with an empty 400.)
    /// </summary>
    private static readonly string[] OddIds =
    [
        "no-such-id", "..", new string('x', 3000), "ü😀\u202e", "' OR '1'='1", "-1", "99999999999999999999", " ", "%2F", "{id}", "\r\nX-Injected: 1",
    ];

    private static readonly string[] OddQueryValues = ["", "-1", "999", "abc", "1e99", "\0", "ü😀", new string('9', 3000)];

    private static readonly (string Name, string Text)[] MalformedBodies =
    [
        ("empty", ""), ("unclosed object", "{"), ("unfinished property", "{\"name\":"), ("unclosed array", "[1,2"), ("bare word", "nul"),
        ("unterminated string", "\"abc"), ("trailing garbage", "{}}"), ("null", "null"), ("an array", "[]"), ("a number", "42"),
        ("a string", "\"text\""), ("duplicate property", "{\"name\":\"a\",\"name\":\"b\"}"), ("comment", "{/* c */}"),
    ];

    /// <summary>How many of <see cref="OddValues"/> a nested property gets: null and the wrong types.</summary>
    private const int NestedOddValues = 4;

    /// <summary>Null and values of the wrong types first, then texts that are huge, odd or hostile, and what fits the property's current value.</summary>
    private static IEnumerable<(string Name, JsonNode? Value)> OddValues(JsonNode? current)
    {
        yield return ("null", null);
        yield return ("a number", 7);
        yield return ("a string", "not-what-is-expected");
        yield return ("true", true);
        yield return ("an object", new JsonObject { ["nested"] = new JsonArray(1, "two") });
        yield return ("an array of nulls", new JsonArray(null, null));
        yield return ("a huge text", new string('x', 60 * 1024));
        yield return ("control characters and odd unicode", "\0\r\n\t\u001b[31m\u202e😀\uFFFF");
        yield return ("a format string", "{0}} {id}");
        yield return ("deep nesting", Nest(200));
        if (current is JsonArray) yield return ("10000 items", new JsonArray([.. Enumerable.Range(0, 10_000).Select(i => (JsonNode?)JsonValue.Create($"id-{i}"))]));
        if (current?.GetValueKind() == JsonValueKind.String) yield return ("empty text", "");
        if (current?.GetValueKind() == JsonValueKind.Number) yield return ("a huge number", JsonNode.Parse("1e400"));
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++) node = new JsonArray(node);
        return node;
    }

    private static HttpRequestMessage With(HttpRequestMessage request, Action<HttpRequestMessage> change)
    {
        change(request);
        return request;
    }

    private static string Describe(string value) =>
        value.Length > 40 ? $"{value.Length} × '{value[0]}'" : JsonSerializer.Serialize(value);

    /// <summary>A body without a Content-Length, sent in chunks: the host learns its size only by reading it.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            foreach (var chunk in _bytes.Chunk(8192)) await stream.WriteAsync(chunk);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
