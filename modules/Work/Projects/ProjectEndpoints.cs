namespace Greenlight.Modules.Work.Projects;

public sealed class ProjectEndpoints : IEndpoints
{
    /// <summary>Only the fields sent change; <c>description</c> and <c>groupId</c> may be sent as null to clear them.</summary>
    public sealed class EditProjectBody : PatchBody
    {
        public string Name { get; init => field = Note(value); } = "";

        public string? Description { get; init => field = Note(value); }

        public string? GroupId { get; init => field = Note(value); }

        public string OwnerId { get; init => field = Note(value); } = "";

        public EditProject For(string projectId) => new(projectId, Sent(Name), Sent(Description), Sent(GroupId), Sent<string?>(OwnerId));
    }

    public sealed record ProjectStatusBody([property: JsonRequired] ProjectStatus Status);

    /// <summary><c>programId</c> must be sent: a program, or null to put the project in <c>portfolioId</c> (or at the top level without one).</summary>
    public sealed record MoveProjectBody([property: JsonRequired] string? ProgramId, string? PortfolioId = null);

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
        group.MapPatch("/{projectId}", async Task<Ok<ProjectView>> (IMediator sender, string projectId, EditProjectBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(body.For(projectId), ct))).WithName("EditProject");
        group.MapPut("/{projectId}/status", async Task<Ok<ProjectView>> (IMediator sender, string projectId, ProjectStatusBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ChangeProjectStatus(projectId, body.Status), ct))).WithName("ChangeProjectStatus");
        group.MapPost("/{projectId}/move", async Task<Ok<ProjectView>> (IMediator sender, string projectId, MoveProjectBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MoveProject(projectId, body.ProgramId, body.PortfolioId), ct))).WithName("MoveProject");
        group.MapDelete("/{projectId}", async Task<NoContent> (IMediator sender, string projectId, CancellationToken ct) =>
        {
            await sender.Send(new DeleteProject(projectId), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteProject");
    }
}
