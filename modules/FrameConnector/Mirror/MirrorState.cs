namespace Greenlight.Modules.FrameConnector.Mirror;

// The project mirror grain's state: what the connector knows of the Greenlight project (from Work's
// notifications, since the project is created) and what exists of it in Frame.io.

public sealed class MirrorState
{
    public bool Tracked { get; set; }
    public string Name { get; set; } = "";
    public string? GroupId { get; set; }
    public ProjectStatus Status { get; set; }
    public Dictionary<string, TrackedTask> Tasks { get; set; } = [];
    public Dictionary<string, string> Folders { get; set; } = [];
    public Dictionary<string, TrackedDocument> Documents { get; set; } = [];

    /// <summary>Frame.io-enabled users assigned in the project, by Greenlight user id.</summary>
    public Dictionary<string, MemberCandidate> Members { get; set; } = [];
    public HashSet<string> Deactivated { get; set; } = [];

    public FrameioSide Frameio { get; set; } = new();

    /// <summary>Failed tries per step; a step reaching the limit is parked in <see cref="Parked"/> with its error.</summary>
    public Dictionary<string, int> Attempts { get; set; } = [];
    public Dictionary<string, string> Parked { get; set; } = [];

    /// <summary>Steps begun and not finished; a step found here when it starts was tried before, maybe with effect.</summary>
    public HashSet<string> Started { get; set; } = [];

    /// <summary>Steps being retried: look the object up by name before creating it again.</summary>
    public HashSet<string> Retried { get; set; } = [];

    /// <summary>Work-assigned emails queued: "{userId}" for the project, "{userId}:{taskId}" for a task folder.</summary>
    public HashSet<string> Notified { get; set; } = [];
}

public sealed class TrackedTask
{
    public string Name { get; set; } = "";
    public HashSet<string> EnabledAssignees { get; set; } = [];
}

public sealed class TrackedDocument
{
    public string Name { get; set; } = "";
    public string? FolderId { get; set; }
    public int Versions { get; set; }
}

/// <summary>A Frame.io-enabled user and the Frame.io role their permission here maps to.</summary>
public sealed record MemberCandidate(string UserId, string Email, FrameioProjectRole Role);

public sealed class FrameioSide
{
    public string? ConnectionKey { get; set; }
    public string? NotConnectedReason { get; set; }
    public string? AccountId { get; set; }
    public string? WorkspaceId { get; set; }
    public string? ProjectId { get; set; }
    public string? RootFolderId { get; set; }
    public string? Name { get; set; }
    public string? ShareFolderId { get; set; }
    public Dictionary<string, string> TaskFolders { get; set; } = [];

    /// <summary>Task id → the name its Frame.io folder was given, so a task's rename reaches its folder.</summary>
    public Dictionary<string, string> TaskFolderNames { get; set; } = [];

    /// <summary>Greenlight user id → the Frame.io member added, with the role given.</summary>
    public Dictionary<string, FrameioMember> Members { get; set; } = [];
    public HashSet<string> RemovedFromAccount { get; set; } = [];

    /// <summary>"{documentId}:{version}" → Frame.io file id.</summary>
    public Dictionary<string, string> Uploads { get; set; } = [];
    /// <summary>Document id → its Frame.io version stack, and how many of its versions the stack holds.</summary>
    public Dictionary<string, string> Stacks { get; set; } = [];
    public Dictionary<string, int> StackedVersions { get; set; } = [];
}

public sealed record FrameioMember(string FrameioUserId, FrameioProjectRole Role, bool Removed);
