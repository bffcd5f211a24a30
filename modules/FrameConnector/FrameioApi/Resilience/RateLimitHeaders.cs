using System.Globalization;

namespace Greenlight.Modules.FrameConnector.FrameioApi.Resilience;

/// <summary>Frame.io's per-endpoint rate-limit headers: <c>limit</c> requests per <c>window</c>, <c>remaining</c> now.</summary>
internal sealed record RateLimitHeaders(int Limit, int Remaining, TimeSpan Window)
{
    /// <summary>Frame.io's bucket leaks evenly, so one request's room frees up after window / limit.</summary>
    public TimeSpan TimePerRequest => Window / Limit;

    public static RateLimitHeaders? From(HttpResponseMessage response) =>
        Read(response, "x-ratelimit-limit") is { } limit and > 0
        && Read(response, "x-ratelimit-remaining") is { } remaining
        && Read(response, "x-ratelimit-window") is { } windowMs and > 0
            ? new RateLimitHeaders(limit, remaining, TimeSpan.FromMilliseconds(windowMs))
            : null;

    /// <summary>How long a 429 says to wait: a standard Retry-After if given, else until one request's room frees up.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta) return delta;
        return From(response)?.TimePerRequest;
    }

    private static int? Read(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
