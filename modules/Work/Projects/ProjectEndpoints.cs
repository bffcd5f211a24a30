namespace Greenlight.Modules.Work.Projects;

public sealed class ProjectEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("Projects");
        group.MapPost("/", async Task<Created<ProjectView>> (IMediator sender, CreateProject request, CancellationToken ct) =>
        {
            var created = await sender.Send(request, ct);
            return TypedResults.Created($"/api/v1/projects/{created.Id}", created);
        }).WithName("CreateProject");
        group.MapGet("/{projectId}", async Task<Ok<ProjectView>> (IMediator sender, string projectId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetProject(projectId), ct))).WithName("GetProject");
        group.MapPatch("/{projectId}", async Task<Ok<ProjectView>> (IMediator sender, string projectId, EditProject request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(request with { ProjectId = projectId }, ct))).WithName("EditProject");
        group.MapPut("/{projectId}/status", async Task<Ok<ProjectView>> (IMediator sender, string projectId, ChangeProjectStatus request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(request with { ProjectId = projectId }, ct))).WithName("ChangeProjectStatus");
        group.MapPost("/{projectId}/move", async Task<Ok<ProjectView>> (IMediator sender, string projectId, MoveProject request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(request with { ProjectId = projectId }, ct))).WithName("MoveProject");
        group.MapDelete("/{projectId}", async Task<NoContent> (IMediator sender, string projectId, CancellationToken ct) =>
        {
            await sender.Send(new DeleteProject(projectId), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteProject");
    }
}
