using Greenlight.Modules.FrameConnector.Connections;

namespace Greenlight.Modules.FrameConnector.Mirror;

/// <summary>A project's Frame.io sync: which connection it uses and why, what exists in Frame.io, what is pending or parked.</summary>
public sealed record ProjectSyncView(string ProjectId, string? ConnectionKey, string Reason, MirrorView Mirror);

public sealed record GetProjectSync(string ProjectId) : IRequest<ProjectSyncView>, IAdministrativeRequest;

/// <summary>Gives the project's parked sync steps a new set of tries, tries waiting steps now, and looks again for people waiting for an invite.</summary>
public sealed record RetryProjectSync(string ProjectId) : IRequest<ProjectSyncView>, IAdministrativeRequest;

public sealed class GetProjectSyncValidator : AbstractValidator<GetProjectSync>
{
    public GetProjectSyncValidator() => RuleFor(r => r.ProjectId).MustBeProjectId();
}

public sealed class RetryProjectSyncValidator : AbstractValidator<RetryProjectSync>
{
    public RetryProjectSyncValidator() => RuleFor(r => r.ProjectId).MustBeProjectId();
}

internal static class ProjectIdRule
{
    /// <summary>An id as the Work module makes them (and checks every id of its own routes).</summary>
    public static IRuleBuilderOptions<T, string> MustBeProjectId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9_.:-]+$");
}

public sealed class SyncViewHandlers(IGrainFactory grains, IMediator sender) :
    IRequestHandler<GetProjectSync, ProjectSyncView>, IRequestHandler<RetryProjectSync, ProjectSyncView>
{
    public Task<ProjectSyncView> Handle(GetProjectSync request, CancellationToken cancellationToken) => ViewAsync(request.ProjectId, cancellationToken);

    public async Task<ProjectSyncView> Handle(RetryProjectSync request, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IProjectMirrorGrain>(request.ProjectId).RetryAsync();
        return await ViewAsync(request.ProjectId, cancellationToken);
    }

    private async Task<ProjectSyncView> ViewAsync(string projectId, CancellationToken cancellationToken)
    {
        var project = await sender.Send(new GetProjectSummary(projectId), cancellationToken) ?? throw new NotFoundException($"Project '{projectId}'");
        var choice = await ConnectionResolver.ResolveAsync(grains, project.GroupId);
        var mirror = await grains.GetGrain<IProjectMirrorGrain>(projectId).ViewAsync();
        return new ProjectSyncView(projectId, mirror.ConnectionKey ?? choice.Target?.Key, choice.Reason, mirror);
    }
}

public sealed class SyncViewEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/frameio/projects/{projectId}").WithTags("Frame.io");
        group.MapGet("/", async Task<Ok<ProjectSyncView>> (IMediator sender, string projectId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetProjectSync(projectId), ct))).WithName("GetProjectFrameioSync");
        group.MapPost("/retry", async Task<Ok<ProjectSyncView>> (IMediator sender, string projectId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RetryProjectSync(projectId), ct))).WithName("RetryProjectFrameioSync");
    }
}
