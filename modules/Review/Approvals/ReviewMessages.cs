namespace Greenlight.Modules.Review.Approvals;

// The module's own outbox messages: durable timers, emails, and the Work module kept informed.

public enum ReminderKind { SeventyTwoHours, TwentyFourHours, Deadline }

/// <summary>A durable timer: a stage's reminder is due. Acted on only while that stage of that revision is still open.</summary>
[GenerateSerializer, Immutable, Alias("review.reminder-due")]
public sealed record ReminderDue([property: Id(0)] string ApprovalId, [property: Id(1)] int Revision, [property: Id(2)] int Path, [property: Id(3)] int Stage, [property: Id(4)] ReminderKind Kind) : INotification
{
    public static TimeSpan Before(ReminderKind kind) => kind switch
    {
        ReminderKind.SeventyTwoHours => TimeSpan.FromHours(72),
        ReminderKind.TwentyFourHours => TimeSpan.FromHours(24),
        _ => TimeSpan.Zero,
    };

    public static string Key(string approvalId, int revision, int path, int stage, ReminderKind kind) =>
        $"review:{approvalId}:r{revision}:p{path}:s{stage}:{kind}";

    public string Key() => Key(ApprovalId, Revision, Path, Stage, Kind);
}

/// <summary>One email to one user; the address is looked up when it is sent.</summary>
[GenerateSerializer, Immutable, Alias("review.email-due")]
public sealed record EmailDue([property: Id(0)] string UserId, [property: Id(1)] string Subject, [property: Id(2)] string Body) : INotification;

/// <summary>The approval opened or closed: the Work module learns which it is now (whatever order these arrive in).</summary>
[GenerateSerializer, Immutable, Alias("review.approval-open-changed")]
public sealed record ApprovalOpenChanged([property: Id(0)] string ApprovalId, [property: Id(1)] string ProjectId) : INotification;
