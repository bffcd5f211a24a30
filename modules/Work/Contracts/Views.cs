namespace Greenlight.Modules.Work.Contracts;

// What the Work module shows of its objects, over HTTP and to other modules alike. The views the project
// grain returns cross grain calls (Orleans serializer attributes); lists, pages, catalog views and content
// streams are built by handlers and never do.

/// <summary>The project statuses of the access model; <see cref="ProjectStatuses.Code"/> gives the three-letter code.</summary>
public enum ProjectStatus { Planning, Current, OnHold, Complete, Dead, Requested, Approved, Rejected, Idea }

public static class ProjectStatuses
{
    public static string Code(this ProjectStatus status) => status switch
    {
        ProjectStatus.Planning => "PLN",
        ProjectStatus.Current => "CUR",
        ProjectStatus.OnHold => "ONH",
        ProjectStatus.Complete => "CPL",
        ProjectStatus.Dead => "DED",
        ProjectStatus.Requested => "REQ",
        ProjectStatus.Approved => "APR",
        ProjectStatus.Rejected => "REJ",
        ProjectStatus.Idea => "IDA",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

public enum WorkTaskStatus { New, InProgress, Complete }

public enum IssueStatus { New, InProgress, Resolved }

public enum AssigneeKind { User, Team }

/// <summary>Who a task or issue is assigned to: a user or a team.</summary>
[GenerateSerializer, Immutable, Alias("work.assignee")]
public sealed record Assignee([property: Id(0)] AssigneeKind Kind, [property: Id(1)] string Id)
{
    public Grantee ToGrantee() => Kind == AssigneeKind.User ? Grantee.User(Id) : Grantee.Team(Id);
}

public sealed record PortfolioView(string Id, string Name, string? Description, string OwnerId);

public sealed record ProgramView(string Id, string PortfolioId, string Name, string? Description, string OwnerId);

[GenerateSerializer, Immutable, Alias("work.project-view")]
public sealed record ProjectView(
    [property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? Description, [property: Id(3)] string? GroupId, [property: Id(4)] string OwnerId, [property: Id(5)] string? ProgramId, [property: Id(6)] string? PortfolioId,
    [property: Id(7)] ProjectStatus Status, [property: Id(8)] string StatusCode, [property: Id(9)] int OpenTasks, [property: Id(10)] int OpenIssues, [property: Id(11)] int OpenApprovals,
    [property: Id(12)] long Revision = 0);

[GenerateSerializer, Immutable, Alias("work.task-view")]
public sealed record TaskView(
    [property: Id(0)] string ProjectId, [property: Id(1)] string Id, [property: Id(2)] string Name, [property: Id(3)] string? Description, [property: Id(4)] WorkTaskStatus Status, [property: Id(5)] string? ParentTaskId,
    [property: Id(6)] DateOnly? PlannedStart, [property: Id(7)] DateOnly? PlannedEnd, [property: Id(8)] IReadOnlyList<Assignee> Assignees, [property: Id(9)] DateTimeOffset? CompletedAt);

[GenerateSerializer, Immutable, Alias("work.issue-view")]
public sealed record IssueView(
    [property: Id(0)] string ProjectId, [property: Id(1)] string Id, [property: Id(2)] string Name, [property: Id(3)] string? Description, [property: Id(4)] IssueStatus Status, [property: Id(5)] string? TaskId, [property: Id(6)] IReadOnlyList<Assignee> Assignees);

[GenerateSerializer, Immutable, Alias("work.folder-view")]
public sealed record FolderView([property: Id(0)] string ProjectId, [property: Id(1)] string Id, [property: Id(2)] string Name, [property: Id(3)] string? ParentFolderId);

[GenerateSerializer, Immutable, Alias("work.document-version-view")]
public sealed record DocumentVersionView([property: Id(0)] int Number, [property: Id(1)] long Size, [property: Id(2)] string ContentType, [property: Id(3)] string UploadedBy, [property: Id(4)] DateTimeOffset UploadedAt);

/// <param name="TaskId">The task the document is attached to (documents other modules add for a task), else null.</param>
[GenerateSerializer, Immutable, Alias("work.document-view")]
public sealed record DocumentView([property: Id(0)] string ProjectId, [property: Id(1)] string Id, [property: Id(2)] string Name, [property: Id(3)] string? FolderId, [property: Id(4)] string? TaskId, [property: Id(5)] IReadOnlyList<DocumentVersionView> Versions);

/// <summary>A row of a list: enough to show it and open it.</summary>
public sealed record WorkObjectSummary(string Id, ObjectType Type, string Name, string? Status, string? ProjectId, string? ParentId);

/// <summary>A page of a list; pass <see cref="Next"/> as <c>after</c> for the following page (null: no more).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>One version's bytes, read from the store chunk by chunk as the stream is read. Dispose the stream.</summary>
public sealed record DocumentContent(string Name, string ContentType, long Size, int Version, Stream Content);
