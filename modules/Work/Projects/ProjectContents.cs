using System.Collections.Immutable;

namespace Greenlight.Modules.Work.Projects;

// What a project holds: its tasks, issues, folders and documents (metadata; the bytes live in
// work_document_chunks). Each item is an immutable record, stored as one row of work_items (JSON)
// and carried whole by the ItemSaved message that changes it.

/// <summary>An object a project holds, as stored in its row of <c>work_items</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(WorkTask), "task")]
[JsonDerivedType(typeof(WorkIssue), "issue")]
[JsonDerivedType(typeof(WorkFolder), "folder")]
[JsonDerivedType(typeof(WorkDocument), "document")]
[GenerateSerializer, Immutable, Alias("work.item")]
public abstract record WorkItem([property: Id(0)] string Name)
{
    /// <summary>Its row in lists: what it is listed under (a task's parent task, an issue's task, a folder's parent, a document's folder) and its status.</summary>
    internal IndexRow ListRow(string projectId, string id) => this switch
    {
        WorkTask t => new(ObjectType.Task, id, projectId, t.ParentTaskId, t.Name, t.Status.ToString()),
        WorkIssue i => new(ObjectType.Issue, id, projectId, i.TaskId, i.Name, i.Status.ToString()),
        WorkFolder f => new(ObjectType.DocumentFolder, id, projectId, f.ParentFolderId, f.Name, null),
        WorkDocument d => new(ObjectType.Document, id, projectId, d.FolderId, d.Name, null),
        _ => throw new InvalidOperationException($"Unknown item {GetType()}."),
    };

    /// <summary>It keeps the project from being completed: a task not complete, an issue not resolved.</summary>
    public bool IsOpen() => this is WorkTask { Status: not WorkTaskStatus.Complete } or WorkIssue { Status: not IssueStatus.Resolved };
}

/// <summary>A task or an issue: it has a description and assignees.</summary>
[GenerateSerializer, Immutable, Alias("work.assignable-item")]
public abstract record AssignableItem(string Name, [property: Id(0)] string? Description, [property: Id(1)] IReadOnlyList<Assignee> Assignees) : WorkItem(Name)
{
    public abstract AssignableItem WithAssignees(IReadOnlyList<Assignee> assignees);
}

[GenerateSerializer, Immutable, Alias("work.task-item")]
public sealed record WorkTask(
    string Name, string? Description, IReadOnlyList<Assignee> Assignees, [property: Id(0)] WorkTaskStatus Status, [property: Id(1)] string? ParentTaskId,
    [property: Id(2)] DateOnly? PlannedStart, [property: Id(3)] DateOnly? PlannedEnd, [property: Id(4)] DateTimeOffset? CompletedAt)
    : AssignableItem(Name, Description, Assignees)
{
    public override AssignableItem WithAssignees(IReadOnlyList<Assignee> assignees) => this with { Assignees = assignees };
}

[GenerateSerializer, Immutable, Alias("work.issue-item")]
public sealed record WorkIssue(string Name, string? Description, IReadOnlyList<Assignee> Assignees, [property: Id(0)] IssueStatus Status, [property: Id(1)] string? TaskId)
    : AssignableItem(Name, Description, Assignees)
{
    public override AssignableItem WithAssignees(IReadOnlyList<Assignee> assignees) => this with { Assignees = assignees };
}

[GenerateSerializer, Immutable, Alias("work.folder-item")]
public sealed record WorkFolder(string Name, [property: Id(0)] string? ParentFolderId) : WorkItem(Name);

/// <param name="TaskId">The task it was added for (documents other modules add for a task), else null.</param>
[GenerateSerializer, Immutable, Alias("work.document-item")]
public sealed record WorkDocument(string Name, [property: Id(0)] string? FolderId, [property: Id(1)] string? TaskId, [property: Id(2)] IReadOnlyList<DocumentVersion> Versions)
    : WorkItem(Name);

/// <summary>A version whose bytes are stored under <paramref name="ContentId"/>.</summary>
[GenerateSerializer, Immutable, Alias("work.document-version")]
public sealed record DocumentVersion(
    [property: Id(0)] int Number, [property: Id(1)] string ContentId, [property: Id(2)] long Size, [property: Id(3)] string ContentType,
    [property: Id(4)] string UploadedBy, [property: Id(5)] DateTimeOffset UploadedAt);

