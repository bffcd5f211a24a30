using System.Text.Json.Serialization;

namespace Greenlight.Modules.Review.Approvals;

public enum ParticipantKind { User, Team }

public enum ParticipantRole { Reviewer, Approver }

public enum Decision { Approved, ApprovedWithChanges, NeedsWork }

public enum ApprovalStatus { PendingReview, InReview, Reviewed, NeedsWork, ApprovedWithChanges, Approved }

public enum StageStatus { Waiting, Open, Completed, Stopped }

/// <summary>The system an event came from.</summary>
public enum EventSource { Greenlight, Frameio }

/// <summary>A user or a team on a stage. Kind and role are required: a missing one is refused, never taken as its first value.</summary>
[GenerateSerializer, Immutable, Alias("review.participant-spec")]
public sealed record ParticipantSpec([property: Id(0), JsonRequired] ParticipantKind Kind, [property: Id(1)] string Id, [property: Id(2), JsonRequired] ParticipantRole Role);

/// <summary>
/// One stage as asked for. Only a path's first stage may have an absolute <paramref name="DueAt"/>;
/// <paramref name="DueInWorkdays"/> counts Monday to Friday from the moment the stage opens. Name and participants
/// are required; the rest is optional (every approver decides, no due date).
/// </summary>
[GenerateSerializer, Immutable, Alias("review.stage-spec")]
public sealed record StageSpec(
    [property: Id(0)] string Name, [property: Id(1)] IReadOnlyList<ParticipantSpec> Participants, [property: Id(2)] bool OnlyOneDecision = false,
    [property: Id(3)] DateTimeOffset? DueAt = null, [property: Id(4)] int? DueInWorkdays = null);

/// <summary>Stages that run in order; paths run in parallel.</summary>
[GenerateSerializer, Immutable, Alias("review.path-spec")]
public sealed record PathSpec([property: Id(0)] IReadOnlyList<StageSpec> Stages);

// Views, as the HTTP API shows them.

[GenerateSerializer, Immutable, Alias("review.participant-view")]
public sealed record ParticipantView(
    [property: Id(0)] ParticipantKind Kind, [property: Id(1)] string Id, [property: Id(2)] ParticipantRole Role, [property: Id(3)] Decision? Decision, [property: Id(4)] string? DecidedBy, [property: Id(5)] DateTimeOffset? DecidedAt, [property: Id(6)] bool ReviewComplete);

[GenerateSerializer, Immutable, Alias("review.stage-view")]
public sealed record StageView(
    [property: Id(0)] string Name, [property: Id(1)] StageStatus Status, [property: Id(2)] bool OnlyOneDecision, [property: Id(3)] DateTimeOffset? DueAt, [property: Id(4)] DateTimeOffset? OpenedAt, [property: Id(5)] IReadOnlyList<ParticipantView> Participants);

[GenerateSerializer, Immutable, Alias("review.path-view")]
public sealed record PathView([property: Id(0)] IReadOnlyList<StageView> Stages);

[GenerateSerializer, Immutable, Alias("review.approval-view")]
public sealed record ApprovalView(
    [property: Id(0)] string Id, [property: Id(1)] string ProjectId, [property: Id(2)] IReadOnlyList<string> DocumentIds, [property: Id(3)] IReadOnlyDictionary<string, int> DocumentVersions, [property: Id(4)] ApprovalStatus Status, [property: Id(5)] bool StoredInFrameio, [property: Id(6)] string? Message,
    [property: Id(7)] int Revisions, [property: Id(8)] string CreatedBy, [property: Id(9)] EventSource Source, [property: Id(10)] DateTimeOffset CreatedAt, [property: Id(11)] DateTimeOffset? CompletedAt, [property: Id(12)] IReadOnlyList<PathView> Paths);

// State, plain data.

/// <summary>One decision as the approvals report counts it.</summary>
[GenerateSerializer, Immutable, Alias("review.decision-entry")]
public sealed record DecisionEntry(
    [property: Id(0)] int Revision, [property: Id(1)] string DecidedBy, [property: Id(2)] Decision Decision,
    [property: Id(3)] DateTimeOffset StageOpenedAt, [property: Id(4)] DateTimeOffset DecidedAt);

[GenerateSerializer, Alias("review.participant-state")]
public sealed class ParticipantState
{
    [Id(0)]
    public ParticipantKind Kind { get; set; }
    [Id(1)]
    public string Id { get; set; } = "";
    [Id(2)]
    public ParticipantRole Role { get; set; }

