using System.Diagnostics;
using System.Diagnostics.Metrics;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Telemetry;

namespace Greenlight.Modules.Access.Policy;

/// <summary>Access checks of requests: how many, how they ended, how long they took. Tagged by the decision only.</summary>
internal static class AccessMetrics
{
    private const string DecisionTag = "greenlight.access.decision";

    private static readonly Counter<long> Checks = GreenlightMetrics.Counter(
        "greenlight.access.checks", "{check}", "Access checks of requests, by decision (allow, deny, deny_hidden, unauthenticated).");

    private static readonly Histogram<double> Duration = GreenlightMetrics.Histogram(
        "greenlight.access.check.duration", "s", "How long an access check of a request took.");

    public static void Record(string decision, long startedAt)
    {
        var tag = GreenlightMetrics.Tag(DecisionTag, decision);
        Checks.Add(1, tag);
        Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tag);
    }

    public static string Of(AccessDecision decision) => decision switch
    {
        { Allowed: true } => "allow",
        { HideExistence: true } => "deny_hidden",
        _ => "deny",
    };
}
