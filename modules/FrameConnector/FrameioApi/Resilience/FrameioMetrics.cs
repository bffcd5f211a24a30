using System.Diagnostics.Metrics;
using static Greenlight.Kernel.Telemetry.GreenlightMetrics;

namespace Greenlight.Modules.FrameConnector.FrameioApi.Resilience;

/// <summary>
/// Frame.io calls as the operator needs them: by endpoint template (<c>GET /accounts/{account_id}/projects/{project_id}</c>,
/// never the URL with its ids) and status, the 429s, and the time spent waiting on rate limits.
/// </summary>
internal static class FrameioMetrics
{
    private const string EndpointTag = "greenlight.frameio.endpoint";
    private const string StatusTag = "greenlight.frameio.status";
    private const string WaitTag = "greenlight.frameio.wait";

    private static readonly Counter<long> Calls = Counter("greenlight.frameio.calls", "{attempt}", "Frame.io requests sent (each attempt), by endpoint and status (a code, timeout or unreachable).");
    private static readonly Counter<long> RateLimited = Counter("greenlight.frameio.rate_limited", "{answer}", "Frame.io answers 429 Too Many Requests, by endpoint.");
    private static readonly Histogram<double> RateLimitWait = Histogram("greenlight.frameio.rate_limit.wait", "s", "Time a call waited on Frame.io's rate limit: paced before sending, or after a 429.");

    public static void Answered(FrameioEndpoint endpoint, int status)
    {
        Calls.Add(1, Tag(EndpointTag, endpoint.ToString()), Tag(StatusTag, status));
        if (status == 429) RateLimited.Add(1, Tag(EndpointTag, endpoint.ToString()));
    }

    /// <summary>An attempt that got no answer: "timeout" or "unreachable".</summary>
    public static void Unanswered(FrameioEndpoint endpoint, string failure) =>
        Calls.Add(1, Tag(EndpointTag, endpoint.ToString()), Tag(StatusTag, failure));

    /// <param name="cause">"pacing" (the budget was spent) or "retry_after" (a 429 asked to wait).</param>
    public static void Waited(FrameioEndpoint endpoint, TimeSpan wait, string cause) =>
        RateLimitWait.Record(wait.TotalSeconds, Tag(EndpointTag, endpoint.ToString()), Tag(WaitTag, cause));
}