    /// <summary>For a team: its members when the approval started; any of them acts for the team.</summary>
    [Id(3)]
    public List<string> Members { get; set; } = [];

    [Id(4)]
    public Decision? Decision { get; set; }
    [Id(5)]
    public string? DecidedBy { get; set; }
    [Id(6)]
    public DateTimeOffset? DecidedAt { get; set; }
    [Id(7)]
    public bool ReviewComplete { get; set; }

    public bool Includes(string userId) => Kind == ParticipantKind.User ? Id == userId : Members.Contains(userId);

    public IEnumerable<string> Recipients() => Kind == ParticipantKind.User ? [Id] : Members;

    public bool HasActed => Role == ParticipantRole.Approver ? Decision is not null : ReviewComplete;
}

[GenerateSerializer, Alias("review.stage-state")]
public sealed class StageState
{
    [Id(0)]
    public string Name { get; set; } = "";
    [Id(1)]
    public bool OnlyOneDecision { get; set; }
    [Id(2)]
    public DateTimeOffset? AbsoluteDueAt { get; set; }
    [Id(3)]
    public int? DueInWorkdays { get; set; }
    [Id(4)]
    public List<ParticipantState> Participants { get; set; } = [];
    [Id(5)]
    public StageStatus Status { get; set; }
    [Id(6)]
    public DateTimeOffset? OpenedAt { get; set; }
    [Id(7)]
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The latest deadline reminder sent for the stage in this round: earlier ones are never sent after it.</summary>
    [Id(8)]
    public ReminderKind? LastReminder { get; set; }

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

[GenerateSerializer, Alias("review.path-state")]
public sealed class PathState
{
    [Id(0)]
    public List<StageState> Stages { get; set; } = [];

    public bool IsFinished => Stages.All(s => s.Status is StageStatus.Completed or StageStatus.Stopped);

    public bool NeedsWork => Stages.Any(s => s.Participants.Any(p => p.Decision == Decision.NeedsWork));
}

[GenerateSerializer, Alias("review.approval-state")]
public sealed class ApprovalState : DurableState
{
    [Id(0)]
    public bool Exists { get; set; }
    [Id(1)]
    public string ProjectId { get; set; } = "";
    [Id(2)]
    public string? GroupId { get; set; }
    [Id(3)]
    public List<string> DocumentIds { get; set; } = [];
    [Id(4)]
    public bool StoredInFrameio { get; set; }
    [Id(5)]
    public string? Message { get; set; }

    /// <summary>How often the message was edited: each edit's emails have a key of their own.</summary>
    [Id(6)]
    public int MessageEdits { get; set; }

    /// <summary>
    /// The version of each document the current round decides on: the one current when the round started. That is the
    /// version the participants were sent; a version added while the round is open starts no round and was not put to
    /// them, so publishing an approved document sends this version, not whatever is newest when it is published.
    /// </summary>
    [Id(7)]
    public Dictionary<string, int> DocumentVersions { get; set; } = [];

    /// <summary>The names of the project and documents when the current round started, for emails and My approvals.</summary>
    [Id(18)]
    public string ProjectName { get; set; } = "";
    [Id(19)]
    public Dictionary<string, string> DocumentNames { get; set; } = [];

    [Id(8)]
    public string CreatedBy { get; set; } = "";
    [Id(9)]
    public EventSource Source { get; set; }
    [Id(10)]
    public DateTimeOffset CreatedAt { get; set; }
    [Id(11)]
    public DateTimeOffset RoundStartedAt { get; set; }
    [Id(12)]
    public DateTimeOffset? CompletedAt { get; set; }
    [Id(13)]
    public int Revisions { get; set; }
    [Id(14)]
    public ApprovalStatus Status { get; set; }
    [Id(15)]
    public List<PathState> Paths { get; set; } = [];

    /// <summary>Every decision of every round, as the approvals report counts them (a new round resets the stages' seats, not this).</summary>
    [Id(17)]
    public List<DecisionEntry> Decisions { get; set; } = [];

    public bool IsOpen => Exists && CompletedAt is null;

    /// <summary>The open stage of each path that has one (a path's stages open one at a time).</summary>
    public IEnumerable<(int Path, int Index, StageState Stage)> OpenStages()
    {
        for (var p = 0; p < Paths.Count; p++)
        {
            var index = Paths[p].Stages.FindIndex(s => s.Status == StageStatus.Open);
            if (index >= 0) yield return (p, index, Paths[p].Stages[index]);
        }
    }
}
