namespace Greenlight.Modules.Review.Metrics;

/// <summary>What the approvals report counts of one approval: its report row and the decisions of all its rounds. Times in ms.</summary>
internal sealed record ReportFacts(
    string ProjectId, string? GroupId, bool IsOpen, long CreatedAt, long? FirstDueAt, long? CompletedAt, int Revisions, IReadOnlyList<Decision> Decisions);

/// <summary>
/// The approvals report as sums: every figure of it is a sum over approvals of what each contributes (below), so roll-ups
/// are sums of contributions, kept exact by replacing an approval's contribution whenever it changes. The figures that
/// depend on the clock (overdue, abandoned) come from the open approvals counted by the day their first stage is due.
/// </summary>
internal static class ReportMeasures
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string Revisions = "revisions";

    /// <summary>The sum of the completed approvals' durations (start to completion).</summary>
    public const string DurationMs = "duration-ms";

    /// <summary>Completed approvals by their duration's bucket (<see cref="DurationBuckets"/>): the percentiles.</summary>
    public const string DurationBucket = "duration-bucket";

    /// <summary>Completed approvals, and the sum of their durations, by the week they completed in (its Monday, ms).</summary>
    public const string CompletedInWeek = "completed-week";
    public const string CompletedInWeekMs = "completed-week-ms";

    /// <summary>Open approvals with a due date, by the day (UTC midnight, ms) the first is due.</summary>
    public const string OpenDueOnDay = "open-due-day";

    private const string DecisionPrefix = "decision:";

    public static string OfDecision(Decision decision) => DecisionPrefix + decision;

    public static string? DecisionOf(string measure) => measure.StartsWith(DecisionPrefix, StringComparison.Ordinal) ? measure[DecisionPrefix.Length..] : null;

    public static IEnumerable<(string Measure, long Bucket, long Value)> Of(ReportFacts facts)
    {
        if (facts.IsOpen)
        {
            yield return (Open, 0, 1);
            if (facts.FirstDueAt is { } due) yield return (OpenDueOnDay, ReportTime.Day(due), 1);
        }
        else if (facts.CompletedAt is { } completed)
        {
            var duration = Math.Max(0, completed - facts.CreatedAt);
            yield return (Completed, 0, 1);
            yield return (DurationMs, 0, duration);
            yield return (DurationBucket, DurationBuckets.Of(duration), 1);
            yield return (CompletedInWeek, ReportTime.Week(completed), 1);
            yield return (CompletedInWeekMs, ReportTime.Week(completed), duration);
        }
        if (facts.Revisions != 0) yield return (Revisions, 0, facts.Revisions);
        foreach (var decision in facts.Decisions.CountBy(d => d)) yield return (OfDecision(decision.Key), 0, decision.Value);
    }
}

/// <summary>UTC days and weeks (Monday to Sunday) as the report counts them, in ms since the epoch.</summary>
internal static class ReportTime
{
    public const long DayMs = 24 * 3_600_000L;
    public const long WeekMs = 7 * DayMs;

    // The epoch fell on a Thursday: three days on from a Monday.
    private const long EpochAfterMonday = 3 * DayMs;

    public static long Day(long ms) => FloorDiv(ms, DayMs) * DayMs;

    /// <summary>The Monday of the week <paramref name="ms"/> is in.</summary>
    public static long Week(long ms) => FloorDiv(ms + EpochAfterMonday, WeekMs) * WeekMs - EpochAfterMonday;

    /// <summary>The first Monday at or after <paramref name="ms"/>.</summary>
    public static long WeekAtOrAfter(long ms) => Week(ms) == ms ? ms : Week(ms) + WeekMs;

    private static long FloorDiv(long value, long divisor) => value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}

/// <summary>
/// Durations in buckets growing by 2% (bucket 0 holds those under a second), so a percentile read from the buckets is
/// within 1% of the exact one; about 900 buckets reach a year.
/// </summary>
internal static class DurationBuckets
{
    private const double Growth = 1.02;
    private static readonly double LogGrowth = Math.Log(Growth);

    public static long Of(long ms) => ms < 1000 ? 0 : 1 + (long)Math.Floor(Math.Log(ms / 1000.0) / LogGrowth);

    /// <summary>The middle of the bucket, relative to its bounds: at most 1% from any duration in it.</summary>
    public static double Representative(long bucket) => bucket == 0 ? 0 : 1000 * Math.Pow(Growth, bucket - 1) * 2 * Growth / (1 + Growth);
}
