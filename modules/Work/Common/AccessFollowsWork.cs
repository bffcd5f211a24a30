using Greenlight.Modules.Work.Catalog;
using Greenlight.Modules.Work.Documents;
using Greenlight.Modules.Work.Projects;
using Greenlight.Modules.Work.Tasks;

namespace Greenlight.Modules.Work.Common;

/// <summary>
/// Brings the Access module in step with Work at least once. A request sends Access what its change means right after
/// Work's write, so that the caller's next request finds it; the outbox delivers the change's notification here as
/// well, after the write whatever became of the request (a process that died, a host that failed over), and this
/// sends it again, from what Work holds now. Only what Access takes twice without a trace is sent again: a
/// registration (a second one is refused, and that is dropped here), a removal (a second finds nothing), an assignee
/// grant (a repeat keeps the grant the first gave, under the defaults of then). Moves are not (see the README).
/// </summary>
internal static class AccessRegistration
{
    /// <summary>
    /// Registers a new object with the Access module, its creator getting Manage. Whichever comes second of the request's
    /// registration and the outbox's (see <see cref="AccessFollowsWork"/>) is refused as a repeat: the object is registered.
    /// </summary>
    public static async Task RegisterAsync(this IMediator sender, SecuredRef obj, SecuredRef? parent, string creator, CancellationToken ct)
    {
        try
        {
            await sender.Send(new RegisterSecuredObject(obj, parent, creator), ct);
        }
        catch (ConflictException)
        {
            // Registered already.
        }
    }
}

internal sealed class AccessFollowsWork(IMediator sender, IGrainFactory grains) :
    INotificationHandler<CatalogEntryCreated>, INotificationHandler<ProjectCreated>, INotificationHandler<TaskCreated>,
    INotificationHandler<IssueCreated>, INotificationHandler<FolderCreated>, INotificationHandler<DocumentAdded>,
    INotificationHandler<ObjectDeleted>, INotificationHandler<AssignmentAdded>
{
    public Task Handle(CatalogEntryCreated created, CancellationToken cancellationToken) =>
        RegisterAsync(new ObjectRef(created.Type, created.Id), null, created.CreatedBy, cancellationToken);

    public Task Handle(ProjectCreated created, CancellationToken cancellationToken) =>
        RegisterAsync(new ObjectRef(ObjectType.Project, created.ProjectId), created.ProjectId, created.CreatedBy, cancellationToken);

    public Task Handle(TaskCreated created, CancellationToken cancellationToken) =>
        RegisterAsync(new ObjectRef(ObjectType.Task, created.TaskId), created.ProjectId, created.CreatedBy, cancellationToken);

    public Task Handle(IssueCreated created, CancellationToken cancellationToken) =>
        RegisterAsync(new ObjectRef(ObjectType.Issue, created.IssueId), created.ProjectId, created.CreatedBy, cancellationToken);

    public Task Handle(FolderCreated created, CancellationToken cancellationToken) =>
        RegisterAsync(new ObjectRef(ObjectType.DocumentFolder, created.FolderId), created.ProjectId, created.CreatedBy, cancellationToken);

    public Task Handle(DocumentAdded added, CancellationToken cancellationToken) =>
        RegisterAsync(new ObjectRef(ObjectType.Document, added.DocumentId), added.ProjectId, added.UploadedBy, cancellationToken);

    /// <summary>Removing an object removes what is below it; the removals of those (one notice each) then find nothing.</summary>
    public Task Handle(ObjectDeleted deleted, CancellationToken cancellationToken) =>
        sender.Send(new RemoveSecuredObject(Secured.Of(deleted.Object.Type, deleted.Object.Id, deleted.ProjectId)), cancellationToken);

    /// <summary>Only while the assignee is still assigned there: an item moved or unassigned since is past this change.</summary>
    public async Task Handle(AssignmentAdded added, CancellationToken cancellationToken)
    {
        var project = grains.GetGrain<IProjectGrain>(added.ProjectId);
        var assignees = added.Item.Type == ObjectType.Task
            ? (await project.FindTaskAsync(added.Item.Id))?.Assignees
            : (await project.FindIssueAsync(added.Item.Id))?.Assignees;
        if (assignees?.Contains(added.Assignee) == true)
            await sender.Send(new GrantAssigneeAccess(Secured.InProject(added.ProjectId, added.Item), added.Assignee.ToGrantee(), Repeat: true), cancellationToken);
    }

    /// <summary>Registers the object where it is now (it may have moved since it was made); nothing when it is gone.</summary>
    private async Task RegisterAsync(ObjectRef obj, string? projectId, string creator, CancellationToken ct)
    {
        if (await PlaceAsync(obj, projectId) is { } place) await sender.RegisterAsync(place.Object, place.Parent, creator, ct);
    }

    /// <summary>The object as Access addresses it, and its parent, as Work holds them now; null when it is gone.</summary>
    private async Task<(SecuredRef Object, SecuredRef? Parent)?> PlaceAsync(ObjectRef obj, string? projectId)
    {
        var project = projectId is null ? null : grains.GetGrain<IProjectGrain>(projectId);
        var item = projectId is null ? null : Secured.InProject(projectId, obj);
        return obj.Type switch
        {
            ObjectType.Portfolio => await grains.GetGrain<IPortfolioGrain>(obj.Id).FindAsync() is null ? null : (Secured.Portfolio(obj.Id), null),
            ObjectType.Program => await grains.GetGrain<IProgramGrain>(obj.Id).FindAsync() is { } program
                ? (Secured.Program(obj.Id), Secured.Portfolio(program.PortfolioId!)) : null,
            ObjectType.Project => await project!.FindAsync() is { } found ? (item!, Secured.ProjectParent(found.ProgramId, found.PortfolioId)) : null,
            ObjectType.Task => await project!.FindTaskAsync(obj.Id) is { } task ? (item!, TaskPlace.Of(projectId!, task.ParentTaskId)) : null,
            ObjectType.Issue => await project!.FindIssueAsync(obj.Id) is { } issue ? (item!, TaskPlace.Of(projectId!, issue.TaskId)) : null,
            ObjectType.DocumentFolder => await project!.FindFolderAsync(obj.Id) is { } folder ? (item!, DocumentPlace.Of(projectId!, folder.ParentFolderId)) : null,
            ObjectType.Document => await project!.FindDocumentAsync(obj.Id) is { } document ? (item!, DocumentPlace.Of(projectId!, document.FolderId)) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(obj), obj, null),
        };
    }
}
