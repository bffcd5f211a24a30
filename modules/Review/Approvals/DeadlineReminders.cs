namespace Greenlight.Modules.Review.Approvals;

/// <summary>The reminders of a stage with a due date, in the order they fall due.</summary>
public enum ReminderKind { SeventyTwoHours, TwentyFourHours, Deadline }

/// <summary>
/// When a stage's reminders fall due: 72 hours and 24 hours before its due date, and at it. A reminder that fell
/// due before the stage opened is never sent; of several due at once (no host ran for a while) only the latest is,
/// as the earlier ones would tell something no longer true. The stage records the latest one sent, so each is sent once.
/// </summary>
internal static class DeadlineReminders
{
    public static TimeSpan Before(ReminderKind kind) => kind switch
    {
        ReminderKind.SeventyTwoHours => TimeSpan.FromHours(72),
        ReminderKind.TwentyFourHours => TimeSpan.FromHours(24),
        _ => TimeSpan.Zero,
    };

    /// <summary>The reminders of an open stage not sent yet, with the instant each falls due.</summary>
    public static IEnumerable<(ReminderKind Kind, DateTimeOffset At)> Pending(StageState stage) =>
        stage is { Status: StageStatus.Open, DueAt: { } due, OpenedAt: { } opened }
            ? Enum.GetValues<ReminderKind>()
                .Where(kind => stage.LastReminder is not { } last || kind > last)
                .Select(kind => (kind, due - Before(kind)))
                .Where(reminder => reminder.Item2 > opened)
            : [];

    /// <summary>The latest reminder of the stage due at <paramref name="now"/> and not sent yet, or null.</summary>
    public static ReminderKind? Due(StageState stage, DateTimeOffset now) =>
        Pending(stage).Where(r => r.At <= now).Select(r => (ReminderKind?)r.Kind).LastOrDefault();

    /// <summary>The next instant a reminder of one of the stages falls due (it may be past, not sent yet), or null when none is pending.</summary>
    public static DateTimeOffset? Next(IEnumerable<StageState> stages) =>
        stages.SelectMany(Pending).Select(r => (DateTimeOffset?)r.At).Min();

    public static string Subject(ReminderKind kind, string stageName) => kind == ReminderKind.Deadline
        ? $"The deadline of approval stage {stageName} is reached"
        : $"Reminder: approval stage {stageName} is due in {Before(kind).TotalHours:0} hours";

    /// <summary>The reminder's part of its emails' deduplication key: one per round, path, stage and kind.</summary>
    public static string Key(int revision, int path, int stage, ReminderKind kind) => $"r{revision}:p{path}:s{stage}:{kind}";
}
