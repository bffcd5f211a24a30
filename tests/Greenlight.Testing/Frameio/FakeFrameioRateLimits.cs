namespace Greenlight.Testing.Frameio;

/// <summary>
/// Frame.io's per-endpoint leaky buckets: each (token, method, template) holds up to <c>limit</c>
/// requests and drains at limit / window. Endpoints without a limit of their own get a generous default.
/// </summary>
public sealed class FakeFrameioRateLimits(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Method, string Template), (int Limit, TimeSpan Window)> _limits = [];
    private readonly Dictionary<(string Token, string Method, string Template), Bucket> _buckets = [];

    public (int Limit, TimeSpan Window) Default { get; set; } = (1000, TimeSpan.FromSeconds(1));

    /// <summary>E.g. <c>Set("POST", FakeFrameioRoutes.Projects, 10, TimeSpan.FromMinutes(1))</c>, as Frame.io limits project creation.</summary>
    public void Set(string method, string template, int limit, TimeSpan window)
    {
        lock (_lock)
        {
            _limits[(method, template)] = (limit, window);
            foreach (var key in _buckets.Keys.Where(k => k.Method == method && k.Template == template).ToList()) _buckets.Remove(key);
        }
    }

    /// <summary>Takes room for one request; false when the bucket is full. The headers describe the bucket afterwards.</summary>
    internal bool TryTake(string token, string method, string template, out RateLimitState state)
    {
        lock (_lock)
        {
            var (limit, window) = _limits.GetValueOrDefault((method, template), Default);
            if (!_buckets.TryGetValue((token, method, template), out var bucket))
                _buckets[(token, method, template)] = bucket = new Bucket { LevelAt = time.GetUtcNow() };
            var now = time.GetUtcNow();
            bucket.Level = Math.Max(0, bucket.Level - (now - bucket.LevelAt).Ticks * (limit / (double)window.Ticks));
            bucket.LevelAt = now;
            var allowed = bucket.Level + 1 <= limit;
            if (allowed) bucket.Level += 1;
            state = new RateLimitState(limit, (int)Math.Floor(limit - bucket.Level), window);
            return allowed;
        }
    }

    private sealed class Bucket
    {
        public double Level { get; set; }
        public DateTimeOffset LevelAt { get; set; }
    }
}

internal sealed record RateLimitState(int Limit, int Remaining, TimeSpan Window)
{
    public void WriteHeaders(Microsoft.AspNetCore.Http.HttpResponse response)
    {
        response.Headers["x-ratelimit-limit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remaining"] = Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-window"] = ((long)Window.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
