using System.Diagnostics.Metrics;
using Greenlight.Kernel.Telemetry;

namespace Greenlight.Modules.FrameConnector.Inbound;

/// <summary>Frame.io webhook deliveries, by outcome: accepted, duplicate, or refused and why (never by connection).</summary>
internal static class WebhookMetrics
{
    private static readonly Counter<long> Deliveries = GreenlightMetrics.Counter(
        "greenlight.frameio.webhook.deliveries", "{delivery}",
        "Frame.io webhook deliveries by outcome: accepted, duplicate, unauthenticated, malformed, too_many_assets.");

    public static void Delivered(WebhookOutcome outcome) =>
        Deliveries.Add(1, GreenlightMetrics.Tag("greenlight.webhook.outcome", Name(outcome)));

    private static string Name(WebhookOutcome outcome) => outcome switch
    {
        WebhookOutcome.Accepted => "accepted",
        WebhookOutcome.Duplicate => "duplicate",
        WebhookOutcome.Unauthenticated => "unauthenticated",
        WebhookOutcome.Malformed => "malformed",
        WebhookOutcome.TooManyAssets => "too_many_assets",
        _ => "other",
    };
}
