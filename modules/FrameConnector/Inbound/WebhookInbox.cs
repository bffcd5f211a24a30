using System.Security.Cryptography;
using System.Text.Json;
using Greenlight.Modules.FrameConnector.Connections;
using Greenlight.Modules.FrameConnector.Webhooks;
using Microsoft.Extensions.Logging;

namespace Greenlight.Modules.FrameConnector.Inbound;

/// <summary>
/// A verified Frame.io event, queued for processing after the 2xx answer (ids only, as Frame.io sends them).
/// <paramref name="ResourceIds"/>: the resource, or every asset selected for a custom action (<c>resources</c>), all of
/// <paramref name="ResourceType"/>. <paramref name="Form"/>: the answers of a custom action's form (<c>data</c>), e.g.
/// <c>status</c> for a task folder and <c>template</c> for assets sent for review; empty without a form.
/// </summary>
[GenerateSerializer, Immutable, Alias("frameconnector.frameio-event-received")]
public sealed record FrameioEventReceived([property: Id(0)] string ConnectionKey, [property: Id(1)] string Type, [property: Id(2)] string? ProjectId,
    [property: Id(3)] string ResourceType, [property: Id(4)] IReadOnlyList<string> ResourceIds, [property: Id(5)] string? UserId,
    [property: Id(6)] IReadOnlyDictionary<string, string> Form) : INotification;

public enum WebhookOutcome { Accepted, Duplicate, Unauthenticated, Malformed, TooManyAssets }

/// <summary>
/// Checks a delivery (signature with the connection's secret, 5-minute window), then records it once and queues
/// it in the same transaction: a duplicate delivery (same raw body) is acknowledged and ignored. A custom action on
/// more than <see cref="MaxAssetsPerAction"/> files is refused whole, before anything is queued.
/// </summary>
public sealed class WebhookInbox(IGrainFactory grains, IStore store, IOutbox outbox, TimeProvider clock, ILogger<WebhookInbox> logger)
{
    /// <summary>Frame.io sends at most this many finished assets here at a time (frameio.md; Review's document limit).</summary>
    public const int MaxAssetsPerAction = 10;

    /// <summary>A Frame.io event carries ids only: far smaller than this. A larger body is refused (413) before it is read whole.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public async Task<WebhookOutcome> ReceiveAsync(string connectionKey, string? timestamp, string? signature, byte[] body)
    {
        var outcome = await CheckAndQueueAsync(connectionKey, timestamp, signature, body);
        WebhookMetrics.Delivered(outcome);
        return outcome;
    }

    private async Task<WebhookOutcome> CheckAndQueueAsync(string connectionKey, string? timestamp, string? signature, byte[] body)
    {
        if (!ConnectionKeys.IsWellFormed(connectionKey))
        {
            // Not logged as it came: a path segment can carry anything, line breaks included.
            logger.LogWarning("Rejected a Frame.io webhook delivery for a connection key that is none of ours ({Key})", LogValue.Of(connectionKey));
            return WebhookOutcome.Unauthenticated;
        }
        var verdict = await grains.GetGrain<IConnectionGrain>(connectionKey).VerifyWebhookAsync(timestamp, signature, body);
        if (!verdict.IsGenuine)
        {
            logger.LogWarning("Rejected a Frame.io webhook delivery for {Connection}: {Reason}", connectionKey, verdict.Reason);
            return WebhookOutcome.Unauthenticated;
        }
        if (Parse(connectionKey, body) is not { } received) return WebhookOutcome.Malformed;
        if (received is { Type: "action.executed", ResourceType: "file", ResourceIds.Count: > MaxAssetsPerAction })
        {
            logger.LogWarning("Refused a Frame.io action on {Count} assets for {Connection}: at most {Max}", received.ResourceIds.Count, connectionKey, MaxAssetsPerAction);
            return WebhookOutcome.TooManyAssets;
        }
        var key = Convert.ToHexString(SHA256.HashData(body));
        return await store.InTransactionAsync(async tx =>
        {
            var inserted = await tx.ExecuteAsync(
                "INSERT INTO frameconnector_inbound_events (event_key, received_at) VALUES (@k, @t) ON CONFLICT (event_key) DO NOTHING",
                ("@k", key), ("@t", clock.GetUtcNow().ToUnixTimeMilliseconds()));
            if (inserted == 0) return WebhookOutcome.Duplicate;
            await outbox.EnqueueAsync(tx, received);
            return WebhookOutcome.Accepted;
        });
    }

    private static FrameioEventReceived? Parse(string connectionKey, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && Text(root, "type") is { } type
                && root.TryGetProperty("resource", out var resource) && Resource(resource) is { } selected
                && Selection(root, selected) is { } resourceIds
                ? new FrameioEventReceived(connectionKey, type, Id(root, "project"), selected.Type, resourceIds, Id(root, "user"), Form(root))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (string Type, string Id)? Resource(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object && Text(resource, "type") is { } type && Text(resource, "id") is { } id ? (type, id) : null;

    /// <summary>The <c>resources</c> a custom action was run on (the resource first), all of its type; null if one is not.</summary>
    private static List<string>? Selection(JsonElement root, (string Type, string Id) resource)
    {
        var ids = new List<string> { resource.Id };
        if (!root.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array) return ids;
        foreach (var item in resources.EnumerateArray())
        {
            if (Resource(item) is not { } selected || selected.Type != resource.Type) return null;
            if (!ids.Contains(selected.Id)) ids.Add(selected.Id);
        }
        return ids;
    }

    private static Dictionary<string, string> Form(JsonElement root) =>
        root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String).ToDictionary(f => f.Name, f => f.Value.GetString()!)
            : [];

    private static string? Id(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Object ? Text(element, "id") : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}

public sealed class WebhookEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        // Frame.io cannot send a bearer token: the delivery authenticates itself by its HMAC signature, checked
        // here against the connection's secret. So this one route allows anonymous callers, and it reaches the
        // mediator only through the outbox, as the system, after the signature held.
        api.MapPost("/frameio/webhooks/{connectionKey}", async Task<Results<Accepted, UnauthorizedHttpResult>> (
            HttpContext context, WebhookInbox inbox, string connectionKey) =>
        {
            var outcome = await inbox.ReceiveAsync(connectionKey, context.Request.Headers[FrameioWebhookVerifier.TimestampHeader],
                context.Request.Headers[FrameioWebhookVerifier.SignatureHeader], await ReadBodyAsync(context.Request, context.RequestAborted));
            return outcome switch
            {
                WebhookOutcome.Unauthenticated => TypedResults.Unauthorized(),
                WebhookOutcome.Malformed => throw RequestValidationException.ForField("body", "The body is not a Frame.io event (type, resource.type, resource.id)."),
                WebhookOutcome.TooManyAssets => throw RequestValidationException.ForField("resources",
                    $"At most {WebhookInbox.MaxAssetsPerAction} assets are sent for review at a time; nothing was sent."),
                _ => TypedResults.Accepted((string?)null),
            };
        }).AllowAnonymous().WithTags("Frame.io").WithName("ReceiveFrameioWebhook");
    }

    /// <summary>The raw body (the signature covers its exact bytes), refused past <see cref="WebhookInbox.MaxBodyBytes"/> without reading further.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > WebhookInbox.MaxBodyBytes) throw new ContentTooLargeException(WebhookInbox.MaxBodyBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > WebhookInbox.MaxBodyBytes) throw new ContentTooLargeException(WebhookInbox.MaxBodyBytes);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
