namespace Greenlight.Modules.FrameConnector.Mirror;

/// <summary>A durable job: make one Frame.io call of the project's mirror (the step names it, e.g. "task-folder:{taskId}").</summary>
public sealed record MirrorStepDue(string ProjectId, string Step) : INotification;

public sealed class MirrorStepHandler(IGrainFactory grains) : INotificationHandler<MirrorStepDue>
{
    public Task Handle(MirrorStepDue notification, CancellationToken cancellationToken) =>
        grains.GetGrain<IProjectMirrorGrain>(notification.ProjectId).RunStepAsync(notification.Step);
}
