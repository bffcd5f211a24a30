namespace Greenlight.Modules.Review.Approvals;

// The module's own outbox messages: durable timers, emails, and the Work module kept informed.

public enum ReminderKind { SeventyTwoHours, TwentyFourHours, Deadline }

/// <summary>A durable timer: a stage's reminder is due. Acted on only while that stage of that revision is still open.</summary>
public sealed record ReminderDue(string ApprovalId, int Revision, int Path, int Stage, ReminderKind Kind) : INotification
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
public sealed record EmailDue(string UserId, string Subject, string Body) : INotification;

/// <summary>The approval opened or closed: the Work module learns which it is now (whatever order these arrive in).</summary>
public sealed record ApprovalOpenChanged(string ApprovalId, string ProjectId) : INotification;
