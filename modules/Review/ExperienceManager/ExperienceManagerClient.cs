using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Greenlight.Modules.Review.ExperienceManager;

/// <summary>
/// <see cref="IExperienceManagerClient"/> over one <see cref="HttpClient"/>. The bearer token goes on
/// each request to Experience Manager and never to the upload URIs, which point at cloud storage
/// and carry their own signature; neither the token nor those URIs are logged or put in errors.
/// </summary>
public sealed class ExperienceManagerClient(HttpClient http, ILogger<ExperienceManagerClient> logger) : IExperienceManagerClient
{
    private const int ErrorBodyShown = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task EnsureFolderAsync(ExperienceManagerConnection connection, string folderPath, CancellationToken cancellationToken = default)
    {
        var folder = DamPath.Parse(folderPath);
        // The usual case, a folder used before, costs one request.
        if (await ReadAsync(connection, folder, cancellationToken) is not null) return;
        foreach (var level in folder.SelfAndAncestorsTopDown())
        {
            var body = new JsonObject { ["class"] = "assetFolder", ["properties"] = new JsonObject { ["jcr:title"] = level.Name } };
            using var response = await SendAsync(connection, HttpMethod.Post, level.AssetsApi, JsonContent.Create(body), cancellationToken);
            // 409: the level exists (or another sender created it a moment ago).
            if (response.StatusCode == HttpStatusCode.Conflict) continue;
            await EnsureSuccessAsync(response, cancellationToken);
            logger.LogInformation("Created Experience Manager folder {FolderPath}", level.ToString());
        }
    }

    public async Task<string> UploadAsync(ExperienceManagerConnection connection, string folderPath, AssetFile file, CancellationToken cancellationToken = default)
    {
        var folder = DamPath.Parse(folderPath);
        var asset = folder.Child(file.FileName);
        var initiated = await InitiateAsync(connection, folder, file, cancellationToken);
        var target = initiated.Files.SingleOrDefault(f => f.FileName == file.FileName)
                     ?? throw new InvalidOperationException($"Experience Manager's initiateUpload answer names no file {file.FileName}.");
        var parts = UploadParts.Plan(file.Length, target.UploadUris.Count, target.MinPartSize, target.MaxPartSize);
        for (var index = 0; index < parts.Count; index++)
            await PutPartAsync(target.UploadUris[index], file.Content, parts[index], cancellationToken);

        var completion = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["fileName"] = file.FileName,
            ["mimeType"] = file.MimeType,
            ["uploadToken"] = target.UploadToken,
        });
        using (var completed = await SendAsync(connection, HttpMethod.Post, initiated.CompleteUri, completion, cancellationToken))
            await EnsureSuccessAsync(completed, cancellationToken);
        logger.LogInformation("Uploaded {AssetPath} to Experience Manager: {Bytes} bytes in {PartCount} part(s)", asset.ToString(), file.Length, parts.Count);
        return asset.ToString();
    }

    public async Task SetMetadataAsync(ExperienceManagerConnection connection, string assetPath, AssetMetadata metadata, CancellationToken cancellationToken = default)
    {
        var asset = DamPath.Parse(assetPath);
        var properties = new JsonObject();
        foreach (var (name, value) in AssetMetadataProperties.Of(metadata)) properties[name] = value;
        var body = new JsonObject { ["class"] = "asset", ["properties"] = properties };
        using var response = await SendAsync(connection, HttpMethod.Put, asset.AssetsApi, JsonContent.Create(body), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        logger.LogInformation("Set {PropertyCount} metadata properties on Experience Manager asset {AssetPath}", properties.Count, asset.ToString());
    }

    public async Task CheckAsync(ExperienceManagerConnection connection, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(connection, HttpMethod.Get, "api/assets.json", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task<ExperienceManagerAsset?> FindAssetAsync(ExperienceManagerConnection connection, string assetPath, CancellationToken cancellationToken = default)
    {
        var asset = DamPath.Parse(assetPath);
        if (await ReadAsync(connection, asset, cancellationToken) is not { } entity) return null;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (entity.TryGetProperty("properties", out var properties) && properties.TryGetProperty("metadata", out var values))
        {
            foreach (var value in values.EnumerateObject())
                metadata[value.Name] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()! : value.Value.GetRawText();
        }
        return new ExperienceManagerAsset(asset.ToString(), metadata);
    }

    /// <summary>The Assets HTTP API's description of a folder or asset, or null when there is none.</summary>
    private async Task<JsonElement?> ReadAsync(ExperienceManagerConnection connection, DamPath path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(connection, HttpMethod.Get, path.AssetsApi + ".json", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
    }

    private async Task<InitiatedUpload> InitiateAsync(ExperienceManagerConnection connection, DamPath folder, AssetFile file, CancellationToken cancellationToken)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["fileName"] = file.FileName,
            ["fileSize"] = file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var response = await SendAsync(connection, HttpMethod.Post, folder.InitiateUpload, form, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<InitiatedUpload>(Json, cancellationToken)
               ?? throw new InvalidOperationException("Experience Manager answered initiateUpload with no body.");
    }

    private async Task PutPartAsync(Uri uploadUri, Stream source, long length, CancellationToken cancellationToken)
    {
        using var part = new StreamContent(new PartStream(source, length));
        part.Headers.ContentLength = length;
        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUri) { Content = part };
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(ExperienceManagerConnection connection, HttpMethod method, string relativeUri, HttpContent? content, CancellationToken cancellationToken)
    {
        // A base URL without a trailing slash would lose its last segment when a relative URI is resolved against it.
        var baseUrl = connection.BaseUrl.AbsoluteUri.EndsWith('/') ? connection.BaseUrl : new Uri(connection.BaseUrl.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, relativeUri)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.AccessToken);
        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var request = response.RequestMessage!;
        // Path only: an upload URI's query string is a storage signature.
        var target = request.RequestUri!.GetLeftPart(UriPartial.Path);
        var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (check the configured access token)" : "";
        var shown = body.Length <= ErrorBodyShown ? body : body[..ErrorBodyShown] + "…";
        throw new ExperienceManagerException(
            $"Experience Manager answered {(int)response.StatusCode} {response.ReasonPhrase} to {request.Method} {target}{hint}: {shown}",
            response.StatusCode, body);
    }

    /// <summary>The answer to <c>initiateUpload.json</c>; <c>completeURI</c> is relative to the server.</summary>
    private sealed record InitiatedUpload(
        [property: System.Text.Json.Serialization.JsonPropertyName("completeURI")] string CompleteUri,
        string FolderPath,
        IReadOnlyList<InitiatedFile> Files);

    private sealed record InitiatedFile(
        string FileName,
        string MimeType,
        string UploadToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("uploadURIs")] IReadOnlyList<Uri> UploadUris,
        long MinPartSize,
        long MaxPartSize);
}
