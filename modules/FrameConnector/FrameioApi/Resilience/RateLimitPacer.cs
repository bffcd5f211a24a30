using System.Collections.Concurrent;

namespace Greenlight.Modules.FrameConnector.FrameioApi.Resilience;

/// <summary>
/// Waits before a request when the endpoint's rate-limit budget is spent, so a steady stream runs at
/// Frame.io's limit instead of bouncing off 429s. It mirrors Frame.io's leaky bucket per endpoint:
/// the headers say how full the bucket is at least; it drains at limit / window; each request reserved
/// adds one. Endpoints never seen yet are not paced (their first answer brings the headers).
/// </summary>
internal sealed class RateLimitPacer(TimeProvider time)
{
    private readonly ConcurrentDictionary<FrameioEndpoint, Bucket> _buckets = new();

    /// <summary>
    /// Reserves room for one request and returns how long to wait before sending it, or, when that wait
    /// would end after <paramref name="deadline"/>, reserves nothing and returns the time the room frees up.
    /// </summary>
    public PacingDecision Reserve(FrameioEndpoint endpoint, DateTimeOffset deadline) =>
        _buckets.TryGetValue(endpoint, out var bucket) ? bucket.Reserve(time.GetUtcNow(), deadline) : PacingDecision.SendNow;

    /// <summary>Takes Frame.io's word for the bucket's level from an answer's headers.</summary>
    public void Observe(FrameioEndpoint endpoint, RateLimitHeaders headers) =>
        _buckets.GetOrAdd(endpoint, _ => new Bucket()).Observe(headers, time.GetUtcNow());

    private sealed class Bucket
    {
        private readonly Lock _lock = new();
        private int _limit;
        private TimeSpan _window;
        private double _level;
        private DateTimeOffset _levelAt;

        public void Observe(RateLimitHeaders headers, DateTimeOffset now)
        {
            lock (_lock)
            {
                // The local level also counts requests reserved but not yet arrived (queued behind a wait),
                // which Frame.io cannot know of; so its word may raise the level (others share the budget)
                // but never lower it, or queued requests and new ones would be let through together.
                if (_limit > 0) DrainUntil(now);
                _limit = headers.Limit;
                _window = headers.Window;
                _level = Math.Max(_level, headers.Limit - headers.Remaining);
                _levelAt = now;
            }
        }

        private double DrainedPerTick => _limit / (double)_window.Ticks;

        private void DrainUntil(DateTimeOffset now)
        {
            _level = Math.Max(0, _level - (now - _levelAt).Ticks * DrainedPerTick);
            _levelAt = now;
        }

        public PacingDecision Reserve(DateTimeOffset now, DateTimeOffset deadline)
        {
            lock (_lock)
            {
                DrainUntil(now);
                var overflow = _level + 1 - _limit;
                var wait = overflow <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling(overflow / DrainedPerTick));
                if (now + wait > deadline) return new PacingDecision(wait, Reserved: false);
                _level += 1;
                return new PacingDecision(wait, Reserved: true);
            }
        }
    }
}

/// <summary>How long to wait before sending; <see cref="Reserved"/> is false when the wait would overrun the call's deadline.</summary>
internal sealed record PacingDecision(TimeSpan Wait, bool Reserved)
{
    public static readonly PacingDecision SendNow = new(TimeSpan.Zero, true);
}
