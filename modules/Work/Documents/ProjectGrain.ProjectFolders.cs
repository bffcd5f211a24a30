namespace Greenlight.Modules.Work.Projects;

public partial interface IProjectGrain
{
    /// <summary>The top-level folder named as <paramref name="folder"/> is (case and surrounding spaces aside), else <paramref name="folder"/>, added.</summary>
    [Alias("ensure-folder")]
    Task<FolderView> EnsureFolderAsync(NewFolder folder);

    [Alias("list-folder-documents"), AlwaysInterleave]
    Task<IReadOnlyList<DocumentView>> ListFolderDocumentsAsync(string folderId);
}

public sealed partial class ProjectGrain
{
    public Task<FolderView> EnsureFolderAsync(NewFolder folder)
    {
        EnsureExists();
        var there = _contents.Folders.FirstOrDefault(f => f.Value.ParentFolderId is null
            && string.Equals(f.Value.Name.Trim(), folder.Name.Trim(), StringComparison.OrdinalIgnoreCase));
        return there.Value is { } existing ? Task.FromResult(FolderView(there.Key, existing)) : AddFolderAsync(folder);
    }

    public Task<IReadOnlyList<DocumentView>> ListFolderDocumentsAsync(string folderId)
    {
        var contents = _committed.Contents;
        if (_committed.Project is null) throw new NotFoundException($"Project '{ProjectId}'");
        Found(contents.Folders, folderId, "Folder");
        return Task.FromResult<IReadOnlyList<DocumentView>>(
            [.. contents.Documents.Where(d => d.Value.FolderId == folderId).Select(d => DocumentView(d.Key, d.Value))]);
    }
}
