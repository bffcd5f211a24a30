using Greenlight.Modules.Work.Projects;

namespace Greenlight.Modules.Work.Documents;

// The module requests EnsureProjectFolder and ListFolderDocuments, for the FrameConnector's "Share with Frame.io" folder.

public sealed class EnsureProjectFolderValidator : AbstractValidator<EnsureProjectFolder>
{
    public EnsureProjectFolderValidator() => RuleFor(r => r.Name).MustBeName();
}

internal sealed class ProjectFolderHandlers(IGrainFactory grains, IMediator sender) :
    IRequestHandler<EnsureProjectFolder, FolderView>, IRequestHandler<ListFolderDocuments, IReadOnlyList<DocumentView>>
{
    public async Task<FolderView> Handle(EnsureProjectFolder request, CancellationToken cancellationToken)
    {
        var folder = await grains.GetGrain<IProjectGrain>(request.ProjectId).EnsureFolderAsync(new NewFolder(WorkIds.New(), request.Name, null, request.CreatedBy));
        try
        {
            await sender.Send(new RegisterSecuredObject(
                Secured.InProject(request.ProjectId, ObjectType.DocumentFolder, folder.Id), Secured.Project(request.ProjectId), request.CreatedBy), cancellationToken);
        }
        catch (ConflictException)
        {
            // Registered already: by the call that made the folder (this is a repeat), or the folder was made through the API.
        }
        return folder;
    }

    public Task<IReadOnlyList<DocumentView>> Handle(ListFolderDocuments request, CancellationToken cancellationToken) =>
        grains.GetGrain<IProjectGrain>(request.ProjectId).ListFolderDocumentsAsync(request.FolderId);
}
