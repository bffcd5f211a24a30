namespace Greenlight.Modules.Work.Contracts;

// For other modules. The sending module has checked its caller's rights (the Access module's
// CheckAccess); these requests do not check again.

/// <summary>Null when there is no such project.</summary>
public sealed record GetProjectSummary(string ProjectId) : IRequest<ProjectView?>, IModuleRequest;

public sealed record GetTaskSummary(string ProjectId, string TaskId) : IRequest<TaskView?>, IModuleRequest;

/// <summary>The tasks of the project among those named (the sender filtered them to what its caller may view), in that order.</summary>
public sealed record GetTaskSummaries(string ProjectId, IReadOnlyList<string> TaskIds) : IRequest<IReadOnlyList<TaskView>>, IModuleRequest;

public sealed record GetDocumentSummary(string ProjectId, string DocumentId) : IRequest<DocumentView?>, IModuleRequest;

/// <summary>A version's bytes as a stream (the latest when <paramref name="Version"/> is null). Dispose the stream.</summary>
public sealed record ReadDocumentContent(string ProjectId, string DocumentId, int? Version) : IRequest<DocumentContent>, IModuleRequest;

/// <summary>
/// A new document (the FrameConnector's assets sent back from Frame.io); read from <paramref name="Content"/> as it is stored.
/// With <paramref name="TaskId"/> it is attached to that task of the project (404 when there is no such task).
/// </summary>
public sealed record AddDocument(string ProjectId, string? FolderId, string Name, string ContentType, Stream Content, string UploadedBy, string? TaskId = null)
    : IRequest<DocumentView>, IModuleRequest;

/// <summary>
/// The folder named <paramref name="Name"/> at the project's top level, made when there is none, with <paramref name="CreatedBy"/>
/// as its creator (the FrameConnector's "Share with Frame.io" folder of a connected project). Idempotent: a repeat answers the
/// folder there is. 404 when there is no such project.
/// </summary>
public sealed record EnsureFolder(string ProjectId, string Name, string CreatedBy) : IRequest<FolderView>, IModuleRequest;

/// <summary>A task's status set by a user from elsewhere (Frame.io); Complete completes the task.</summary>
public sealed record SetTaskStatusFor(string ProjectId, string TaskId, WorkTaskStatus Status, string UserId) : IRequest<TaskView>, IModuleRequest;

/// <summary>The Review module opened an approval in the project: the project cannot be completed until it is closed. Idempotent.</summary>
public sealed record ApprovalOpened(string ProjectId, string ApprovalId) : IRequest, IModuleRequest;

/// <summary>The approval is decided or abandoned. Idempotent.</summary>
public sealed record ApprovalClosed(string ProjectId, string ApprovalId) : IRequest, IModuleRequest;

/// <summary>The documents directly in the folder of the project (404 when the project or the folder is not there).</summary>
public sealed record ListFolderDocuments(string ProjectId, string FolderId) : IRequest<IReadOnlyList<DocumentView>>, IModuleRequest;
