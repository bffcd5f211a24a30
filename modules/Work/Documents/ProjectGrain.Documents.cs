namespace Greenlight.Modules.Work.Projects;

[GenerateSerializer, Immutable, Alias("work.new-folder")]
public sealed record NewFolder([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? ParentFolderId, [property: Id(3)] string CreatedBy);

/// <summary>A version whose bytes are already stored under <paramref name="ContentId"/>.</summary>
[GenerateSerializer, Immutable, Alias("work.stored-version")]
public sealed record StoredVersion([property: Id(0)] string ContentId, [property: Id(1)] long Size, [property: Id(2)] string ContentType, [property: Id(3)] string UploadedBy);

public partial interface IProjectGrain
{
    Task<FolderView> AddFolderAsync(NewFolder folder);

    Task<FolderView?> FindFolderAsync(string folderId);

    Task<FolderView> RenameFolderAsync(string folderId, string name);

    /// <summary>Removes the folder, its subfolders and their documents (bytes included).</summary>
    Task DeleteFolderAsync(string folderId, string userId);

    Task<DocumentView> AddDocumentAsync(string documentId, string name, string? folderId, string? taskId, StoredVersion version);

    Task<DocumentView> AddVersionAsync(string documentId, StoredVersion version);

    Task<DocumentView?> FindDocumentAsync(string documentId);

    /// <summary>The version (the latest when <paramref name="number"/> is null) and the document's name.</summary>
    Task<(string Name, DocumentVersionState Version)> GetVersionAsync(string documentId, int? number);

    Task<DocumentView> RenameDocumentAsync(string documentId, string name);

    Task<DocumentView> MoveDocumentAsync(string documentId, string? folderId);

    Task DeleteDocumentAsync(string documentId, string userId);
}

public sealed partial class ProjectGrain
{
    public async Task<FolderView> AddFolderAsync(NewFolder folder)
    {
        EnsureExists();
        if (folder.ParentFolderId is { } parent) Found(State.Folders, parent, "Parent folder");
        var state = new FolderState { Name = folder.Name, ParentFolderId = folder.ParentFolderId };
        State.Folders.Add(folder.Id, state);
        await SaveAsync(FolderRow(folder.Id, state), new FolderCreated(ProjectId, folder.Id, folder.Name, folder.ParentFolderId, folder.CreatedBy));
        return FolderView(folder.Id, state);
    }

    public Task<FolderView?> FindFolderAsync(string folderId) =>
        Task.FromResult(State.Folders.TryGetValue(folderId, out var folder) ? FolderView(folderId, folder) : null);

    public async Task<FolderView> RenameFolderAsync(string folderId, string name)
    {
        var folder = Found(State.Folders, folderId, "Folder");
        folder.Name = name;
        await SaveAsync(FolderRow(folderId, folder));
        return FolderView(folderId, folder);
    }

    public async Task DeleteFolderAsync(string folderId, string userId)
    {
        Found(State.Folders, folderId, "Folder");
        var folders = Subfolders(folderId).ToList();
        var documents = State.Documents.Where(d => d.Value.FolderId is { } f && folders.Contains(f)).ToList();
        folders.ForEach(id => State.Folders.Remove(id));
        documents.ForEach(d => State.Documents.Remove(d.Key));
        await SaveAsync([.. Removed(
            [.. Refs(ObjectType.DocumentFolder, folders), .. Refs(ObjectType.Document, documents.Select(d => d.Key))],
            [.. documents.SelectMany(d => d.Value.Versions).Select(v => v.ContentId)], userId)]);
    }

    public async Task<DocumentView> AddDocumentAsync(string documentId, string name, string? folderId, string? taskId, StoredVersion version)
    {
        EnsureExists();
        if (folderId is not null) Found(State.Folders, folderId, "Folder");
        if (taskId is not null) Found(State.Tasks, taskId, "Task");
        var document = new DocumentState { Name = name, FolderId = folderId, TaskId = taskId, Versions = [Version(1, version)] };
        State.Documents.Add(documentId, document);
        await SaveAsync(DocumentRow(documentId, document), new DocumentAdded(
            ProjectId, documentId, folderId, version.UploadedBy, name, version.Size, version.ContentType));
        return DocumentView(documentId, document);
    }

    public async Task<DocumentView> AddVersionAsync(string documentId, StoredVersion version)
    {
        var document = Found(State.Documents, documentId, "Document");
        var number = document.Versions.Count + 1;
        document.Versions.Add(Version(number, version));
        await SaveAsync(new DocumentVersionAdded(ProjectId, documentId, number, version.UploadedBy, version.Size, version.ContentType));
        return DocumentView(documentId, document);
    }

    public Task<DocumentView?> FindDocumentAsync(string documentId) =>
        Task.FromResult(State.Documents.TryGetValue(documentId, out var document) ? DocumentView(documentId, document) : null);

    public Task<(string Name, DocumentVersionState Version)> GetVersionAsync(string documentId, int? number)
    {
        var document = Found(State.Documents, documentId, "Document");
        var version = number is { } n ? document.Versions.ElementAtOrDefault(n - 1) : document.Versions[^1];
        return Task.FromResult((document.Name, version ?? throw new NotFoundException($"Version {number} of document '{documentId}'")));
    }

    public async Task<DocumentView> RenameDocumentAsync(string documentId, string name)
    {
        var document = Found(State.Documents, documentId, "Document");
        document.Name = name;
        await SaveAsync(DocumentRow(documentId, document));
        return DocumentView(documentId, document);
    }

    public async Task<DocumentView> MoveDocumentAsync(string documentId, string? folderId)
    {
        var document = Found(State.Documents, documentId, "Document");
        if (folderId is not null) Found(State.Folders, folderId, "Folder");
        var oldParent = FolderParent(document.FolderId);
        document.FolderId = folderId;
        await SaveAsync(DocumentRow(documentId, document), new ObjectMoved(
            new ObjectRef(ObjectType.Document, documentId), ProjectId, oldParent, ProjectId, FolderParent(folderId)));
        return DocumentView(documentId, document);
    }

    public async Task DeleteDocumentAsync(string documentId, string userId)
    {
        var document = Found(State.Documents, documentId, "Document");
        State.Documents.Remove(documentId);
        await SaveAsync([.. Removed([new ObjectRef(ObjectType.Document, documentId)], [.. document.Versions.Select(v => v.ContentId)], userId)]);
    }

    private DocumentVersionState Version(int number, StoredVersion version) => new()
    {
        Number = number, ContentId = version.ContentId, Size = version.Size, ContentType = version.ContentType,
        UploadedBy = version.UploadedBy, UploadedAt = clock.GetUtcNow(),
    };

    private IEnumerable<string> Subfolders(string folderId) =>
        State.Folders.Where(f => f.Value.ParentFolderId == folderId).SelectMany(f => Subfolders(f.Key)).Prepend(folderId);

    private ObjectRef FolderParent(string? folderId) =>
        folderId is null ? new ObjectRef(ObjectType.Project, ProjectId) : new ObjectRef(ObjectType.DocumentFolder, folderId);

    private IndexRow FolderRow(string id, FolderState f) => new(ObjectType.DocumentFolder, id, ProjectId, f.ParentFolderId, f.Name, null);

    private IndexRow DocumentRow(string id, DocumentState d) => new(ObjectType.Document, id, ProjectId, d.FolderId, d.Name, null);

    private FolderView FolderView(string id, FolderState f) => new(ProjectId, id, f.Name, f.ParentFolderId);

    private DocumentView DocumentView(string id, DocumentState d) => new(ProjectId, id, d.Name, d.FolderId, d.TaskId,
        [.. d.Versions.Select(v => new DocumentVersionView(v.Number, v.Size, v.ContentType, v.UploadedBy, v.UploadedAt))]);
}
