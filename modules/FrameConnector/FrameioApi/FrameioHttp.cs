using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Greenlight.Modules.FrameConnector.FrameioApi.Resilience;
using Microsoft.Extensions.Logging;

namespace Greenlight.Modules.FrameConnector.FrameioApi;

/// <summary>
/// Sends V4 requests for one account connection: adds the token (and the legacy-token header when
/// needed), wraps and unwraps <c>data</c> envelopes, follows cursors, and turns error answers into
/// <see cref="FrameioApiException"/>. Shared by the confirmed client and the assumed calls.
/// </summary>
internal sealed class FrameioHttp(HttpClient http, FrameioCredentials credentials, FrameioClientOptions options, TimeProvider time, ILogger logger)
{
    private const string LegacyTokenHeader = "x-frameio-legacy-token-auth";

    private readonly FrameioCallPipeline _pipeline = new(options, time, logger);
    private readonly Uri _baseUrl = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");

    public async Task<T> SendAsync<T>(FrameioEndpoint endpoint, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(endpoint, ApiUrl(path), body, cancellationToken);
        var envelope = await response.Content.ReadFromJsonAsync<DataEnvelope<T>>(FrameioJson.Options, cancellationToken);
        return envelope is { Data: not null } ? envelope.Data : throw new JsonException($"Frame.io {endpoint} answered without data.");
    }

    public async Task SendWithoutAnswerAsync(FrameioEndpoint endpoint, string path, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(endpoint, ApiUrl(path), null, cancellationToken);
    }

    /// <summary>Every item of every page, fetched a page at a time as the caller reads on.</summary>
    public async IAsyncEnumerable<T> ListAsync<T>(FrameioEndpoint endpoint, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = ApiUrl($"{path}?page_size={options.PageSize}");
        while (next is not null)
        {
            using var response = await SendCheckedAsync(endpoint, next, null, cancellationToken);
            var page = await response.Content.ReadFromJsonAsync<PageEnvelope<T>>(FrameioJson.Options, cancellationToken)
                ?? throw new JsonException($"Frame.io {endpoint} answered an empty page.");
            foreach (var item in page.Data) yield return item;
            // links.next is a path from the host root (it repeats /v4), so it resolves against the base URL's origin.
            next = string.IsNullOrEmpty(page.Links?.Next) ? null : new Uri(_baseUrl, page.Links.Next);
        }
    }

    /// <summary>
    /// PUTs one part of a local upload to its pre-signed storage address. That address carries its own
    /// signature, so the Frame.io token is not sent there (it must not leak to the storage service).
    /// </summary>
    public async Task PutUploadPartAsync(FrameioEndpoint endpoint, Uri url, ReadOnlyMemory<byte> part, string mediaType, CancellationToken cancellationToken)
    {
        // Each attempt builds a new request: a sent HttpRequestMessage cannot be sent again.
        using var response = await _pipeline.SendAsync(endpoint, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ReadOnlyMemoryContent(part) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
            request.Headers.Add("x-amz-acl", "private");
            return await http.SendAsync(request, token);
        }, cancellationToken);
        await ThrowIfFailedAsync(endpoint, response, cancellationToken);
    }

    private Uri ApiUrl(string pathAndQuery) => new(_baseUrl, pathAndQuery.TrimStart('/'));

    private async Task<HttpResponseMessage> SendCheckedAsync(FrameioEndpoint endpoint, Uri url, object? body, CancellationToken cancellationToken)
    {
        var response = await _pipeline.SendAsync(endpoint, async token =>
        {
            using var request = new HttpRequestMessage(endpoint.Method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Token);
            if (credentials.IsLegacyDeveloperToken) request.Headers.Add(LegacyTokenHeader, "true");
            if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: FrameioJson.Options);
            return await http.SendAsync(request, token);
        }, cancellationToken);
        try
        {
            await ThrowIfFailedAsync(endpoint, response, cancellationToken);
            logger.LogDebug("Frame.io {Endpoint} answered {Status}.", endpoint, (int)response.StatusCode);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task ThrowIfFailedAsync(FrameioEndpoint endpoint, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var retryAfter = (int)response.StatusCode == 429 ? RateLimitHeaders.RetryAfter(response) : null;
        throw new FrameioApiException(endpoint.ToString(), response.StatusCode, await ReadErrorsAsync(response, cancellationToken), retryAfter);
    }

    private static async Task<IReadOnlyList<FrameioError>> ReadErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ErrorEnvelope>(FrameioJson.Options, cancellationToken);
            var entries = body?.Errors ?? (body?.Error is { } single ? [single] : []);
            return [.. entries.Select(e => new FrameioError(e.Title, e.Detail, e.Source?.Pointer))];
        }
        catch (JsonException)
        {
            return []; // a proxy's HTML error page, say: the status alone must do
        }
    }
}
