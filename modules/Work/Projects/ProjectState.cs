namespace Greenlight.Modules.Work.Projects;

// The project grain's state: the project and everything in it (tasks, issues, folders, document
// metadata). Document bytes live in work_document_chunks, never here.

[GenerateSerializer, Alias("work.project-state")]
public sealed class ProjectState : DurableState
{
    [Id(0)]
    public bool Exists { get; set; }
    [Id(1)]
    public string Name { get; set; } = "";
    [Id(2)]
    public string? Description { get; set; }
    [Id(3)]
    public string? GroupId { get; set; }
    [Id(4)]
    public string OwnerId { get; set; } = "";
    [Id(5)]
    public string? ProgramId { get; set; }
    [Id(6)]
    public string? PortfolioId { get; set; }
    [Id(7)]
    public ProjectStatus Status { get; set; }
    [Id(8)]
    public Dictionary<string, TaskState> Tasks { get; set; } = [];
    [Id(9)]
    public Dictionary<string, IssueState> Issues { get; set; } = [];
    [Id(10)]
    public Dictionary<string, FolderState> Folders { get; set; } = [];
    [Id(11)]
    public Dictionary<string, DocumentState> Documents { get; set; } = [];
    [Id(12)]
    public HashSet<string> OpenApprovals { get; set; } = [];
}

/// <summary>What tasks and issues share: a name, a description, assignees.</summary>
[GenerateSerializer, Alias("work.work-item-state")]
public abstract class WorkItemState
{
    [Id(0)]
    public string Name { get; set; } = "";
    [Id(1)]
    public string? Description { get; set; }
    [Id(2)]
    public List<Assignee> Assignees { get; set; } = [];
}

[GenerateSerializer, Alias("work.task-state")]
public sealed class TaskState : WorkItemState
{
    [Id(0)]
    public WorkTaskStatus Status { get; set; }
    [Id(1)]
    public string? ParentTaskId { get; set; }
    [Id(2)]
    public DateOnly? PlannedStart { get; set; }
    [Id(3)]
    public DateOnly? PlannedEnd { get; set; }
    [Id(4)]
    public DateTimeOffset? CompletedAt { get; set; }
}

[GenerateSerializer, Alias("work.issue-state")]
public sealed class IssueState : WorkItemState
{
    [Id(0)]
    public IssueStatus Status { get; set; }
    [Id(1)]
    public string? TaskId { get; set; }
}

[GenerateSerializer, Alias("work.folder-state")]
public sealed class FolderState
{
    [Id(0)]
    public string Name { get; set; } = "";
    [Id(1)]
    public string? ParentFolderId { get; set; }
}

[GenerateSerializer, Alias("work.document-state")]
public sealed class DocumentState
{
    [Id(0)]
    public string Name { get; set; } = "";
    [Id(1)]
    public string? FolderId { get; set; }
    [Id(2)]
    public string? TaskId { get; set; }
    [Id(3)]
    public List<DocumentVersionState> Versions { get; set; } = [];
}

[GenerateSerializer, Alias("work.document-version-state")]
public sealed class DocumentVersionState
{
    [Id(0)]
    public int Number { get; set; }
    [Id(1)]
    public string ContentId { get; set; } = "";
    [Id(2)]
    public long Size { get; set; }
    [Id(3)]
    public string ContentType { get; set; } = "";
    [Id(4)]
    public string UploadedBy { get; set; } = "";
    [Id(5)]
    public DateTimeOffset UploadedAt { get; set; }
}
