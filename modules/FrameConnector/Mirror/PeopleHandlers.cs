namespace Greenlight.Modules.FrameConnector.Mirror;

/// <summary>
/// Changes of a person here that reach the Frame.io projects they were added to (or wait to join). Deactivated: they
/// leave each project (documented), and the account where the API allows it (README, "People"). No longer "Add to
/// projects in Frame.io": they keep access to past assignments and get no new ones (the seed's rule), so nothing is
/// taken from them in Frame.io; an invite they wait for is no longer waited for. Being flagged again, or reactivated,
/// takes effect with their next assignment.
/// </summary>
public sealed class PeopleHandlers(IGrainFactory grains, Links links) : INotificationHandler<UserDeactivated>, INotificationHandler<UserChanged>
{
    public async Task Handle(UserDeactivated notification, CancellationToken cancellationToken)
    {
        foreach (var projectId in await links.ProjectsOfMemberAsync(notification.UserId))
            await grains.GetGrain<IProjectMirrorGrain>(projectId).RemoveUserAsync(notification.UserId);
    }

    public async Task Handle(UserChanged notification, CancellationToken cancellationToken)
    {
        if (!notification.Before.AddToFrameioProjects || notification.After.AddToFrameioProjects) return;
        foreach (var projectId in await links.ProjectsOfMemberAsync(notification.After.Id))
            await grains.GetGrain<IProjectMirrorGrain>(projectId).UnflagUserAsync(notification.After.Id);
    }
}
