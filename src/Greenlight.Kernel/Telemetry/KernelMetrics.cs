using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Greenlight.Kernel.Telemetry;

/// <summary>The kernel's instruments: outbox jobs by kind (the message type's stored name) and e-mails.</summary>
internal static class KernelMetrics
{
    public const string KindTag = "greenlight.job.kind";

    public static readonly Counter<long> JobsQueued = GreenlightTelemetry.Meter.CreateCounter<long>(
        "greenlight.outbox.jobs.queued", "{job}", "Outbox jobs committed, one per message and handler.");

    public static readonly UpDownCounter<long> JobsInFlight = GreenlightTelemetry.Meter.CreateUpDownCounter<long>(
        "greenlight.outbox.jobs.in_flight", "{job}", "Outbox jobs being delivered by this host now.");

    public static readonly Counter<long> JobsCompleted = GreenlightTelemetry.Meter.CreateCounter<long>(
        "greenlight.outbox.jobs.completed", "{job}", "Outbox jobs delivered.");

    public static readonly Counter<long> JobsFailed = GreenlightTelemetry.Meter.CreateCounter<long>(
        "greenlight.outbox.jobs.failed", "{attempt}", "Failed delivery attempts (each is retried later, or parked).");

    public static readonly Counter<long> JobsParked = GreenlightTelemetry.Meter.CreateCounter<long>(
        "greenlight.outbox.jobs.parked", "{job}", "Outbox jobs parked after their last attempt failed.");

    public static readonly Counter<long> EmailsSent = GreenlightTelemetry.Meter.CreateCounter<long>(
        "greenlight.email.sent", "{email}", "E-mails handed to the SMTP relay.");

    public static readonly Counter<long> EmailsFailed = GreenlightTelemetry.Meter.CreateCounter<long>(
        "greenlight.email.failed", "{email}", "E-mails the SMTP relay did not take (the job retries them).");

    public static TagList Kind(string messageType) => new() { { KindTag, messageType } };
}
