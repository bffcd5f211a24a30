namespace Greenlight.Modules.Work.Projects;

// The project grain's state: the project and everything in it (tasks, issues, folders, document
// metadata). Document bytes live in work_document_chunks, never here.

public sealed class ProjectState
{
    public bool Exists { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? GroupId { get; set; }
    public string OwnerId { get; set; } = "";
    public string? ProgramId { get; set; }
    public string? PortfolioId { get; set; }
    public ProjectStatus Status { get; set; }
    public Dictionary<string, TaskState> Tasks { get; set; } = [];
    public Dictionary<string, IssueState> Issues { get; set; } = [];
    public Dictionary<string, FolderState> Folders { get; set; } = [];
    public Dictionary<string, DocumentState> Documents { get; set; } = [];
    public HashSet<string> OpenApprovals { get; set; } = [];
}

/// <summary>What tasks and issues share: a name, a description, assignees.</summary>
public abstract class WorkItemState
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<Assignee> Assignees { get; set; } = [];
}

public sealed class TaskState : WorkItemState
{
    public WorkTaskStatus Status { get; set; }
    public string? ParentTaskId { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

public sealed class IssueState : WorkItemState
{
    public IssueStatus Status { get; set; }
    public string? TaskId { get; set; }
}

public sealed class FolderState
{
    public string Name { get; set; } = "";
    public string? ParentFolderId { get; set; }
}

public sealed class DocumentState
{
    public string Name { get; set; } = "";
    public string? FolderId { get; set; }
    public string? TaskId { get; set; }
    public List<DocumentVersionState> Versions { get; set; } = [];
}

public sealed class DocumentVersionState
{
    public int Number { get; set; }
    public string ContentId { get; set; } = "";
    public long Size { get; set; }
    public string ContentType { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}
