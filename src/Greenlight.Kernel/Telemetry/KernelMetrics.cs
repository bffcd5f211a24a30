using System.Diagnostics.Metrics;
using static Greenlight.Kernel.Telemetry.GreenlightMetrics;

namespace Greenlight.Kernel.Telemetry;

/// <summary>The kernel's instruments: outbox jobs by kind (the message type's stored name) and e-mails.</summary>
internal static class KernelMetrics
{
    public const string KindTag = "greenlight.job.kind";

    public static readonly Counter<long> JobsQueued = Counter("greenlight.outbox.jobs.queued", "{job}", "Outbox jobs committed, one per message and handler.");
    public static readonly UpDownCounter<long> JobsInFlight = UpDownCounter("greenlight.outbox.jobs.in_flight", "{job}", "Outbox jobs being delivered by this host now.");
    public static readonly Counter<long> JobsCompleted = Counter("greenlight.outbox.jobs.completed", "{job}", "Outbox jobs delivered.");
    public static readonly Counter<long> JobsFailed = Counter("greenlight.outbox.jobs.failed", "{attempt}", "Failed delivery attempts (each is retried later, or parked).");
    public static readonly Counter<long> JobsParked = Counter("greenlight.outbox.jobs.parked", "{job}", "Outbox jobs parked after their last attempt failed.");
    public static readonly Counter<long> EmailsSent = Counter("greenlight.email.sent", "{email}", "E-mails handed to the SMTP relay.");
    public static readonly Counter<long> EmailsFailed = Counter("greenlight.email.failed", "{email}", "E-mails the SMTP relay did not take (the job retries them).");

    public static KeyValuePair<string, object?> Kind(string messageType) => Tag(KindTag, messageType);
}
