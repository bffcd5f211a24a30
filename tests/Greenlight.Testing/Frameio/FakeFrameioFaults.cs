namespace Greenlight.Testing.Frameio;

public enum FakeFault
{
    /// <summary>503 with Frame.io's error body.</summary>
    ServerError,

    /// <summary>429 with rate-limit headers saying nothing remains.</summary>
    TooManyRequests,

    /// <summary>Never answers: the request hangs until the client gives up (or the fake stops).</summary>
    Hang,

    /// <summary>Drops the connection without an answer.</summary>
    DropConnection,

    /// <summary>Handles the request (a create happens), then drops the connection before the answer: the outcome is unknown to the client.</summary>
    LoseAnswer,

    /// <summary>
    /// Handles the request (a create happens), then holds the answer back until the client gives up or its process dies,
    /// so a test can kill a host while its call has taken effect in Frame.io and nothing of it was recorded yet.
    /// </summary>
    HoldAnswer,
}

/// <summary>
/// Trouble the fake causes on demand, before handling a request: a latency for every request, a
/// fraction of 5xx answers (seeded, so runs repeat), and queued faults for the next matching requests.
/// </summary>
public sealed class FakeFrameioFaults
{
    private readonly Lock _lock = new();
    private readonly List<QueuedFault> _queued = [];
    private Random _random = new(1);
    private double _serverErrorFraction;

    public TimeSpan Latency { get; set; }

    public void FailFraction(double fraction, int seed = 1)
    {
        lock (_lock)
        {
            _serverErrorFraction = fraction;
            _random = new Random(seed);
        }
    }

    /// <summary>The next <paramref name="times"/> requests (to <paramref name="template"/> only, when given) get <paramref name="fault"/>.</summary>
    public void Next(FakeFault fault, int times = 1, string? template = null)
    {
        lock (_lock) _queued.Add(new QueuedFault(fault, template) { Remaining = times });
    }

    internal FakeFault? Take(string? template)
    {
        lock (_lock)
        {
            var queued = _queued.FirstOrDefault(q => q.Template is null || q.Template == template);
            if (queued is not null)
            {
                if (--queued.Remaining == 0) _queued.Remove(queued);
                return queued.Fault;
            }
            return _serverErrorFraction > 0 && _random.NextDouble() < _serverErrorFraction ? FakeFault.ServerError : null;
        }
    }

    private sealed record QueuedFault(FakeFault Fault, string? Template)
    {
        public int Remaining { get; set; }
    }
}
