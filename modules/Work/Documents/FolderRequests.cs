using Greenlight.Modules.Work.Projects;

namespace Greenlight.Modules.Work.Documents;

// CreateFolder, GetFolder, RenameFolder, DeleteFolder: document folders, nested, in a project.

public sealed record CreateFolder(string ProjectId, string Name, string? ParentFolderId) : IRequest<FolderView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.CreateIn(DocumentPlace.Of(ProjectId, ParentFolderId), ObjectType.DocumentFolder);
}

public sealed record GetFolder(string ProjectId, string FolderId) : IRequest<FolderView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.DocumentFolder, FolderId), AccessAction.View);
}

public sealed record RenameFolder(string ProjectId, string FolderId, string Name) : IRequest<FolderView>, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.DocumentFolder, FolderId), AccessAction.Edit);
}

public sealed record DeleteFolder(string ProjectId, string FolderId) : IRequest, ISecuredRequest
{
    [JsonIgnore] public AccessCheck Check => AccessCheck.On(Secured.InProject(ProjectId, ObjectType.DocumentFolder, FolderId), AccessAction.Delete);
}

public sealed class CreateFolderValidator : AbstractValidator<CreateFolder>
{
    public CreateFolderValidator()
    {
        RuleFor(r => r.Name).MustBeName();
        When(r => r.ParentFolderId is not null, () => RuleFor(r => r.ParentFolderId).MustBeId());
    }
}

public sealed class EnsureFolderValidator : AbstractValidator<EnsureFolder>
{
    public EnsureFolderValidator()
    {
        RuleFor(r => r.Name).MustBeName();
        RuleFor(r => r.CreatedBy).NotEmpty();
    }
}

public sealed class RenameFolderValidator : AbstractValidator<RenameFolder>
{
    public RenameFolderValidator() => RuleFor(r => r.Name).MustBeName();
}

/// <summary>Where a document or folder sits: a folder of the project, or the project itself.</summary>
internal static class DocumentPlace
{
    public static SecuredRef Of(string projectId, string? folderId) =>
        folderId is null ? Secured.Project(projectId) : Secured.InProject(projectId, ObjectType.DocumentFolder, folderId);
}

internal sealed class FolderHandlers(IGrainFactory grains, IMediator sender, ICurrentPrincipal current) :
    IRequestHandler<CreateFolder, FolderView>, IRequestHandler<EnsureFolder, FolderView>, IRequestHandler<GetFolder, FolderView>,
    IRequestHandler<RenameFolder, FolderView>, IRequestHandler<DeleteFolder, Unit>, IRequestHandler<ListFolderDocuments, IReadOnlyList<DocumentView>>
{
    public async Task<FolderView> Handle(CreateFolder request, CancellationToken cancellationToken)
    {
        var (id, user) = (WorkIds.New(), current.UserId());
        var folder = await Project(request.ProjectId).AddFolderAsync(new NewFolder(id, request.Name, request.ParentFolderId, user));
        await RegisterAsync(folder, user, cancellationToken);
        return folder;
    }

    public async Task<FolderView> Handle(EnsureFolder request, CancellationToken cancellationToken)
    {
        var id = WorkIds.New();
        var folder = await Project(request.ProjectId).EnsureFolderAsync(new NewFolder(id, request.Name, null, request.CreatedBy));
        if (folder.Id == id) await RegisterAsync(folder, request.CreatedBy, cancellationToken);
        return folder;
    }

    public async Task<FolderView> Handle(GetFolder request, CancellationToken cancellationToken) =>
        await Project(request.ProjectId).FindFolderAsync(request.FolderId) ?? throw new NotFoundException($"Folder '{request.FolderId}'");

    public Task<IReadOnlyList<DocumentView>> Handle(ListFolderDocuments request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).ListFolderDocumentsAsync(request.FolderId);

    public Task<FolderView> Handle(RenameFolder request, CancellationToken cancellationToken) =>
        Project(request.ProjectId).RenameFolderAsync(request.FolderId, request.Name);

    public async Task<Unit> Handle(DeleteFolder request, CancellationToken cancellationToken)
    {
        await Project(request.ProjectId).DeleteFolderAsync(request.FolderId, current.UserId());
        await sender.Send(new RemoveSecuredObject(Secured.InProject(request.ProjectId, ObjectType.DocumentFolder, request.FolderId)), cancellationToken);
        return Unit.Value;
    }

    private Task RegisterAsync(FolderView folder, string creator, CancellationToken ct) => sender.RegisterAsync(
        Secured.InProject(folder.ProjectId, ObjectType.DocumentFolder, folder.Id), DocumentPlace.Of(folder.ProjectId, folder.ParentFolderId), creator, ct);

    private IProjectGrain Project(string id) => grains.GetGrain<IProjectGrain>(id);
}
