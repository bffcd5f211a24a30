namespace Greenlight.Modules.FrameConnector.Mirror;

/// <summary>Work's project notifications: the mirror tracks name, group and status (Current starts the Frame.io project).</summary>
public sealed class ProjectChangeHandlers(IGrainFactory grains, IMediator sender) :
    INotificationHandler<ProjectCreated>, INotificationHandler<ProjectStatusChanged>, INotificationHandler<ProjectRenamed>
{
    public Task Handle(ProjectCreated notification, CancellationToken cancellationToken) => TrackAsync(notification.ProjectId, cancellationToken);

    public Task Handle(ProjectStatusChanged notification, CancellationToken cancellationToken) => TrackAsync(notification.ProjectId, cancellationToken);

    public Task Handle(ProjectRenamed notification, CancellationToken cancellationToken) => TrackAsync(notification.ProjectId, cancellationToken);

    /// <summary>Reads the project as it is now, so notifications delivered out of order still leave the latest values.</summary>
    private async Task TrackAsync(string projectId, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetProjectSummary(projectId), cancellationToken) is { } project)
            await grains.GetGrain<IProjectMirrorGrain>(projectId).TrackProjectAsync(new TrackedProject(project.Name, project.GroupId, project.Status));
    }
}

/// <summary>Work's task, folder and document notifications, tracked by the project's mirror.</summary>
public sealed class ContentChangeHandlers(IGrainFactory grains) :
    INotificationHandler<TaskCreated>, INotificationHandler<TaskRenamed>, INotificationHandler<FolderCreated>,
    INotificationHandler<DocumentAdded>, INotificationHandler<DocumentVersionAdded>
{
    public Task Handle(TaskCreated notification, CancellationToken cancellationToken) =>
        Mirror(notification.ProjectId).TrackTaskAsync(notification.TaskId, notification.Name);

    public Task Handle(TaskRenamed notification, CancellationToken cancellationToken) =>
        Mirror(notification.ProjectId).TrackTaskAsync(notification.TaskId, notification.NewName);

    public Task Handle(FolderCreated notification, CancellationToken cancellationToken) =>
        Mirror(notification.ProjectId).TrackFolderAsync(notification.FolderId, notification.Name);

    public Task Handle(DocumentAdded notification, CancellationToken cancellationToken) =>
        Mirror(notification.ProjectId).TrackDocumentAsync(notification.DocumentId, notification.FolderId, notification.Name, 1);

    public Task Handle(DocumentVersionAdded notification, CancellationToken cancellationToken) =>
        Mirror(notification.ProjectId).TrackDocumentAsync(notification.DocumentId, null, null, notification.Version);

    private IProjectMirrorGrain Mirror(string projectId) => grains.GetGrain<IProjectMirrorGrain>(projectId);
}

/// <summary>
/// Assignments bring Frame.io-enabled users into the mirror with the role their permission on the project maps to
/// (Manage or Contribute → editor, which may share; View → commenter). Unflagged users are not added; removing an
/// assignment keeps the access given.
/// </summary>
public sealed class AssignmentHandler(IGrainFactory grains, IMediator sender) : INotificationHandler<AssignmentAdded>
{
    public async Task Handle(AssignmentAdded notification, CancellationToken cancellationToken)
    {
        var userIds = notification.Assignee.Kind == AssigneeKind.User
            ? [notification.Assignee.Id]
            : await sender.Send(new GetTeamMembers(notification.Assignee.Id), cancellationToken);
        var members = new List<MemberCandidate>();
        foreach (var userId in userIds)
        {
            if (await sender.Send(new GetUserProfile(userId), cancellationToken) is not { AddToFrameioProjects: true, Active: true } user) continue;
            var project = SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, notification.ProjectId));
            var access = await sender.Send(new CheckAccess(userId, AccessCheck.On(project, AccessAction.View)), cancellationToken);
            members.Add(new MemberCandidate(userId, user.Email, access.Held >= Permission.Contribute ? FrameioProjectRole.Editor : FrameioProjectRole.Commenter));
        }
        var taskId = notification.Item.Type == ObjectType.Task ? notification.Item.Id : null;
        if (members.Count > 0) await grains.GetGrain<IProjectMirrorGrain>(notification.ProjectId).AssignAsync(taskId, members);
    }
}

/// <summary>A deactivated user loses every Frame.io project they were added to (or waited to join), and the account.</summary>
public sealed class UserDeactivatedHandler(IGrainFactory grains, Links links) : INotificationHandler<UserDeactivated>
{
    public async Task Handle(UserDeactivated notification, CancellationToken cancellationToken)
    {
        foreach (var projectId in await links.ProjectsOfMemberAsync(notification.UserId))
            await grains.GetGrain<IProjectMirrorGrain>(projectId).RemoveUserAsync(notification.UserId);
    }
}
