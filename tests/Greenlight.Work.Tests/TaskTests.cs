using System.Net;
using System.Net.Http.Json;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;
using Greenlight.Work.Tests.Support;

namespace Greenlight.Work.Tests;

[Collection(WorkHostCollection.Name)]
public sealed class TaskTests(WorkHostFixture fixture)
{
    private readonly WorkHost _work = fixture.Work;
    private HttpClient Admin => _work.Admin;

    [Fact]
    public async Task Tasks_and_subtasks_are_created_edited_completed_reopened_and_deleted()
    {
        var project = await _work.CreateProjectAsync();
        var task = await _work.CreateTaskAsync(project.Id, "Shoot");
        var subtask = await _work.CreateTaskAsync(project.Id, "Lights", task.Id);
        var issue = await _work.CreateIssueAsync(project.Id, "Flicker", subtask.Id);
        var user = await _work.AdminUserIdAsync();

        var registered = _work.Access.Sent<RegisterSecuredObject>();
        Assert.Contains(new RegisterSecuredObject(InProject(project.Id, ObjectType.Task, task.Id), Project(project.Id), user), registered);
        Assert.Contains(new RegisterSecuredObject(InProject(project.Id, ObjectType.Task, subtask.Id), InProject(project.Id, ObjectType.Task, task.Id), user), registered);
        Assert.Contains(new RegisterSecuredObject(InProject(project.Id, ObjectType.Issue, issue.Id), InProject(project.Id, ObjectType.Task, subtask.Id), user), registered);
        Assert.Equal(subtask.Id, Assert.Single((await _work.ListAsync($"/api/v1/projects/{project.Id}/tasks?parentTaskId={task.Id}")).Items).Id);

        var edited = await (await Admin.PatchAsJsonAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}",
            new { name = "Shoot day", plannedStart = "2026-03-01", plannedEnd = "2026-03-02" })).ReadSuccessAsync<TaskView>();
        Assert.Equal(("Shoot day", new DateOnly(2026, 3, 2)), (edited.Name, edited.PlannedEnd));
        var completed = await (await Admin.PostAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}/complete", null)).ReadSuccessAsync<TaskView>();
        Assert.Equal(WorkTaskStatus.Complete, completed.Status);
        Assert.NotNull(completed.CompletedAt);
        var reopened = await (await Admin.PostAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}/reopen", null)).ReadSuccessAsync<TaskView>();
        Assert.Equal((WorkTaskStatus.InProgress, (DateTimeOffset?)null), (reopened.Status, reopened.CompletedAt));

        await _work.Notifications.WaitForAsync<TaskCreated>(c => c.TaskId == subtask.Id && c.ParentTaskId == task.Id);
        await _work.Notifications.WaitForAsync<IssueCreated>(c => c.IssueId == issue.Id && c.TaskId == subtask.Id);
        await _work.Notifications.WaitForAsync<TaskRenamed>(r => r.TaskId == task.Id && r.NewName == "Shoot day");
        await _work.Notifications.WaitForAsync<TaskCompleted>(c => c.TaskId == task.Id && c.CompletedBy == user);
        await _work.Notifications.WaitForAsync<TaskStatusChanged>(c => c.TaskId == task.Id && c.OldStatus == WorkTaskStatus.Complete);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}")).StatusCode);
        await (await Admin.GetAsync($"/api/v1/projects/{project.Id}/tasks/{subtask.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "a deleted task's subtask");
        await (await Admin.GetAsync($"/api/v1/projects/{project.Id}/issues/{issue.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "an issue under it");
        Assert.Contains(new RemoveSecuredObject(InProject(project.Id, ObjectType.Task, task.Id)), _work.Access.Sent<RemoveSecuredObject>());
        await _work.Notifications.WaitForAsync<ObjectDeleted>(d => d.Object == new ObjectRef(ObjectType.Issue, issue.Id));
        Assert.Equal(0, (await Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{project.Id}")).OpenTasks);
    }

    [Fact]
    public async Task Tasks_and_issues_are_assigned_to_users_and_teams()
    {
        _work.Access.Users["ana"] = AccessLog.User("ana");
        var project = await _work.CreateProjectAsync();
        var task = await _work.CreateTaskAsync(project.Id, "Edit");
        var issue = await _work.CreateIssueAsync(project.Id, "Typo");
        var tasks = $"/api/v1/projects/{project.Id}/tasks/{task.Id}/assignments";

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync(tasks, new { kind = "User", assigneeId = "ana" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync(tasks, new { kind = "Team", assigneeId = "editors" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync(
            $"/api/v1/projects/{project.Id}/issues/{issue.Id}/assignments", new { kind = "User", assigneeId = "ana" })).StatusCode);
        await (await Admin.PostAsJsonAsync(tasks, new { kind = "User", assigneeId = "nobody" })).AssertInvalidFieldAsync("assigneeId");

        var assigned = await Admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{project.Id}/tasks/{task.Id}");
        Assert.Equal([new Assignee(AssigneeKind.User, "ana"), new Assignee(AssigneeKind.Team, "editors")], assigned.Assignees);
        var grants = _work.Access.Sent<GrantAssigneeAccess>();
        Assert.Contains(new GrantAssigneeAccess(InProject(project.Id, ObjectType.Task, task.Id), Grantee.User("ana")), grants);
        Assert.Contains(new GrantAssigneeAccess(InProject(project.Id, ObjectType.Task, task.Id), Grantee.Team("editors")), grants);
        Assert.Contains(new GrantAssigneeAccess(InProject(project.Id, ObjectType.Issue, issue.Id), Grantee.User("ana")), grants);
        Assert.DoesNotContain(grants, g => g.Assignee == Grantee.User("nobody"));
        await _work.Notifications.WaitForAsync<AssignmentAdded>(a =>
            a.Item == new ObjectRef(ObjectType.Task, task.Id) && a.Assignee == new Assignee(AssigneeKind.Team, "editors"));
        await _work.Notifications.WaitForAsync<AssignmentAdded>(a => a.Item == new ObjectRef(ObjectType.Issue, issue.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"{tasks}/Team/editors")).StatusCode);
        Assert.Equal([new Assignee(AssigneeKind.User, "ana")], (await Admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{project.Id}/tasks/{task.Id}")).Assignees);
        await _work.Notifications.WaitForAsync<AssignmentRemoved>(a => a.Assignee == new Assignee(AssigneeKind.Team, "editors"));
    }

    [Fact]
    public async Task Moving_a_task_re_parents_it_within_and_across_projects()
    {
        var project = await _work.CreateProjectAsync();
        var other = await _work.CreateProjectAsync("Other");
        var parent = await _work.CreateTaskAsync(project.Id, "Parent");
        var task = await _work.CreateTaskAsync(project.Id, "Task");
        var child = await _work.CreateTaskAsync(project.Id, "Child", task.Id);
        var move = (object body) => Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}/move", body);

        await (await move(new { parentTaskId = child.Id })).AssertInvalidFieldAsync("parentTaskId");
        Assert.Equal(parent.Id, (await (await move(new { parentTaskId = parent.Id })).ReadSuccessAsync<TaskView>()).ParentTaskId);
        Assert.Contains(new MoveSecuredObject(InProject(project.Id, ObjectType.Task, task.Id), InProject(project.Id, ObjectType.Task, parent.Id)),
            _work.Access.Sent<MoveSecuredObject>());
        Assert.Equal(task.Id, Assert.Single((await _work.ListAsync($"/api/v1/projects/{project.Id}/tasks?parentTaskId={parent.Id}")).Items).Id);

        var moved = await (await move(new { toProjectId = other.Id, parentTaskId = (string?)null })).ReadSuccessAsync<TaskView>();
        Assert.Equal((other.Id, (string?)null), (moved.ProjectId, moved.ParentTaskId));
        Assert.Contains(new MoveSecuredObject(InProject(project.Id, ObjectType.Task, task.Id), Project(other.Id)), _work.Access.Sent<MoveSecuredObject>());
        Assert.Equal(["Task", "Child"], (await _work.ListAsync($"/api/v1/projects/{other.Id}/tasks")).Items.Select(t => t.Name));
        Assert.Equal(["Parent"], (await _work.ListAsync($"/api/v1/projects/{project.Id}/tasks")).Items.Select(t => t.Name));
        Assert.Equal(task.Id, (await Admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{other.Id}/tasks/{child.Id}")).ParentTaskId);
        await _work.Notifications.WaitForAsync<ObjectMoved>(m => m.Object.Id == task.Id && m.OldProjectId == project.Id && m.NewProjectId == other.Id);
    }

    [Fact]
    public async Task Other_modules_read_tasks_and_set_their_status_for_a_user()
    {
        var project = await _work.CreateProjectAsync();
        var task = await _work.CreateTaskAsync(project.Id, "Grade");

        var done = await _work.SendAsModuleAsync(new SetTaskStatusFor(project.Id, task.Id, WorkTaskStatus.Complete, "creative-1"));

        Assert.Equal(WorkTaskStatus.Complete, done.Status);
        Assert.Equal(WorkTaskStatus.Complete, (await _work.SendAsModuleAsync(new GetTaskSummary(project.Id, task.Id)))!.Status);
        Assert.Null(await _work.SendAsModuleAsync(new GetTaskSummary(project.Id, "missing")));
        await _work.Notifications.WaitForAsync<TaskCompleted>(c => c.TaskId == task.Id && c.CompletedBy == "creative-1");
    }

    private static SecuredRef Project(string id) => SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, id));

    private static SecuredRef InProject(string projectId, ObjectType type, string id) => new(new ObjectRef(type, id), new ObjectRef(ObjectType.Project, projectId));
}
