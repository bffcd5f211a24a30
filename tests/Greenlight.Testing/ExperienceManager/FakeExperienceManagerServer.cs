using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Greenlight.Testing.ExperienceManager;

/// <summary>How the fake answers initiateUpload; small part sizes make multi-part uploads of small test files.</summary>
public sealed record FakeExperienceManagerOptions
{
    public string AccessToken { get; init; } = "fake-aem-token";

    public long MinPartSize { get; init; } = 1024;

    public long MaxPartSize { get; init; } = 64 * 1024;

    public int MaxUploadUris { get; init; } = 10;
}

/// <summary>One request the fake answered.</summary>
public sealed record RecordedRequest(string Method, string Path, bool HadAuthorization, int Status);

/// <summary>An asset the fake holds: the reassembled bytes and its metadata.</summary>
public sealed record FakeAsset(string Path, string MimeType, byte[] Content, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// A fake Experience Manager Assets server on Kestrel on a free loopback port, speaking real HTTP:
/// the Assets HTTP API under <c>/api/assets</c> (folders, asset metadata), direct binary upload
/// (<c>{folder}.initiateUpload.json</c>, part PUTs to upload URIs on this same server, <c>completeUpload.json</c>),
/// a bearer-token check on everything but the upload URIs (cloud storage never sees the token),
/// injected faults and latency, and a log of every request.
/// </summary>
public sealed class FakeExperienceManagerServer : IAsyncDisposable
{
    private const string AssetsApi = "/api/assets/";
    private const string Dam = "/content/dam/";
    private const string UploadPrefix = "/upload/";
    private const string InitiateSuffix = ".initiateUpload.json";
    private const string CompleteSuffix = ".completeUpload.json";

    private readonly FakeExperienceManagerOptions _options;
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _folderTitles = new(StringComparer.Ordinal) { [""] = "DAM" };
    private readonly Dictionary<string, FakeAsset> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingUpload> _uploads = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<Fault> _faults = [];

    private FakeExperienceManagerServer(FakeExperienceManagerOptions options)
    {
        _options = options;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(AnswerAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public string AccessToken => _options.AccessToken;

    /// <summary>Delay before every answer, to exercise timeouts and cancellation.</summary>
    public TimeSpan Latency { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_lock) return [.. _requests]; }
    }

    public static async Task<FakeExperienceManagerServer> StartAsync(FakeExperienceManagerOptions? options = null)
    {
        var server = new FakeExperienceManagerServer(options ?? new FakeExperienceManagerOptions());
        await server._app.StartAsync();
        // Kestrel has replaced port 0 with the one it bound.
        var address = server._app.Urls.Single();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    public bool FolderExists(string path)
    {
        lock (_lock) return _folderTitles.ContainsKey(Normalize(path));
    }

    public FakeAsset? Asset(string path)
    {
        lock (_lock) return _assets.GetValueOrDefault(Normalize(path));
    }

    /// <summary>Answers the next <paramref name="count"/> requests whose path contains <paramref name="pathContains"/> (any, when null) with <paramref name="status"/>.</summary>
    public void InjectFault(HttpStatusCode status, int count = 1, string? pathContains = null)
    {
        lock (_lock) _faults.Add(new Fault(status, pathContains) { Remaining = count });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, context.RequestAborted);
        var (status, body) = TakeFault(path) ?? await RouteAsync(request, path);
        lock (_lock) _requests.Add(new RecordedRequest(request.Method, path, request.Headers.Authorization.Count > 0, (int)status));
        context.Response.StatusCode = (int)status;
        if (body is null) return;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private async Task<(HttpStatusCode, JsonNode?)> RouteAsync(HttpRequest request, string path)
    {
        if (path.StartsWith(UploadPrefix, StringComparison.Ordinal) && HttpMethods.IsPut(request.Method))
            return await ReceivePartAsync(request, path[UploadPrefix.Length..]);
        if (request.Headers.Authorization.ToString() != "Bearer " + _options.AccessToken)
            return Error(HttpStatusCode.Unauthorized, "missing or wrong bearer token");
        if (path == "/api/assets.json" && HttpMethods.IsGet(request.Method)) return Describe(""); // The DAM root, as a connection test reads it.
        if (path.StartsWith(AssetsApi, StringComparison.Ordinal))
        {
            var target = path[AssetsApi.Length..];
            return request.Method switch
            {
                "GET" when target.EndsWith(".json", StringComparison.Ordinal) => Describe(Normalize(target[..^".json".Length])),
                "POST" => CreateFolder(Normalize(target), await ReadJsonAsync(request)),
                "PUT" => UpdateMetadata(Normalize(target), await ReadJsonAsync(request)),
                _ => Error(HttpStatusCode.MethodNotAllowed, "unsupported method"),
            };
        }
        if (path.StartsWith(Dam, StringComparison.Ordinal) && HttpMethods.IsPost(request.Method))
        {
            var form = await request.ReadFormAsync();
            if (path.EndsWith(InitiateSuffix, StringComparison.Ordinal))
                return Initiate(Normalize(path[Dam.Length..^InitiateSuffix.Length]), form);
            if (path.EndsWith(CompleteSuffix, StringComparison.Ordinal))
                return Complete(Normalize(path[Dam.Length..^CompleteSuffix.Length]), form);
        }
        return Error(HttpStatusCode.NotFound, "no such resource");
    }

    private (HttpStatusCode, JsonNode?) Describe(string path)
    {
        lock (_lock)
        {
            if (_folderTitles.TryGetValue(path, out var title))
                return (HttpStatusCode.OK, Entity("assets/folder", new JsonObject { ["name"] = Name(path), ["title"] = title }));
            if (_assets.TryGetValue(path, out var asset))
            {
                var metadata = new JsonObject();
                foreach (var (name, value) in asset.Metadata) metadata[name] = value;
                return (HttpStatusCode.OK, Entity("assets/asset", new JsonObject { ["name"] = Name(path), ["metadata"] = metadata }));
            }
        }
        return Error(HttpStatusCode.NotFound, "not found");
    }

    private (HttpStatusCode, JsonNode?) CreateFolder(string path, JsonNode? body)
    {
        if (body?["class"]?.GetValue<string>() != "assetFolder") return Error(HttpStatusCode.BadRequest, "class must be assetFolder");
        lock (_lock)
        {
            if (_folderTitles.ContainsKey(path) || _assets.ContainsKey(path)) return Error(HttpStatusCode.Conflict, "already exists");
            // AEM answers 412 when the parent of the new folder is missing.
            if (!_folderTitles.ContainsKey(Parent(path))) return Error(HttpStatusCode.PreconditionFailed, "parent folder missing");
            _folderTitles[path] = body["properties"]?["jcr:title"]?.GetValue<string>() ?? Name(path);
        }
        return (HttpStatusCode.Created, null);
    }

    private (HttpStatusCode, JsonNode?) UpdateMetadata(string path, JsonNode? body)
    {
        if (body?["class"]?.GetValue<string>() != "asset") return Error(HttpStatusCode.BadRequest, "class must be asset");
        lock (_lock)
        {
            if (!_assets.TryGetValue(path, out var asset)) return Error(HttpStatusCode.NotFound, "no such asset");
            var metadata = new Dictionary<string, string>(asset.Metadata, StringComparer.Ordinal);
            foreach (var (name, value) in body["properties"]?.AsObject() ?? [])
                metadata[name] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
            _assets[path] = asset with { Metadata = metadata };
        }
        return (HttpStatusCode.OK, null);
    }

    private (HttpStatusCode, JsonNode?) Initiate(string folder, IFormCollection form)
    {
        if (!long.TryParse(form["fileSize"], CultureInfo.InvariantCulture, out var fileSize) || form["fileName"] is not [{ Length: > 0 } fileName])
            return Error(HttpStatusCode.BadRequest, "fileName and fileSize are required");
        lock (_lock)
        {
            if (!_folderTitles.ContainsKey(folder)) return Error(HttpStatusCode.NotFound, "no such folder");
            // As many URIs as minimum-size parts need, within the limit: the client must spread a large file over them.
            var uriCount = (int)Math.Clamp((fileSize + _options.MinPartSize - 1) / _options.MinPartSize, 1, _options.MaxUploadUris);
            var token = Guid.NewGuid().ToString("N");
            _uploads[token] = new PendingUpload(folder, fileName, fileSize, new byte[]?[uriCount]);
            var uris = new JsonArray([.. Enumerable.Range(0, uriCount).Select(i => JsonValue.Create($"{BaseUrl}upload/{token}/{i}?sig=fake-signature"))]);
            return (HttpStatusCode.OK, new JsonObject
            {
                ["completeURI"] = $"{Dam}{folder}{CompleteSuffix}",
                ["folderPath"] = $"{Dam}{folder}",
                ["files"] = new JsonArray(new JsonObject
                {
                    ["fileName"] = fileName,
                    ["mimeType"] = "application/octet-stream",
                    ["uploadToken"] = token,
                    ["uploadURIs"] = uris,
                    ["minPartSize"] = _options.MinPartSize,
                    ["maxPartSize"] = _options.MaxPartSize,
                }),
            });
        }
    }

    private async Task<(HttpStatusCode, JsonNode?)> ReceivePartAsync(HttpRequest request, string tokenAndIndex)
    {
        var separator = tokenAndIndex.IndexOf('/');
        using var bytes = new MemoryStream();
        await request.Body.CopyToAsync(bytes);
        lock (_lock)
        {
            if (separator < 0 || !_uploads.TryGetValue(tokenAndIndex[..separator], out var upload)
                || !int.TryParse(tokenAndIndex[(separator + 1)..], CultureInfo.InvariantCulture, out var index) || index >= upload.Parts.Length)
                return Error(HttpStatusCode.NotFound, "no such upload URI");
            if (bytes.Length > _options.MaxPartSize) return Error(HttpStatusCode.RequestEntityTooLarge, "part above maxPartSize");
            upload.Parts[index] = bytes.ToArray();
        }
        return (HttpStatusCode.Created, null);
    }

    private (HttpStatusCode, JsonNode?) Complete(string folder, IFormCollection form)
    {
        lock (_lock)
        {
            if (!_uploads.TryGetValue(form["uploadToken"].ToString(), out var upload) || upload.Folder != folder || upload.FileName != form["fileName"])
                return Error(HttpStatusCode.BadRequest, "unknown upload token for this folder and file");
            if (upload.Reassemble(_options.MinPartSize) is not { } content)
                return Error(HttpStatusCode.BadRequest, "parts missing, out of order, below minPartSize or not adding up to fileSize");
            _uploads.Remove(form["uploadToken"].ToString());
            var path = folder + "/" + upload.FileName;
            var mimeType = form["mimeType"].ToString();
            _assets[path] = new FakeAsset(path, mimeType, content, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["dc:format"] = mimeType,
                ["dam:size"] = content.Length.ToString(CultureInfo.InvariantCulture),
            });
        }
        return (HttpStatusCode.Created, null);
    }

    private (HttpStatusCode, JsonNode?)? TakeFault(string path)
    {
        lock (_lock)
        {
            var fault = _faults.FirstOrDefault(f => f.PathContains is null || path.Contains(f.PathContains, StringComparison.Ordinal));
            if (fault is null) return null;
            if (--fault.Remaining == 0) _faults.Remove(fault);
            return Error(fault.Status, "injected fault");
        }
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request) => await JsonNode.ParseAsync(request.Body);

    private static JsonObject Entity(string type, JsonObject properties) => new() { ["class"] = new JsonArray(type), ["properties"] = properties };

    private static (HttpStatusCode, JsonNode?) Error(HttpStatusCode status, string message) => (status, new JsonObject { ["error"] = message });

    private static string Normalize(string path) => string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries));

    private static string Parent(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    private static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    private sealed record Fault(HttpStatusCode Status, string? PathContains)
    {
        public int Remaining { get; set; }
    }

    private sealed record PendingUpload(string Folder, string FileName, long FileSize, byte[]?[] Parts)
    {
        /// <summary>The binary, when the received parts form it: a prefix of the URIs, each part but the last at least the minimum.</summary>
        public byte[]? Reassemble(long minPartSize)
        {
            var received = Parts.TakeWhile(p => p is not null).Select(p => p!).ToList();
            if (received.Count == 0 || Parts.Skip(received.Count).Any(p => p is not null)) return null;
            if (received.SkipLast(1).Any(p => p.Length < minPartSize)) return null;
            var content = received.SelectMany(p => p).ToArray();
            return content.Length == FileSize ? content : null;
        }
    }
}
