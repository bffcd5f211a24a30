using Greenlight.Modules.Work.Assignments;
using Greenlight.Modules.Work.Issues;

namespace Greenlight.Modules.Work.Tasks;

/// <summary>Tasks and issues of a project, and their assignments.</summary>
public sealed class TaskEndpoints : IEndpoints
{
    public sealed record CreateTaskBody(string Name, string? Description = null, string? ParentTaskId = null, DateOnly? PlannedStart = null, DateOnly? PlannedEnd = null);

    /// <summary>Only the fields sent change; <c>description</c> and the planned dates may be sent as null to clear them.</summary>
    public sealed class EditTaskBody : PatchBody
    {
        public string Name { get; init => field = Note(value); } = "";

        public string? Description { get; init => field = Note(value); }

        public DateOnly? PlannedStart { get; init => field = Note(value); }

        public DateOnly? PlannedEnd { get; init => field = Note(value); }

        public EditTask For(string projectId, string taskId) => new(projectId, taskId, Sent(Name), Sent(Description), Sent(PlannedStart), Sent(PlannedEnd));
    }

    public sealed record TaskStatusBody([property: JsonRequired] WorkTaskStatus Status);

    /// <summary><c>parentTaskId</c> must be sent: a task of the project it goes to, or null for that project's top level.</summary>
    public sealed record MoveTaskBody([property: JsonRequired] string? ParentTaskId, string? ToProjectId = null);

    public sealed record CreateIssueBody(string Name, string? Description = null, string? TaskId = null);

    public sealed record IssueStatusBody([property: JsonRequired] IssueStatus Status);

    /// <summary><c>taskId</c> must be sent: a task of the project, or null for the project itself.</summary>
    public sealed record MoveIssueBody([property: JsonRequired] string? TaskId);

    public sealed record AssignmentBody([property: JsonRequired] AssigneeKind Kind, string AssigneeId);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/projects/{projectId}/tasks").WithTags("Tasks");
        tasks.MapPost("/", async Task<Created<TaskView>> (IMediator sender, string projectId, CreateTaskBody body, CancellationToken ct) =>
        {
            var created = await sender.Send(new CreateTask(projectId, body.Name, body.Description, body.ParentTaskId, body.PlannedStart, body.PlannedEnd), ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/tasks/{created.Id}", created);
        }).WithName("CreateTask");
        tasks.MapGet("/{taskId}", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTask(projectId, taskId), ct))).WithName("GetTask");
        tasks.MapPatch("/{taskId}", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, EditTaskBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(body.For(projectId, taskId), ct))).WithName("EditTask");
        tasks.MapPut("/{taskId}/status", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, TaskStatusBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetTaskStatus(projectId, taskId, body.Status), ct))).WithName("SetTaskStatus");
        tasks.MapPost("/{taskId}/complete", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetTaskStatus(projectId, taskId, WorkTaskStatus.Complete), ct))).WithName("CompleteTask");
        tasks.MapPost("/{taskId}/reopen", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetTaskStatus(projectId, taskId, WorkTaskStatus.InProgress), ct))).WithName("ReopenTask");
        tasks.MapPost("/{taskId}/move", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, MoveTaskBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MoveTask(projectId, taskId, body.ToProjectId, body.ParentTaskId), ct))).WithName("MoveTask");
        tasks.MapDelete("/{taskId}", async Task<NoContent> (IMediator sender, string projectId, string taskId, CancellationToken ct) =>
        {
            await sender.Send(new DeleteTask(projectId, taskId), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteTask");
        MapAssignments(tasks, "/{taskId}/assignments", ObjectType.Task, "Task");

        var issues = api.MapGroup("/projects/{projectId}/issues").WithTags("Issues");
        issues.MapPost("/", async Task<Created<IssueView>> (IMediator sender, string projectId, CreateIssueBody body, CancellationToken ct) =>
        {
            var created = await sender.Send(new CreateIssue(projectId, body.Name, body.Description, body.TaskId), ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/issues/{created.Id}", created);
        }).WithName("CreateIssue");
        issues.MapGet("/{issueId}", async Task<Ok<IssueView>> (IMediator sender, string projectId, string issueId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetIssue(projectId, issueId), ct))).WithName("GetIssue");
        issues.MapPatch("/{issueId}", async Task<Ok<IssueView>> (IMediator sender, string projectId, string issueId, NameAndDescriptionBody body, CancellationToken ct) =>
        {
            var (name, description) = body.Changes();
            return TypedResults.Ok(await sender.Send(new EditIssue(projectId, issueId, name, description), ct));
        }).WithName("EditIssue");
        issues.MapPut("/{issueId}/status", async Task<Ok<IssueView>> (IMediator sender, string projectId, string issueId, IssueStatusBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetIssueStatus(projectId, issueId, body.Status), ct))).WithName("SetIssueStatus");
        issues.MapPost("/{issueId}/resolve", async Task<Ok<IssueView>> (IMediator sender, string projectId, string issueId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetIssueStatus(projectId, issueId, IssueStatus.Resolved), ct))).WithName("ResolveIssue");
        issues.MapPost("/{issueId}/move", async Task<Ok<IssueView>> (IMediator sender, string projectId, string issueId, MoveIssueBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MoveIssue(projectId, issueId, body.TaskId), ct))).WithName("MoveIssue");
        issues.MapDelete("/{issueId}", async Task<NoContent> (IMediator sender, string projectId, string issueId, CancellationToken ct) =>
        {
            await sender.Send(new DeleteIssue(projectId, issueId), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteIssue");
        MapAssignments(issues, "/{issueId}/assignments", ObjectType.Issue, "Issue");
    }

    /// <summary>POST {kind, assigneeId} adds; DELETE …/{kind}/{assigneeId} removes. The item's id is the route's second parameter.</summary>
    private static void MapAssignments(RouteGroupBuilder group, string path, ObjectType type, string name)
    {
        var itemParameter = path.Split('/')[1].Trim('{', '}');
        group.MapPost(path, async Task<NoContent> (HttpContext context, IMediator sender, string projectId, AssignmentBody body, CancellationToken ct) =>
        {
            await sender.Send(new AddAssignment(projectId, type, (string)context.GetRouteValue(itemParameter)!, body.Kind, body.AssigneeId), ct);
            return TypedResults.NoContent();
        }).WithName($"Assign{name}");
        group.MapDelete(path + "/{kind}/{assigneeId}", async Task<NoContent> (
            HttpContext context, IMediator sender, string projectId, AssigneeKind kind, string assigneeId, CancellationToken ct) =>
        {
            await sender.Send(new RemoveAssignment(projectId, type, (string)context.GetRouteValue(itemParameter)!, kind, assigneeId), ct);
            return TypedResults.NoContent();
        }).WithName($"Unassign{name}");
    }
}
