namespace Greenlight.Modules.Work.Contracts;

// Published through the outbox in the transaction that changes the object: every handler gets
// each one at least once, after the change committed.

[GenerateSerializer, Immutable, Alias("work.project-created")]
public sealed record ProjectCreated(
    [property: Id(0)] string ProjectId, [property: Id(1)] string Name, [property: Id(2)] ProjectStatus Status, [property: Id(3)] string? GroupId, [property: Id(4)] string OwnerId, [property: Id(5)] string? ProgramId, [property: Id(6)] string? PortfolioId, [property: Id(7)] string CreatedBy) : INotification;

[GenerateSerializer, Immutable, Alias("work.project-renamed")]
public sealed record ProjectRenamed([property: Id(0)] string ProjectId, [property: Id(1)] string OldName, [property: Id(2)] string NewName) : INotification;

[GenerateSerializer, Immutable, Alias("work.project-status-changed")]
public sealed record ProjectStatusChanged([property: Id(0)] string ProjectId, [property: Id(1)] ProjectStatus OldStatus, [property: Id(2)] ProjectStatus NewStatus, [property: Id(3)] string ChangedBy) : INotification;

[GenerateSerializer, Immutable, Alias("work.project-moved")]
public sealed record ProjectMoved([property: Id(0)] string ProjectId, [property: Id(1)] string? OldProgramId, [property: Id(2)] string? OldPortfolioId, [property: Id(3)] string? NewProgramId, [property: Id(4)] string? NewPortfolioId) : INotification;

[GenerateSerializer, Immutable, Alias("work.task-created")]
public sealed record TaskCreated([property: Id(0)] string ProjectId, [property: Id(1)] string TaskId, [property: Id(2)] string Name, [property: Id(3)] string? ParentTaskId, [property: Id(4)] string CreatedBy) : INotification;

[GenerateSerializer, Immutable, Alias("work.task-renamed")]
public sealed record TaskRenamed([property: Id(0)] string ProjectId, [property: Id(1)] string TaskId, [property: Id(2)] string OldName, [property: Id(3)] string NewName) : INotification;

[GenerateSerializer, Immutable, Alias("work.task-status-changed")]
public sealed record TaskStatusChanged([property: Id(0)] string ProjectId, [property: Id(1)] string TaskId, [property: Id(2)] WorkTaskStatus OldStatus, [property: Id(3)] WorkTaskStatus NewStatus, [property: Id(4)] string ChangedBy) : INotification;

[GenerateSerializer, Immutable, Alias("work.task-completed")]
public sealed record TaskCompleted([property: Id(0)] string ProjectId, [property: Id(1)] string TaskId, [property: Id(2)] string CompletedBy) : INotification;

/// <param name="Item">The task or issue.</param>
[GenerateSerializer, Immutable, Alias("work.assignment-added")]
public sealed record AssignmentAdded([property: Id(0)] string ProjectId, [property: Id(1)] ObjectRef Item, [property: Id(2)] Assignee Assignee, [property: Id(3)] string AssignedBy) : INotification;

[GenerateSerializer, Immutable, Alias("work.assignment-removed")]
public sealed record AssignmentRemoved([property: Id(0)] string ProjectId, [property: Id(1)] ObjectRef Item, [property: Id(2)] Assignee Assignee, [property: Id(3)] string RemovedBy) : INotification;

[GenerateSerializer, Immutable, Alias("work.issue-created")]
public sealed record IssueCreated([property: Id(0)] string ProjectId, [property: Id(1)] string IssueId, [property: Id(2)] string Name, [property: Id(3)] string? TaskId, [property: Id(4)] string CreatedBy) : INotification;

[GenerateSerializer, Immutable, Alias("work.issue-status-changed")]
public sealed record IssueStatusChanged([property: Id(0)] string ProjectId, [property: Id(1)] string IssueId, [property: Id(2)] IssueStatus OldStatus, [property: Id(3)] IssueStatus NewStatus, [property: Id(4)] string ChangedBy) : INotification;

[GenerateSerializer, Immutable, Alias("work.folder-created")]
public sealed record FolderCreated([property: Id(0)] string ProjectId, [property: Id(1)] string FolderId, [property: Id(2)] string Name, [property: Id(3)] string? ParentFolderId, [property: Id(4)] string CreatedBy) : INotification;

[GenerateSerializer, Immutable, Alias("work.document-added")]
public sealed record DocumentAdded(
    [property: Id(0)] string ProjectId, [property: Id(1)] string DocumentId, [property: Id(2)] string? FolderId, [property: Id(3)] string UploadedBy, [property: Id(4)] string Name, [property: Id(5)] long Size, [property: Id(6)] string ContentType) : INotification;

[GenerateSerializer, Immutable, Alias("work.document-version-added")]
public sealed record DocumentVersionAdded(
    [property: Id(0)] string ProjectId, [property: Id(1)] string DocumentId, [property: Id(2)] int Version, [property: Id(3)] string UploadedBy, [property: Id(4)] long Size, [property: Id(5)] string ContentType) : INotification;

/// <summary>A task or document has a new parent (a project's move is <see cref="ProjectMoved"/>).</summary>
/// <param name="OldProjectId">The project it was in; <paramref name="NewProjectId"/> differs when a task went to another project.</param>
[GenerateSerializer, Immutable, Alias("work.object-moved")]
public sealed record ObjectMoved([property: Id(0)] ObjectRef Object, [property: Id(1)] string OldProjectId, [property: Id(2)] ObjectRef OldParent, [property: Id(3)] string NewProjectId, [property: Id(4)] ObjectRef NewParent) : INotification;

/// <summary>One per object removed: deleting a task also reports its subtasks and their issues.</summary>
/// <param name="ProjectId">The project it was in; null for portfolios and programs.</param>
[GenerateSerializer, Immutable, Alias("work.object-deleted")]
public sealed record ObjectDeleted([property: Id(0)] ObjectRef Object, [property: Id(1)] string? ProjectId, [property: Id(2)] string DeletedBy) : INotification;
