namespace Greenlight.Kernel.Outbox;

/// <summary>Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Failed deliveries after which a message is parked until retried by hand.</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claim holds; a host that dies mid-delivery releases its messages when it ends.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the store is polled when nothing woke the dispatcher (other hosts' messages, due timers).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public int BatchSize { get; set; } = 32;

    /// <summary>Deliveries run at once on this host.</summary>
    public int Concurrency { get; set; } = 8;
}