/// <summary>
/// Everything a project holds, immutable: a change builds the next contents from the current ones (each
/// step O(log n)), and reads keep answering from the stored ones while the change is being written.
/// The counts of open tasks and issues are kept as items change, so a read never counts.
/// </summary>
public sealed record ProjectContents(
    ImmutableDictionary<string, WorkTask> Tasks, ImmutableDictionary<string, WorkIssue> Issues,
    ImmutableDictionary<string, WorkFolder> Folders, ImmutableDictionary<string, WorkDocument> Documents,
    int OpenTasks, int OpenIssues)
{
    public static readonly ProjectContents Empty = new(
        ImmutableDictionary<string, WorkTask>.Empty, ImmutableDictionary<string, WorkIssue>.Empty,
        ImmutableDictionary<string, WorkFolder>.Empty, ImmutableDictionary<string, WorkDocument>.Empty, 0, 0);

    /// <summary>Adds the item, or replaces the one with its id.</summary>
    public ProjectContents With(string id, WorkItem item) => item switch
    {
        WorkTask task => this with { Tasks = Tasks.SetItem(id, task), OpenTasks = OpenTasks + Open(task) - Open(Tasks.GetValueOrDefault(id)) },
        WorkIssue issue => this with { Issues = Issues.SetItem(id, issue), OpenIssues = OpenIssues + Open(issue) - Open(Issues.GetValueOrDefault(id)) },
        WorkFolder folder => this with { Folders = Folders.SetItem(id, folder) },
        WorkDocument document => this with { Documents = Documents.SetItem(id, document) },
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    public ProjectContents Without(IEnumerable<ObjectRef> items) => items.Aggregate(this, (contents, item) => item.Type switch
    {
        ObjectType.Task => contents with { Tasks = contents.Tasks.Remove(item.Id), OpenTasks = contents.OpenTasks - Open(contents.Tasks.GetValueOrDefault(item.Id)) },
        ObjectType.Issue => contents with { Issues = contents.Issues.Remove(item.Id), OpenIssues = contents.OpenIssues - Open(contents.Issues.GetValueOrDefault(item.Id)) },
        ObjectType.DocumentFolder => contents with { Folders = contents.Folders.Remove(item.Id) },
        ObjectType.Document => contents with { Documents = contents.Documents.Remove(item.Id) },
        _ => throw new ArgumentOutOfRangeException(nameof(items), item, null),
    });

    /// <summary>Every item.</summary>
    public IEnumerable<ObjectRef> Refs() =>
        Refs(ObjectType.Task, Tasks.Keys).Concat(Refs(ObjectType.Issue, Issues.Keys))
            .Concat(Refs(ObjectType.DocumentFolder, Folders.Keys)).Concat(Refs(ObjectType.Document, Documents.Keys));

    public static IEnumerable<ObjectRef> Refs(ObjectType type, IEnumerable<string> ids) => ids.Select(id => new ObjectRef(type, id));

    /// <summary>The task and every task below it.</summary>
    public IReadOnlyList<string> Subtasks(string taskId) => Descendants(taskId, Tasks.ToLookup(t => t.Value.ParentTaskId, t => t.Key));

    /// <summary>The folder and every folder below it.</summary>
    public IReadOnlyList<string> Subfolders(string folderId) => Descendants(folderId, Folders.ToLookup(f => f.Value.ParentFolderId, f => f.Key));

    /// <summary>Whether <paramref name="taskId"/> is <paramref name="ancestorId"/> or sits below it: walks up from the task, never down the tree.</summary>
    public bool IsWithin(string taskId, string ancestorId)
    {
        // Bounded by the number of tasks, should stored parents ever form a loop.
        string? id = taskId;
        for (var step = 0; id is not null && step <= Tasks.Count; step++, id = Tasks.GetValueOrDefault(id)?.ParentTaskId)
        {
            if (id == ancestorId) return true;
        }
        return false;
    }

    private static int Open(WorkItem? item) => item?.IsOpen() == true ? 1 : 0;

    private static IReadOnlyList<string> Descendants(string rootId, ILookup<string?, string> children)
    {
        var found = new List<string> { rootId };
        var seen = new HashSet<string> { rootId };
        for (var i = 0; i < found.Count; i++) found.AddRange(children[found[i]].Where(seen.Add));
        return found;
    }
}
