namespace Greenlight.Modules.FrameConnector.Mirror;

/// <summary>Work's project notifications: the mirror tracks name, group, owner and status (Current starts the Frame.io project).</summary>
public sealed class ProjectChangeHandlers(IGrainFactory grains, IMediator sender) :
    INotificationHandler<ProjectCreated>, INotificationHandler<ProjectStatusChanged>, INotificationHandler<ProjectRenamed>
{
    public Task Handle(ProjectCreated notification, CancellationToken cancellationToken) => TrackAsync(notification.ProjectId, cancellationToken);

    public Task Handle(ProjectStatusChanged notification, CancellationToken cancellationToken) => TrackAsync(notification.ProjectId, cancellationToken);

    public Task Handle(ProjectRenamed notification, CancellationToken cancellationToken) => TrackAsync(notification.ProjectId, cancellationToken);

    /// <summary>Reads the project once the write that told of the change is done, with its revision: the mirror keeps the newest read, whatever order notifications are handled in.</summary>
    private async Task TrackAsync(string projectId, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetProjectSummary(projectId), cancellationToken) is { } project)
            await grains.GetGrain<IProjectMirrorGrain>(projectId).TrackProjectAsync(new TrackedProject(project.Name, project.GroupId, project.Status, project.OwnerId, project.Revision));
    }
}

/// <summary>
/// Work's task and document notifications. Only what the mirror needs reaches it: a task's rename (ignored there unless
/// the task has Frame.io-enabled assignees), documents (ignored unless in the "Share with Frame.io" folder), moves.
/// </summary>
public sealed class ContentChangeHandlers(IGrainFactory grains, IMediator sender, MemberCandidates candidates) :
    INotificationHandler<TaskRenamed>, INotificationHandler<DocumentAdded>, INotificationHandler<DocumentVersionAdded>, INotificationHandler<ObjectMoved>
{
    public Task Handle(TaskRenamed notification, CancellationToken cancellationToken) =>
        Mirror(notification.ProjectId).RenameTaskAsync(notification.TaskId, notification.NewName);

    public Task Handle(DocumentAdded notification, CancellationToken cancellationToken) =>
        Mirror(notification.ProjectId).TrackDocumentAsync(new TrackedDocument(notification.DocumentId, notification.FolderId, notification.Name, 1));

    public Task Handle(DocumentVersionAdded notification, CancellationToken cancellationToken) =>
        Mirror(notification.ProjectId).TrackVersionAsync(notification.DocumentId, notification.Version);

    /// <summary>
    /// A document moved into (or out of) the share folder starts (or stops) syncing. A task moved to another project leaves
    /// this project's mirror (its folder stays in Frame.io) and joins the other's, with its assignees as they are now.
    /// </summary>
    public async Task Handle(ObjectMoved notification, CancellationToken cancellationToken)
    {
        var (moved, projectId) = (notification.Object, notification.NewProjectId);
        if (moved.Type == ObjectType.Document && await sender.Send(new GetDocumentSummary(projectId, moved.Id), cancellationToken) is { } document)
            await Mirror(projectId).TrackDocumentAsync(new TrackedDocument(document.Id, document.FolderId, document.Name, document.Versions.Count));
        if (moved.Type != ObjectType.Task || notification.OldProjectId == projectId) return;
        await Mirror(notification.OldProjectId).ForgetTaskAsync(moved.Id);
        if (await sender.Send(new GetTaskSummary(projectId, moved.Id), cancellationToken) is not { } task) return;
        var members = await candidates.OfAsync(projectId, task.Assignees, assignedTask: true, cancellationToken);
        if (members.Count > 0) await Mirror(projectId).AssignAsync(new AssignedWork(task.Id, task.Name, members));
    }

    private IProjectMirrorGrain Mirror(string projectId) => grains.GetGrain<IProjectMirrorGrain>(projectId);
}

/// <summary>
/// Assignments bring Frame.io-enabled users into the mirror with the role their rights map to (<see cref="MemberCandidates"/>),
/// and a task with such an assignee gets a folder. Unflagged users are not added; removing an assignment keeps the access given.
/// </summary>
public sealed class AssignmentHandler(IGrainFactory grains, IMediator sender, MemberCandidates candidates) : INotificationHandler<AssignmentAdded>
{
    public async Task Handle(AssignmentAdded notification, CancellationToken cancellationToken)
    {
        var assignedTask = notification.Item.Type == ObjectType.Task;
        var members = await candidates.OfAsync(notification.ProjectId, [notification.Assignee], assignedTask, cancellationToken);
        if (members.Count == 0) return;
        var task = assignedTask ? await sender.Send(new GetTaskSummary(notification.ProjectId, notification.Item.Id), cancellationToken) : null;
        // A task deleted (or moved away) since: its folder is not needed, only the membership.
        await grains.GetGrain<IProjectMirrorGrain>(notification.ProjectId).AssignAsync(new AssignedWork(task?.Id, task?.Name, members));
    }
}

/// <summary>
/// Who among assignees gets into a project's Frame.io mirror, and with which role: active users flagged "Add to projects in
/// Frame.io" (a team's members one by one). The role (README, "Roles in Frame.io"): Manage or Contribute on the project →
/// <c>editor</c> (upload, edit, share); assigned a task without that → <c>edit_only</c>, so they can deliver into their
/// task's folder (a <c>commenter</c> cannot upload); assigned only an issue → <c>commenter</c>.
/// </summary>
public sealed class MemberCandidates(IMediator sender)
{
    public async Task<IReadOnlyList<MemberCandidate>> OfAsync(string projectId, IReadOnlyList<Assignee> assignees, bool assignedTask, CancellationToken cancellationToken)
    {
        var members = new List<MemberCandidate>();
        foreach (var assignee in assignees)
        {
            var userIds = assignee.Kind == AssigneeKind.User ? [assignee.Id] : await sender.Send(new GetTeamMembers(assignee.Id), cancellationToken);
            foreach (var userId in userIds)
            {
                if (await sender.Send(new GetUserProfile(userId), cancellationToken) is not { AddToFrameioProjects: true, Active: true } user) continue;
                var project = SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, projectId));
                var access = await sender.Send(new CheckAccess(userId, AccessCheck.On(project, AccessAction.View)), cancellationToken);
                var role = access.Held >= Permission.Contribute ? FrameioProjectRole.Editor
                    : assignedTask ? FrameioProjectRole.EditOnly
                    : FrameioProjectRole.Commenter;
                members.Add(new MemberCandidate(userId, user.Email, role));
            }
        }
        return members;
    }
}
