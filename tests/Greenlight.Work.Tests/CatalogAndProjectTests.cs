using System.Net;
using System.Net.Http.Json;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;
using Greenlight.Work.Tests.Support;

namespace Greenlight.Work.Tests;

[Collection(WorkHostCollection.Name)]
public sealed class CatalogAndProjectTests(WorkHostFixture fixture)
{
    private readonly WorkHost _work = fixture.Work;
    private HttpClient Admin => _work.Admin;

    [Fact]
    public async Task Portfolios_and_programs_are_created_edited_listed_and_deleted()
    {
        var portfolio = await (await Admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "Brand" })).ReadSuccessAsync<PortfolioView>();
        var program = await (await Admin.PostAsJsonAsync("/api/v1/programs", new { portfolioId = portfolio.Id, name = "Spring" }))
            .ReadSuccessAsync<ProgramView>();

        var user = await _work.AdminUserIdAsync();
        Assert.Contains(new RegisterSecuredObject(Secured(ObjectType.Portfolio, portfolio.Id), null, user), _work.Access.Sent<RegisterSecuredObject>());
        Assert.Contains(new RegisterSecuredObject(Secured(ObjectType.Program, program.Id), Secured(ObjectType.Portfolio, portfolio.Id), user),
            _work.Access.Sent<RegisterSecuredObject>());

        var edited = await (await Admin.PatchAsJsonAsync($"/api/v1/programs/{program.Id}", new { name = "Spring 2026", description = "d" }))
            .ReadSuccessAsync<ProgramView>();
        Assert.Equal(("Spring 2026", "d", portfolio.Id), (edited.Name, edited.Description, edited.PortfolioId));
        Assert.Contains((await _work.ListAsync($"/api/v1/programs?portfolioId={portfolio.Id}")).Items, p => p.Id == program.Id && p.Name == "Spring 2026");

        await (await Admin.DeleteAsync($"/api/v1/portfolios/{portfolio.Id}")).AssertProblemAsync(HttpStatusCode.Conflict, "a portfolio holding a program");
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/programs/{program.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/portfolios/{portfolio.Id}")).StatusCode);
        await (await Admin.GetAsync($"/api/v1/portfolios/{portfolio.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(new RemoveSecuredObject(Secured(ObjectType.Portfolio, portfolio.Id)), _work.Access.Sent<RemoveSecuredObject>());
        await _work.Notifications.WaitForAsync<ObjectDeleted>(d => d.Object == new ObjectRef(ObjectType.Program, program.Id));
    }

    [Fact]
    public async Task A_project_is_created_in_a_program_renamed_listed_and_deleted()
    {
        var portfolio = await (await Admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "P" })).ReadSuccessAsync<PortfolioView>();
        var program = await (await Admin.PostAsJsonAsync("/api/v1/programs", new { portfolioId = portfolio.Id, name = "Q" })).ReadSuccessAsync<ProgramView>();
        var created = await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Launch", description = "go", groupId = "g1", programId = program.Id, status = "Current" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = await created.ReadSuccessAsync<ProjectView>();
        Assert.Equal((program.Id, portfolio.Id, ProjectStatus.Current, "CUR", "g1"), (project.ProgramId, project.PortfolioId, project.Status, project.StatusCode, project.GroupId));

        var user = await _work.AdminUserIdAsync();
        Assert.Contains(new RegisterSecuredObject(Secured(ObjectType.Project, project.Id), Secured(ObjectType.Program, program.Id), user),
            _work.Access.Sent<RegisterSecuredObject>());
        await _work.Notifications.WaitForAsync<ProjectCreated>(p => p.ProjectId == project.Id && p.ProgramId == program.Id && p.CreatedBy == user);

        _work.Access.Users["owner-1"] = AccessLog.User("owner-1");
        var renamed = await (await Admin.PatchAsJsonAsync($"/api/v1/projects/{project.Id}", new { name = "Launch 2", groupId = "g2", ownerId = "owner-1" }))
            .ReadSuccessAsync<ProjectView>();
        Assert.Equal(("Launch 2", "g2", "owner-1"), (renamed.Name, renamed.GroupId, renamed.OwnerId));
        Assert.True(renamed.Revision > project.Revision, "each change of the project moves its revision on");
        await _work.Notifications.WaitForAsync<ProjectRenamed>(r => r.ProjectId == project.Id && r.OldName == "Launch" && r.NewName == "Launch 2");
        Assert.Contains((await _work.ListAsync($"/api/v1/projects?programId={program.Id}")).Items, p => p.Id == project.Id && p.Status == "CUR");

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/projects/{project.Id}")).StatusCode);
        await (await Admin.GetAsync($"/api/v1/projects/{project.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(new RemoveSecuredObject(Secured(ObjectType.Project, project.Id)), _work.Access.Sent<RemoveSecuredObject>());
        Assert.DoesNotContain((await _work.ListAsync("/api/v1/projects?limit=200")).Items, p => p.Id == project.Id);
        await _work.Notifications.WaitForAsync<ObjectDeleted>(d => d.Object == new ObjectRef(ObjectType.Project, project.Id));
    }

    [Fact]
    public async Task Complete_is_refused_while_a_task_an_issue_or_an_approval_is_open()
    {
        var project = await _work.CreateProjectAsync();
        var task = await _work.CreateTaskAsync(project.Id, "Shoot");
        var issue = await _work.CreateIssueAsync(project.Id, "Light leak", task.Id);
        var complete = () => Admin.PutAsJsonAsync($"/api/v1/projects/{project.Id}/status", new { status = "Complete" });

        var refused = await (await complete()).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("1 task(s)", refused.GetProperty("detail").GetString());
        Assert.Contains("1 issue(s)", refused.GetProperty("detail").GetString());

        await (await Admin.PostAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}/complete", null)).ReadSuccessAsync<TaskView>();
        await (await Admin.PostAsync($"/api/v1/projects/{project.Id}/issues/{issue.Id}/resolve", null)).ReadSuccessAsync<IssueView>();
        await _work.SendAsModuleAsync(new ApprovalOpened(project.Id, "approval-1"));
        await _work.SendAsModuleAsync(new ApprovalOpened(project.Id, "approval-1"));
        Assert.Equal(1, (await Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{project.Id}")).OpenApprovals);
        var blocked = await (await complete()).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("1 approval(s)", blocked.GetProperty("detail").GetString());
        Assert.Equal(ProjectStatus.Planning, (await Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{project.Id}")).Status);

        await _work.SendAsModuleAsync(new ApprovalClosed(project.Id, "approval-1"));
        var done = await (await complete()).ReadSuccessAsync<ProjectView>();
        Assert.Equal((ProjectStatus.Complete, "CPL"), (done.Status, done.StatusCode));
        await _work.Notifications.WaitForAsync<ProjectStatusChanged>(c =>
            c.ProjectId == project.Id && c.OldStatus == ProjectStatus.Planning && c.NewStatus == ProjectStatus.Complete);
        await _work.Notifications.WaitForAsync<IssueStatusChanged>(c => c.IssueId == issue.Id && c.NewStatus == IssueStatus.Resolved);
        Assert.Equal(project.Id, (await _work.SendAsModuleAsync(new GetProjectSummary(project.Id)))!.Id);
    }

    [Fact]
    public async Task Moving_a_project_re_parents_it()
    {
        var portfolio = await (await Admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "P" })).ReadSuccessAsync<PortfolioView>();
        var from = await (await Admin.PostAsJsonAsync("/api/v1/programs", new { portfolioId = portfolio.Id, name = "From" })).ReadSuccessAsync<ProgramView>();
        var to = await (await Admin.PostAsJsonAsync("/api/v1/programs", new { portfolioId = portfolio.Id, name = "To" })).ReadSuccessAsync<ProgramView>();
        var project = await _work.CreateProjectAsync(programId: from.Id);

        var moved = await (await Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/move", new { programId = to.Id })).ReadSuccessAsync<ProjectView>();

        Assert.Equal(to.Id, moved.ProgramId);
        Assert.Contains(new MoveSecuredObject(Secured(ObjectType.Project, project.Id), Secured(ObjectType.Program, to.Id)), _work.Access.Sent<MoveSecuredObject>());
        Assert.Contains((await _work.ListAsync($"/api/v1/projects?programId={to.Id}")).Items, p => p.Id == project.Id);
        Assert.Empty((await _work.ListAsync($"/api/v1/projects?programId={from.Id}")).Items);
        await _work.Notifications.WaitForAsync<ProjectMoved>(m => m.ProjectId == project.Id && m.OldProgramId == from.Id && m.NewProgramId == to.Id);
    }

    [Fact]
    public async Task Invalid_input_names_the_field_and_changes_nothing()
    {
        var before = (await _work.ListAsync("/api/v1/projects?limit=200")).Items.Count;
        await (await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "" })).AssertInvalidFieldAsync("name");
        await (await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "x", programId = "no-such-program" })).AssertInvalidFieldAsync("programId");
        await (await Admin.PostAsJsonAsync("/api/v1/programs", new { name = "x", portfolioId = "nope" })).AssertInvalidFieldAsync("portfolioId");
        Assert.Equal(before, (await _work.ListAsync("/api/v1/projects?limit=200")).Items.Count);

        var project = await _work.CreateProjectAsync();
        await (await Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/tasks",
            new { name = "t", plannedStart = "2026-03-02", plannedEnd = "2026-03-01" })).AssertInvalidFieldAsync("plannedEnd");
        await (await Admin.PatchAsJsonAsync($"/api/v1/projects/{project.Id}", new { name = new string('n', 201) })).AssertInvalidFieldAsync("name");
        await (await Admin.GetAsync($"/api/v1/projects?limit=0")).AssertInvalidFieldAsync("limit");
        Assert.Empty((await _work.ListAsync($"/api/v1/projects/{project.Id}/tasks")).Items);
        Assert.Equal("Launch", (await Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{project.Id}")).Name);
    }

    [Fact]
    public async Task Lists_are_paged()
    {
        var project = await _work.CreateProjectAsync();
        foreach (var i in Enumerable.Range(1, 5)) await _work.CreateTaskAsync(project.Id, $"Task {i}");

        var first = await _work.ListAsync($"/api/v1/projects/{project.Id}/tasks?limit=3");
        var second = await _work.ListAsync($"/api/v1/projects/{project.Id}/tasks?limit=3&after={first.Next}");

        Assert.Equal(["Task 1", "Task 2", "Task 3"], first.Items.Select(t => t.Name));
        Assert.Equal(["Task 4", "Task 5"], second.Items.Select(t => t.Name));
        Assert.Null(second.Next);
    }

    private static SecuredRef Secured(ObjectType type, string id) => SecuredRef.ContainerItself(new ObjectRef(type, id));
}
