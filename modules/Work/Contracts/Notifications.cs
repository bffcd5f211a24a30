namespace Greenlight.Modules.Work.Contracts;

// Published through the outbox in the transaction that changes the object: every handler gets
// each one at least once, after the change committed.

public sealed record ProjectCreated(
    string ProjectId, string Name, ProjectStatus Status, string? GroupId, string OwnerId, string? ProgramId, string? PortfolioId, string CreatedBy) : INotification;

public sealed record ProjectRenamed(string ProjectId, string OldName, string NewName) : INotification;

public sealed record ProjectStatusChanged(string ProjectId, ProjectStatus OldStatus, ProjectStatus NewStatus, string ChangedBy) : INotification;

public sealed record ProjectMoved(string ProjectId, string? OldProgramId, string? OldPortfolioId, string? NewProgramId, string? NewPortfolioId) : INotification;

public sealed record TaskCreated(string ProjectId, string TaskId, string Name, string? ParentTaskId, string CreatedBy) : INotification;

public sealed record TaskRenamed(string ProjectId, string TaskId, string OldName, string NewName) : INotification;

public sealed record TaskStatusChanged(string ProjectId, string TaskId, WorkTaskStatus OldStatus, WorkTaskStatus NewStatus, string ChangedBy) : INotification;

public sealed record TaskCompleted(string ProjectId, string TaskId, string CompletedBy) : INotification;

/// <param name="Item">The task or issue.</param>
public sealed record AssignmentAdded(string ProjectId, ObjectRef Item, Assignee Assignee, string AssignedBy) : INotification;

public sealed record AssignmentRemoved(string ProjectId, ObjectRef Item, Assignee Assignee, string RemovedBy) : INotification;

public sealed record IssueCreated(string ProjectId, string IssueId, string Name, string? TaskId, string CreatedBy) : INotification;

public sealed record IssueStatusChanged(string ProjectId, string IssueId, IssueStatus OldStatus, IssueStatus NewStatus, string ChangedBy) : INotification;

public sealed record FolderCreated(string ProjectId, string FolderId, string Name, string? ParentFolderId, string CreatedBy) : INotification;

public sealed record DocumentAdded(
    string ProjectId, string DocumentId, string? FolderId, string UploadedBy, string Name, long Size, string ContentType) : INotification;

public sealed record DocumentVersionAdded(
    string ProjectId, string DocumentId, int Version, string UploadedBy, long Size, string ContentType) : INotification;

/// <summary>A task or document has a new parent (a project's move is <see cref="ProjectMoved"/>).</summary>
/// <param name="OldProjectId">The project it was in; <paramref name="NewProjectId"/> differs when a task went to another project.</param>
public sealed record ObjectMoved(ObjectRef Object, string OldProjectId, ObjectRef OldParent, string NewProjectId, ObjectRef NewParent) : INotification;

/// <summary>One per object removed: deleting a task also reports its subtasks and their issues.</summary>
/// <param name="ProjectId">The project it was in; null for portfolios and programs.</param>
public sealed record ObjectDeleted(ObjectRef Object, string? ProjectId, string DeletedBy) : INotification;
