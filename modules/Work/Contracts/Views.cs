namespace Greenlight.Modules.Work.Contracts;

// What the Work module shows of its objects, over HTTP and to other modules alike.

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
public sealed record Assignee(AssigneeKind Kind, string Id)
{
    public Grantee ToGrantee() => Kind == AssigneeKind.User ? Grantee.User(Id) : Grantee.Team(Id);
}

public sealed record PortfolioView(string Id, string Name, string? Description, string OwnerId);

public sealed record ProgramView(string Id, string PortfolioId, string Name, string? Description, string OwnerId);

public sealed record ProjectView(
    string Id, string Name, string? Description, string? GroupId, string OwnerId, string? ProgramId, string? PortfolioId,
    ProjectStatus Status, string StatusCode, int OpenTasks, int OpenIssues, int OpenApprovals);

public sealed record TaskView(
    string ProjectId, string Id, string Name, string? Description, WorkTaskStatus Status, string? ParentTaskId,
    DateOnly? PlannedStart, DateOnly? PlannedEnd, IReadOnlyList<Assignee> Assignees, DateTimeOffset? CompletedAt);

public sealed record IssueView(
    string ProjectId, string Id, string Name, string? Description, IssueStatus Status, string? TaskId, IReadOnlyList<Assignee> Assignees);

public sealed record FolderView(string ProjectId, string Id, string Name, string? ParentFolderId);

public sealed record DocumentVersionView(int Number, long Size, string ContentType, string UploadedBy, DateTimeOffset UploadedAt);

/// <param name="TaskId">The task the document is attached to (documents other modules add for a task), else null.</param>
public sealed record DocumentView(string ProjectId, string Id, string Name, string? FolderId, string? TaskId, IReadOnlyList<DocumentVersionView> Versions);

/// <summary>A row of a list: enough to show it and open it.</summary>
public sealed record WorkObjectSummary(string Id, ObjectType Type, string Name, string? Status, string? ProjectId, string? ParentId);

/// <summary>A page of a list; pass <see cref="Next"/> as <c>after</c> for the following page (null: no more).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>One version's bytes, read from the store chunk by chunk as the stream is read. Dispose the stream.</summary>
public sealed record DocumentContent(string Name, string ContentType, long Size, int Version, Stream Content);
