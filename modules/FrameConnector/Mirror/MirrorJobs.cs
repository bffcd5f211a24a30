namespace Greenlight.Modules.FrameConnector.Mirror;

/// <summary>A durable job: make one Frame.io call of the project's mirror (the step names it, e.g. "task-folder:{taskId}").</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.mirror-step-due")]
public sealed record MirrorStepDue([property: Id(0)] string ProjectId, [property: Id(1)] string Step) : INotification;

public sealed class MirrorStepHandler(IGrainFactory grains) : INotificationHandler<MirrorStepDue>
{
    public Task Handle(MirrorStepDue notification, CancellationToken cancellationToken) =>
        grains.GetGrain<IProjectMirrorGrain>(notification.ProjectId).RunStepAsync(notification.Step);
}

/// <summary>A durable job: tell a Frame.io-enabled user that work is assigned to them in Frame.io (a project, or with <paramref name="TaskId"/> a task folder).</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.work-assigned-email-due")]
public sealed record WorkAssignedEmailDue([property: Id(0)] string ProjectId, [property: Id(1)] string UserId, [property: Id(2)] string? TaskId) : INotification;

/// <summary>Sends the email to the user's current address; users without one (or deactivated since) get none.</summary>
public sealed class WorkAssignedEmailHandler(IMediator sender, IEmailSender email) : INotificationHandler<WorkAssignedEmailDue>
{
    public async Task Handle(WorkAssignedEmailDue notification, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetUserProfile(notification.UserId), cancellationToken) is not { Active: true, Email.Length: > 0 } user) return;
        if (await sender.Send(new GetProjectSummary(notification.ProjectId), cancellationToken) is not { } project) return;
        var (subject, body) = notification.TaskId is null
            ? ($"Work assigned: project {project.Name} is in Frame.io",
                $"You were added to the project \"{project.Name}\" in Frame.io. Its work is waiting for you there.")
            : await sender.Send(new GetTaskSummary(notification.ProjectId, notification.TaskId), cancellationToken) is { } task
                ? ($"Work assigned: task {task.Name} is in Frame.io",
                    $"The task \"{task.Name}\" of the project \"{project.Name}\" is assigned to you. Its folder is in Frame.io, in the project \"{project.Name}\".")
                : default;
        if (subject is null) return;
        await email.SendAsync(EmailMessage.FromText([$"{user.Name} <{user.Email}>"], subject, body), cancellationToken);
    }
}
