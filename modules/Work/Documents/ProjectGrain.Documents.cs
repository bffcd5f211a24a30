namespace Greenlight.Modules.Work.Projects;

[GenerateSerializer, Immutable, Alias("work.new-folder")]
public sealed record NewFolder([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? ParentFolderId, [property: Id(3)] string CreatedBy);

[GenerateSerializer, Immutable, Alias("work.new-document")]
public sealed record NewDocument([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? FolderId, [property: Id(3)] string? TaskId);

/// <summary>A version whose bytes are already stored under <paramref name="ContentId"/>.</summary>
[GenerateSerializer, Immutable, Alias("work.stored-version")]
public sealed record StoredVersion([property: Id(0)] string ContentId, [property: Id(1)] long Size, [property: Id(2)] string ContentType, [property: Id(3)] string UploadedBy);

/// <summary>One version of a document, and the document's name (what a download is called).</summary>
[GenerateSerializer, Immutable, Alias("work.named-version")]
public sealed record NamedVersion([property: Id(0)] string Name, [property: Id(1)] DocumentVersion Version);

public partial interface IProjectGrain
{
    [Alias("add-folder")]
    Task<FolderView> AddFolderAsync(NewFolder folder);

    /// <summary>The top-level folder named like <paramref name="folder"/> (the first made, if several are), added with its id when there is none.</summary>
    [Alias("ensure-folder")]
    Task<FolderView> EnsureFolderAsync(NewFolder folder);

    [Alias("find-folder"), AlwaysInterleave]
    Task<FolderView?> FindFolderAsync(string folderId);

    [Alias("list-folder-documents"), AlwaysInterleave]
    Task<IReadOnlyList<DocumentView>> ListFolderDocumentsAsync(string folderId);

    [Alias("rename-folder")]
    Task<FolderView> RenameFolderAsync(string folderId, string name);

    /// <summary>Deletes the folder, its subfolders and their documents (bytes included).</summary>
    [Alias("delete-folder")]
    Task DeleteFolderAsync(string folderId, string userId);

    [Alias("add-document")]
    Task<DocumentView> AddDocumentAsync(NewDocument document, StoredVersion version);

    [Alias("add-version")]
    Task<DocumentView> AddVersionAsync(string documentId, StoredVersion version);

    [Alias("find-document"), AlwaysInterleave]
    Task<DocumentView?> FindDocumentAsync(string documentId);

    /// <summary>The version (the latest when <paramref name="number"/> is null).</summary>
    [Alias("find-version"), AlwaysInterleave]
    Task<NamedVersion> GetVersionAsync(string documentId, int? number);

    [Alias("rename-document")]
    Task<DocumentView> RenameDocumentAsync(string documentId, string name);

    [Alias("move-document")]
    Task<DocumentView> MoveDocumentAsync(string documentId, string? folderId);

    [Alias("delete-document")]
    Task DeleteDocumentAsync(string documentId, string userId);
}

public sealed partial class ProjectGrain
{
    public async Task<FolderView> AddFolderAsync(NewFolder folder)
    {
        EnsureExists();
        if (folder.ParentFolderId is { } parent) Found(_contents.Folders, parent, "Parent folder");
        var created = new WorkFolder(folder.Name, folder.ParentFolderId);
        await SaveItemAsync(folder.Id, created, new FolderCreated(ProjectId, folder.Id, folder.Name, folder.ParentFolderId, folder.CreatedBy));
        return FolderView(folder.Id, created);
    }

    public async Task<FolderView> EnsureFolderAsync(NewFolder folder)
    {
        EnsureExists();
        var existing = _contents.Folders.Where(f => f.Value.ParentFolderId is null && f.Value.Name == folder.Name)
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => FolderView(f.Key, f.Value)).FirstOrDefault();
        return existing ?? await AddFolderAsync(folder with { ParentFolderId = null });
    }

    public Task<FolderView?> FindFolderAsync(string folderId) =>
        Task.FromResult(_committed.Contents.Folders.TryGetValue(folderId, out var folder) ? FolderView(folderId, folder) : null);

    public Task<IReadOnlyList<DocumentView>> ListFolderDocumentsAsync(string folderId)
    {
        var contents = _committed.Contents;
        if (_committed.Project is null) throw new NotFoundException($"Project '{ProjectId}'");
        Found(contents.Folders, folderId, "Folder");
        return Task.FromResult<IReadOnlyList<DocumentView>>(
            [.. contents.Documents.Where(d => d.Value.FolderId == folderId).Select(d => DocumentView(d.Key, d.Value))]);
    }

    public async Task<FolderView> RenameFolderAsync(string folderId, string name)
    {
        var renamed = Found(_contents.Folders, folderId, "Folder") with { Name = name };
        await SaveItemAsync(folderId, renamed);
        return FolderView(folderId, renamed);
    }

    public async Task DeleteFolderAsync(string folderId, string userId)
    {
        Found(_contents.Folders, folderId, "Folder");
        var folders = _contents.Subfolders(folderId);
        var within = folders.ToHashSet();
        var documents = _contents.Documents.Where(d => d.Value.FolderId is { } f && within.Contains(f)).Select(d => d.Key);
        await RemoveAsync([.. ProjectContents.Refs(ObjectType.DocumentFolder, folders), .. ProjectContents.Refs(ObjectType.Document, documents)], userId);
    }

    public async Task<DocumentView> AddDocumentAsync(NewDocument document, StoredVersion version)
    {
        EnsureExists();
        if (document.FolderId is not null) Found(_contents.Folders, document.FolderId, "Folder");
        if (document.TaskId is not null) Found(_contents.Tasks, document.TaskId, "Task");
        var added = new WorkDocument(document.Name, document.FolderId, document.TaskId, [Version(1, version)]);
        await SaveItemAsync(document.Id, added, new DocumentAdded(
            ProjectId, document.Id, document.FolderId, version.UploadedBy, document.Name, version.Size, version.ContentType));
        return DocumentView(document.Id, added);
    }

    public async Task<DocumentView> AddVersionAsync(string documentId, StoredVersion version)
    {
        var document = Found(_contents.Documents, documentId, "Document");
        var number = document.Versions.Count + 1;
        var versioned = document with { Versions = [.. document.Versions, Version(number, version)] };
        await SaveItemAsync(documentId, versioned, new DocumentVersionAdded(ProjectId, documentId, number, version.UploadedBy, version.Size, version.ContentType));
        return DocumentView(documentId, versioned);
    }

    public Task<DocumentView?> FindDocumentAsync(string documentId) =>
        Task.FromResult(_committed.Contents.Documents.TryGetValue(documentId, out var document) ? DocumentView(documentId, document) : null);

    public Task<NamedVersion> GetVersionAsync(string documentId, int? number)
    {
        var document = Found(_committed.Contents.Documents, documentId, "Document");
        var version = number is { } n ? document.Versions.ElementAtOrDefault(n - 1) : document.Versions[^1];
        return Task.FromResult(new NamedVersion(document.Name, version ?? throw new NotFoundException($"Version {number} of document '{documentId}'")));
    }

    public async Task<DocumentView> RenameDocumentAsync(string documentId, string name)
    {
        var renamed = Found(_contents.Documents, documentId, "Document") with { Name = name };
        await SaveItemAsync(documentId, renamed);
        return DocumentView(documentId, renamed);
    }

    public async Task<DocumentView> MoveDocumentAsync(string documentId, string? folderId)
    {
        var document = Found(_contents.Documents, documentId, "Document");
        if (folderId is not null) Found(_contents.Folders, folderId, "Folder");
        var moved = document with { FolderId = folderId };
        await SaveItemAsync(documentId, moved, new ObjectMoved(
            new ObjectRef(ObjectType.Document, documentId), ProjectId, FolderParent(document.FolderId), ProjectId, FolderParent(folderId)));
        return DocumentView(documentId, moved);
    }

    public async Task DeleteDocumentAsync(string documentId, string userId)
    {
        Found(_contents.Documents, documentId, "Document");
        await RemoveAsync([new ObjectRef(ObjectType.Document, documentId)], userId);
    }

    private DocumentVersion Version(int number, StoredVersion version) =>
        new(number, version.ContentId, version.Size, version.ContentType, version.UploadedBy, clock.GetUtcNow());

    private ObjectRef FolderParent(string? folderId) =>
        folderId is null ? new ObjectRef(ObjectType.Project, ProjectId) : new ObjectRef(ObjectType.DocumentFolder, folderId);

    private FolderView FolderView(string id, WorkFolder f) => new(ProjectId, id, f.Name, f.ParentFolderId);

    private DocumentView DocumentView(string id, WorkDocument d) => new(ProjectId, id, d.Name, d.FolderId, d.TaskId,
        [.. d.Versions.Select(v => new DocumentVersionView(v.Number, v.Size, v.ContentType, v.UploadedBy, v.UploadedAt))]);
}
