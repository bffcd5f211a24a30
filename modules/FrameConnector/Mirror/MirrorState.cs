namespace Greenlight.Modules.FrameConnector.Mirror;

// The project mirror grain's state: what the connector knows of the Greenlight project and what exists of it in
// Frame.io, at the project's level. What there is one of per task or per document (MirroredTask, MirroredDocument)
// is not in here: each is a row of frameconnector_mirror_items (MirrorItems.cs), so what one change stores does not
// grow with the project.

[GenerateSerializer, Alias("frameconnector.mirror-state")]
public sealed class MirrorState : DurableState
{
    [Id(0)]
    public bool Tracked { get; set; }
    [Id(1)]
    public string Name { get; set; } = "";
    [Id(2)]
    public string? GroupId { get; set; }
    [Id(3)]
    public ProjectStatus Status { get; set; }

    /// <summary>The project's owner: the "Share with Frame.io" folder the mirror makes in the project is made as by them.</summary>
    [Id(4)]
    public string? OwnerId { get; set; }

    /// <summary>The project's "Share with Frame.io" folder here (Work's folder id), once the mirror made or found it.</summary>
    [Id(5)]
    public string? ShareFolderHere { get; set; }

    /// <summary>Frame.io-enabled users assigned in the project, by Greenlight user id, with the Frame.io role they get.</summary>
    [Id(7)]
    public Dictionary<string, MemberCandidate> Members { get; set; } = [];
    [Id(8)]
    public HashSet<string> Deactivated { get; set; } = [];

    [Id(9)]
    public FrameioSide Frameio { get; set; } = new();

    /// <summary>Tries per step that Frame.io (or this host) refused; a step reaching the limit is parked in <see cref="Parked"/>.</summary>
    [Id(10)]
    public Dictionary<string, int> Attempts { get; set; } = [];

    /// <summary>Steps given up on after their tries, with the last error; a retry of the project's sync gives them new tries.</summary>
    [Id(11)]
    public Dictionary<string, StuckStep> Parked { get; set; } = [];

    /// <summary>Users told that the project is in Frame.io (the emails of task folders are kept with each task).</summary>
    [Id(14)]
    public HashSet<string> Notified { get; set; } = [];

    /// <summary>Steps with a job on its way (one each): a change queues a job only for the pending steps not in here.</summary>
    [Id(15)]
    public HashSet<string> Queued { get; set; } = [];

    /// <summary>
    /// Steps begun and not finished, written before each try's Frame.io call: a step found here was tried before, maybe
    /// with effect, so its next try first looks in Frame.io for what an earlier one made.
    /// </summary>
    [Id(16)]
    public Dictionary<string, StepTry> Tries { get; set; } = [];

    /// <summary>What the operator's view was last told is stuck here (<see cref="MirrorStuckChanged"/>), to tell it only of changes.</summary>
    [Id(17)]
    public string StuckReported { get; set; } = "";

    /// <summary>The newest revision of the project tracked (<see cref="TrackedProject.Revision"/>).</summary>
    [Id(18)]
    public long ProjectRevision { get; set; }
}

/// <summary>How often a step was tried, and every name its tries asked Frame.io to create something under (a rename between tries adds one).</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.step-try")]
public sealed record StepTry([property: Id(0)] int Count, [property: Id(1)] IReadOnlyList<string> Names)
{
    public StepTry Next(string? name) => new(Count + 1, name is null || Names.Contains(name) ? Names : [.. Names, name]);
}

/// <summary>Why a step stopped, after how many tries, since when.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.stuck-step")]
public sealed record StuckStep([property: Id(0)] string Error, [property: Id(1)] int Tries, [property: Id(2)] DateTimeOffset Since);

/// <summary>A Frame.io-enabled user and the Frame.io role their rights here map to (README, "Roles in Frame.io").</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.member-candidate")]
public sealed record MemberCandidate([property: Id(0)] string UserId, [property: Id(1)] string Email, [property: Id(2)] FrameioProjectRole Role)
{
    /// <summary>The same user with the more permissive of the two roles: another assignment never takes rights away.</summary>
    public MemberCandidate Widened(MemberCandidate? earlier) => earlier is { } e && e.Role < Role ? this with { Role = e.Role } : this;
}

[GenerateSerializer, Alias("frameconnector.frameio-side")]
public sealed class FrameioSide
{
    [Id(0)]
    public string? ConnectionKey { get; set; }
    [Id(1)]
    public string? NotConnectedReason { get; set; }
    [Id(2)]
    public string? AccountId { get; set; }
    [Id(3)]
    public string? WorkspaceId { get; set; }
    [Id(4)]
    public string? ProjectId { get; set; }
    [Id(5)]
    public string? RootFolderId { get; set; }
    [Id(6)]
    public string? Name { get; set; }
    [Id(7)]
    public string? ShareFolderId { get; set; }

    /// <summary>Greenlight user id → the Frame.io member added, with the role given.</summary>
    [Id(10)]
    public Dictionary<string, FrameioMember> Members { get; set; } = [];
    [Id(11)]
    public HashSet<string> RemovedFromAccount { get; set; } = [];

    /// <summary>Flagged users (Greenlight id → since when) no active user of the account matches by e-mail: they wait for an invite in Frame.io.</summary>
    [Id(15)]
    public Dictionary<string, DateTimeOffset> AwaitingInvite { get; set; } = [];

    /// <summary>Deactivated users (Greenlight id → since when) still in the account, which no documented call can remove them from.</summary>
    [Id(16)]
    public Dictionary<string, DateTimeOffset> AwaitingRemoval { get; set; } = [];

    /// <summary>When the connection the mirror was made with was found gone (with <see cref="NotConnectedReason"/>).</summary>
    [Id(17)]
    public DateTimeOffset? ConnectionGoneSince { get; set; }
}

[GenerateSerializer, Immutable, Alias("frameconnector.frameio-member")]
public sealed record FrameioMember([property: Id(0)] string FrameioUserId, [property: Id(1)] FrameioProjectRole Role, [property: Id(2)] bool Removed);
