using Greenlight.Modules.Work.Assignments;
using Greenlight.Modules.Work.Issues;

namespace Greenlight.Modules.Work.Tasks;

/// <summary>Tasks and issues of a project, and their assignments.</summary>
public sealed class TaskEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/projects/{projectId}/tasks").WithTags("Tasks");
        tasks.MapPost("/", async Task<Created<TaskView>> (IMediator sender, string projectId, CreateTask request, CancellationToken ct) =>
        {
            var created = await sender.Send(request with { ProjectId = projectId }, ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/tasks/{created.Id}", created);
        }).WithName("CreateTask");
        tasks.MapGet("/{taskId}", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTask(projectId, taskId), ct))).WithName("GetTask");
        tasks.MapPatch("/{taskId}", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, EditTask request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(request with { ProjectId = projectId, TaskId = taskId }, ct))).WithName("EditTask");
        tasks.MapPut("/{taskId}/status", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, SetTaskStatus request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(request with { ProjectId = projectId, TaskId = taskId }, ct))).WithName("SetTaskStatus");
        tasks.MapPost("/{taskId}/complete", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetTaskStatus(projectId, taskId, WorkTaskStatus.Complete), ct))).WithName("CompleteTask");
        tasks.MapPost("/{taskId}/reopen", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetTaskStatus(projectId, taskId, WorkTaskStatus.InProgress), ct))).WithName("ReopenTask");
        tasks.MapPost("/{taskId}/move", async Task<Ok<TaskView>> (IMediator sender, string projectId, string taskId, MoveTask request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(request with { ProjectId = projectId, TaskId = taskId }, ct))).WithName("MoveTask");
        tasks.MapDelete("/{taskId}", async Task<NoContent> (IMediator sender, string projectId, string taskId, CancellationToken ct) =>
        {
            await sender.Send(new DeleteTask(projectId, taskId), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteTask");
        MapAssignments(tasks, "/{taskId}/assignments", ObjectType.Task, "Task");

        var issues = api.MapGroup("/projects/{projectId}/issues").WithTags("Issues");
        issues.MapPost("/", async Task<Created<IssueView>> (IMediator sender, string projectId, CreateIssue request, CancellationToken ct) =>
        {
            var created = await sender.Send(request with { ProjectId = projectId }, ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/issues/{created.Id}", created);
        }).WithName("CreateIssue");
        issues.MapGet("/{issueId}", async Task<Ok<IssueView>> (IMediator sender, string projectId, string issueId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetIssue(projectId, issueId), ct))).WithName("GetIssue");
        issues.MapPatch("/{issueId}", async Task<Ok<IssueView>> (IMediator sender, string projectId, string issueId, EditIssue request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(request with { ProjectId = projectId, IssueId = issueId }, ct))).WithName("EditIssue");
        issues.MapPut("/{issueId}/status", async Task<Ok<IssueView>> (IMediator sender, string projectId, string issueId, SetIssueStatus request, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(request with { ProjectId = projectId, IssueId = issueId }, ct))).WithName("SetIssueStatus");
        issues.MapPost("/{issueId}/resolve", async Task<Ok<IssueView>> (IMediator sender, string projectId, string issueId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetIssueStatus(projectId, issueId, IssueStatus.Resolved), ct))).WithName("ResolveIssue");
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
        group.MapPost(path, async Task<NoContent> (HttpContext context, IMediator sender, string projectId, AddAssignment request, CancellationToken ct) =>
        {
            await sender.Send(request with { ProjectId = projectId, ItemType = type, ItemId = (string)context.GetRouteValue(itemParameter)! }, ct);
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
