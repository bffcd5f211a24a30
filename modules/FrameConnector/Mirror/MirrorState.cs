namespace Greenlight.Modules.FrameConnector.Mirror;

// The project mirror grain's state: what the connector knows of the Greenlight project (from Work's
// notifications, since the project is created) and what exists of it in Frame.io.

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
    [Id(4)]
    public Dictionary<string, TrackedTask> Tasks { get; set; } = [];
    [Id(5)]
    public Dictionary<string, string> Folders { get; set; } = [];
    [Id(6)]
    public Dictionary<string, TrackedDocument> Documents { get; set; } = [];

    /// <summary>Frame.io-enabled users assigned in the project, by Greenlight user id.</summary>
    [Id(7)]
    public Dictionary<string, MemberCandidate> Members { get; set; } = [];
    [Id(8)]
    public HashSet<string> Deactivated { get; set; } = [];

    [Id(9)]
    public FrameioSide Frameio { get; set; } = new();

    /// <summary>Tries per step that Frame.io (or this host) refused; a step reaching the limit is parked in <see cref="Parked"/> with its error.</summary>
    [Id(10)]
    public Dictionary<string, int> Attempts { get; set; } = [];
    [Id(11)]
    public Dictionary<string, string> Parked { get; set; } = [];

    /// <summary>Work-assigned emails queued: "{userId}" for the project, "{userId}:{taskId}" for a task folder.</summary>
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
}

/// <summary>How often a step was tried, and every name its tries asked Frame.io to create something under (a rename between tries adds one).</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.step-try")]
public sealed record StepTry([property: Id(0)] int Count, [property: Id(1)] IReadOnlyList<string> Names)
{
    public StepTry Next(string? name) => new(Count + 1, name is null || Names.Contains(name) ? Names : [.. Names, name]);
}

[GenerateSerializer, Alias("frameconnector.tracked-task")]
public sealed class TrackedTask
{
    [Id(0)]
    public string Name { get; set; } = "";
    [Id(1)]
    public HashSet<string> EnabledAssignees { get; set; } = [];
}

[GenerateSerializer, Alias("frameconnector.tracked-document")]
public sealed class TrackedDocument
{
    [Id(0)]
    public string Name { get; set; } = "";
    [Id(1)]
    public string? FolderId { get; set; }
    [Id(2)]
    public int Versions { get; set; }
}

/// <summary>A Frame.io-enabled user and the Frame.io role their permission here maps to.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.member-candidate")]
public sealed record MemberCandidate([property: Id(0)] string UserId, [property: Id(1)] string Email, [property: Id(2)] FrameioProjectRole Role);

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
    [Id(8)]
    public Dictionary<string, string> TaskFolders { get; set; } = [];

    /// <summary>Task id → the name its Frame.io folder was given, so a task's rename reaches its folder.</summary>
    [Id(9)]
    public Dictionary<string, string> TaskFolderNames { get; set; } = [];

    /// <summary>Greenlight user id → the Frame.io member added, with the role given.</summary>
    [Id(10)]
    public Dictionary<string, FrameioMember> Members { get; set; } = [];
    [Id(11)]
    public HashSet<string> RemovedFromAccount { get; set; } = [];

    /// <summary>Greenlight user ids of flagged users whose e-mail no user of the account has: they wait for an invite in Frame.io.</summary>
    [Id(15)]
    public HashSet<string> AwaitingInvite { get; set; } = [];

    /// <summary>"{documentId}:{version}" → Frame.io file id.</summary>
    [Id(12)]
    public Dictionary<string, string> Uploads { get; set; } = [];
    /// <summary>Document id → its Frame.io version stack, and how many of its versions the stack holds.</summary>
    [Id(13)]
    public Dictionary<string, string> Stacks { get; set; } = [];
    [Id(14)]
    public Dictionary<string, int> StackedVersions { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("frameconnector.frameio-member")]
public sealed record FrameioMember([property: Id(0)] string FrameioUserId, [property: Id(1)] FrameioProjectRole Role, [property: Id(2)] bool Removed);
