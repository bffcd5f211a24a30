namespace Greenlight.Modules.Review.Approvals;

public enum ParticipantKind { User, Team }

public enum ParticipantRole { Reviewer, Approver }

public enum Decision { Approved, ApprovedWithChanges, NeedsWork }

public enum ApprovalStatus { PendingReview, InReview, Reviewed, NeedsWork, ApprovedWithChanges, Approved }

public enum StageStatus { Waiting, Open, Completed, Stopped }

/// <summary>The system an event came from.</summary>
public enum EventSource { Greenlight, Frameio }

public sealed record ParticipantSpec(ParticipantKind Kind, string Id, ParticipantRole Role);

/// <summary>
/// One stage as asked for. Only a path's first stage may have an absolute <paramref name="DueAt"/>;
/// <paramref name="DueInWorkdays"/> counts Monday to Friday from the moment the stage opens.
/// </summary>
public sealed record StageSpec(string Name, IReadOnlyList<ParticipantSpec> Participants, bool OnlyOneDecision, DateTimeOffset? DueAt, int? DueInWorkdays);

/// <summary>Stages that run in order; paths run in parallel.</summary>
public sealed record PathSpec(IReadOnlyList<StageSpec> Stages);

// Views, as the HTTP API shows them.

public sealed record ParticipantView(
    ParticipantKind Kind, string Id, ParticipantRole Role, Decision? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, bool ReviewComplete);

public sealed record StageView(
    string Name, StageStatus Status, bool OnlyOneDecision, DateTimeOffset? DueAt, DateTimeOffset? OpenedAt, IReadOnlyList<ParticipantView> Participants);

public sealed record PathView(IReadOnlyList<StageView> Stages);

public sealed record ApprovalView(
    string Id, string ProjectId, IReadOnlyList<string> DocumentIds, IReadOnlyDictionary<string, int> DocumentVersions, ApprovalStatus Status, bool StoredInFrameio, string? Message,
    int Revisions, string CreatedBy, EventSource Source, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, IReadOnlyList<PathView> Paths);

// State, plain data.

public sealed class ParticipantState
{
    public ParticipantKind Kind { get; set; }
    public string Id { get; set; } = "";
    public ParticipantRole Role { get; set; }

    /// <summary>For a team: its members when the approval started; any of them acts for the team.</summary>
    public List<string> Members { get; set; } = [];

    public Decision? Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public bool ReviewComplete { get; set; }

    public bool Includes(string userId) => Kind == ParticipantKind.User ? Id == userId : Members.Contains(userId);

    public IEnumerable<string> Recipients() => Kind == ParticipantKind.User ? [Id] : Members;

    public bool HasActed => Role == ParticipantRole.Approver ? Decision is not null : ReviewComplete;
}

public sealed class StageState
{
    public string Name { get; set; } = "";
    public bool OnlyOneDecision { get; set; }
    public DateTimeOffset? AbsoluteDueAt { get; set; }
    public int? DueInWorkdays { get; set; }
    public List<ParticipantState> Participants { get; set; } = [];
    public StageStatus Status { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Approvers decide a stage; a stage of reviewers only is done when they marked their review complete.</summary>
    public bool IsDone()
    {
        var deciding = Participants.Where(p => p.Role == ParticipantRole.Approver).ToList() is { Count: > 0 } approvers
            ? approvers
            : Participants;
        return Participants.Any(p => p.Decision == Approvals.Decision.NeedsWork)
               || (OnlyOneDecision ? deciding.Any(p => p.HasActed) : deciding.All(p => p.HasActed));
    }
}

public sealed class PathState
{
    public List<StageState> Stages { get; set; } = [];

    public bool IsFinished => Stages.All(s => s.Status is StageStatus.Completed or StageStatus.Stopped);

    public bool NeedsWork => Stages.Any(s => s.Participants.Any(p => p.Decision == Decision.NeedsWork));
}

public sealed class ApprovalState
{
    public bool Exists { get; set; }
    public string ProjectId { get; set; } = "";
    public string? GroupId { get; set; }
    public List<string> DocumentIds { get; set; } = [];
    public bool StoredInFrameio { get; set; }
    public string? Message { get; set; }

    /// <summary>How often the message was edited: each edit's emails have a key of their own.</summary>
    public int MessageEdits { get; set; }

    /// <summary>
    /// The version of each document the current round decides on: the one current when the round started. That is the
    /// version the participants were sent; a version added while the round is open starts no round and was not put to
    /// them, so publishing an approved document sends this version, not whatever is newest when it is published.
    /// </summary>
    public Dictionary<string, int> DocumentVersions { get; set; } = [];

    public string CreatedBy { get; set; } = "";
    public EventSource Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset RoundStartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int Revisions { get; set; }
    public ApprovalStatus Status { get; set; }
    public List<PathState> Paths { get; set; } = [];

    /// <summary>The reminders already sent, by their timer key: a timer delivered twice sends once.</summary>
    public HashSet<string> RemindersSent { get; set; } = [];

    public bool IsOpen => Exists && CompletedAt is null;
}
