using System.Net;
using System.Net.Http.Json;
using System.Text;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;
using Greenlight.Work.Tests.Support;

namespace Greenlight.Work.Tests;

/// <summary>
/// A field that must be sent is refused when missing (never read as a default: a status, a move's target), and a
/// PATCH changes only the fields it names. Every refusal leaves the object as it was.
/// </summary>
[Collection(WorkHostCollection.Name)]
public sealed class InputTests(WorkHostFixture fixture)
{
    private readonly WorkHost _work = fixture.Work;
    private HttpClient Admin => _work.Admin;

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string json) =>
        Admin.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    [Fact]
    public async Task A_status_change_without_a_status_is_refused_and_changes_nothing()
    {
        var project = await _work.CreateProjectAsync();
        var task = await _work.CreateTaskAsync(project.Id, "Grade");
        var issue = await _work.CreateIssueAsync(project.Id, "Banding");
        var (projectPath, taskPath, issuePath) = ($"/api/v1/projects/{project.Id}", $"/api/v1/projects/{project.Id}/tasks/{task.Id}",
            $"/api/v1/projects/{project.Id}/issues/{issue.Id}");
        await (await Admin.PutAsJsonAsync($"{projectPath}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>();
        await (await Admin.PutAsJsonAsync($"{taskPath}/status", new { status = "InProgress" })).ReadSuccessAsync<TaskView>();
        await (await Admin.PutAsJsonAsync($"{issuePath}/status", new { status = "InProgress" })).ReadSuccessAsync<IssueView>();

        foreach (var path in new[] { projectPath, taskPath, issuePath })
        {
            await (await SendAsync(HttpMethod.Put, $"{path}/status", "{}")).AssertProblemAsync(HttpStatusCode.BadRequest, $"{path}/status without a status:");
            await (await SendAsync(HttpMethod.Put, $"{path}/status", """{"status":null}""")).AssertInvalidFieldAsync("status");
            await (await SendAsync(HttpMethod.Put, $"{path}/status", """{"status":1}""")).AssertInvalidFieldAsync("status");
        }

        Assert.Equal(ProjectStatus.Current, (await Admin.GetSuccessAsync<ProjectView>(projectPath)).Status);
        Assert.Equal(WorkTaskStatus.InProgress, (await Admin.GetSuccessAsync<TaskView>(taskPath)).Status);
        Assert.Equal(IssueStatus.InProgress, (await Admin.GetSuccessAsync<IssueView>(issuePath)).Status);
    }

    [Fact]
    public async Task A_move_without_its_destination_is_refused_and_moves_nothing()
    {
        var portfolio = await (await Admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "Brand" })).ReadSuccessAsync<PortfolioView>();
        var program = await (await Admin.PostAsJsonAsync("/api/v1/programs", new { portfolioId = portfolio.Id, name = "Spring" })).ReadSuccessAsync<ProgramView>();
        var project = await _work.CreateProjectAsync(programId: program.Id);
        var other = await _work.CreateProjectAsync("Other");
        var parent = await _work.CreateTaskAsync(project.Id, "Parent");
        var task = await _work.CreateTaskAsync(project.Id, "Child", parent.Id);
        var folder = await (await Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/folders", new { name = "Cuts" })).ReadSuccessAsync<FolderView>();
        var document = await (await _work.UploadAsync($"/api/v1/projects/{project.Id}/documents?name=a.txt&folderId={folder.Id}", [1], "text/plain"))
            .ReadSuccessAsync<DocumentView>();

        await (await SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/move", "{}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/move", $$"""{"portfolioId":"{{portfolio.Id}}"}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "programId must be sent, null to leave the program:");
        await (await SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/tasks/{task.Id}/move", "{}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/tasks/{task.Id}/move", $$"""{"toProjectId":"{{other.Id}}"}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "parentTaskId must be sent, null for the other project's top level:");
        await (await SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/documents/{document.Id}/move", "{}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal((program.Id, portfolio.Id), await PlaceAsync(project.Id));
        Assert.Equal(parent.Id, (await Admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{project.Id}/tasks/{task.Id}")).ParentTaskId);
        Assert.Empty((await _work.ListAsync($"/api/v1/projects/{other.Id}/tasks")).Items);
        Assert.Equal(folder.Id, (await Admin.GetSuccessAsync<DocumentView>($"/api/v1/projects/{project.Id}/documents/{document.Id}")).FolderId);

        // Sent as null, the destination is the top level.
        await (await SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/move", """{"programId":null}""")).ReadSuccessAsync<ProjectView>();
        Assert.Equal((null, null), await PlaceAsync(project.Id));
        var moved = await (await SendAsync(HttpMethod.Post, $"/api/v1/projects/{project.Id}/tasks/{task.Id}/move", """{"parentTaskId":null}""")).ReadSuccessAsync<TaskView>();
        Assert.Null(moved.ParentTaskId);
    }

    [Fact]
    public async Task A_program_needs_its_portfolio_and_a_project_the_portfolio_of_its_program()
    {
        var portfolio = await (await Admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "Brand" })).ReadSuccessAsync<PortfolioView>();
        var another = await (await Admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "Other" })).ReadSuccessAsync<PortfolioView>();
        var program = await (await Admin.PostAsJsonAsync("/api/v1/programs", new { portfolioId = portfolio.Id, name = "Spring" })).ReadSuccessAsync<ProgramView>();
        var programs = (await _work.ListAsync("/api/v1/programs?limit=200")).Items.Count;
        var projects = (await _work.ListAsync("/api/v1/projects?limit=200")).Items.Count;

        await (await Admin.PostAsJsonAsync("/api/v1/programs", new { name = "p" })).AssertInvalidFieldAsync("portfolioId");
        await (await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "p", programId = program.Id, portfolioId = another.Id })).AssertInvalidFieldAsync("portfolioId");
        await (await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "p", ownerId = "nobody" })).AssertInvalidFieldAsync("ownerId");

        Assert.Equal(programs, (await _work.ListAsync("/api/v1/programs?limit=200")).Items.Count);
        Assert.Equal(projects, (await _work.ListAsync("/api/v1/projects?limit=200")).Items.Count);
        var placed = await (await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "p", programId = program.Id, portfolioId = portfolio.Id }))
            .ReadSuccessAsync<ProjectView>();
        Assert.Equal((program.Id, portfolio.Id), (placed.ProgramId, placed.PortfolioId));
    }

    [Fact]
    public async Task A_project_patch_changes_only_the_fields_sent()
    {
        _work.Access.Users["owner-2"] = AccessLog.User("owner-2");
        var created = await (await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Launch", description = "Spring launch", groupId = "g1" }))
            .ReadSuccessAsync<ProjectView>();
        var path = $"/api/v1/projects/{created.Id}";

        var renamed = await (await Admin.PatchAsJsonAsync(path, new { name = "Launch 2" })).ReadSuccessAsync<ProjectView>();
        Assert.Equal(("Launch 2", "Spring launch", "g1", created.OwnerId), (renamed.Name, renamed.Description, renamed.GroupId, renamed.OwnerId));

        var handedOver = await (await SendAsync(HttpMethod.Patch, path, """{"ownerId":"owner-2","groupId":null}""")).ReadSuccessAsync<ProjectView>();
        Assert.Equal(("Launch 2", "Spring launch", (string?)null, "owner-2"), (handedOver.Name, handedOver.Description, handedOver.GroupId, handedOver.OwnerId));

        await (await SendAsync(HttpMethod.Patch, path, """{"name":null}""")).AssertInvalidFieldAsync("name");
        await (await SendAsync(HttpMethod.Patch, path, """{"ownerId":null}""")).AssertInvalidFieldAsync("ownerId");
        await (await SendAsync(HttpMethod.Patch, path, """{"ownerId":"nobody"}""")).AssertInvalidFieldAsync("ownerId");
        await (await SendAsync(HttpMethod.Patch, path, """{"name":"ok","description":7}""")).AssertInvalidFieldAsync("description");
        Assert.Equal(handedOver, await Admin.GetSuccessAsync<ProjectView>(path));

        var unchanged = await (await SendAsync(HttpMethod.Patch, path, "{}")).ReadSuccessAsync<ProjectView>();
        Assert.Equal(handedOver with { Revision = unchanged.Revision }, unchanged);
    }

    [Fact]
    public async Task Portfolio_program_task_and_issue_patches_change_only_the_fields_sent()
    {
        var portfolio = await (await Admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "Brand", description = "All brand work" })).ReadSuccessAsync<PortfolioView>();
        var program = await (await Admin.PostAsJsonAsync("/api/v1/programs", new { portfolioId = portfolio.Id, name = "Spring", description = "Q2" }))
            .ReadSuccessAsync<ProgramView>();
        var project = await _work.CreateProjectAsync();
        var task = await (await Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/tasks",
            new { name = "Shoot", description = "Day one", plannedStart = "2026-03-02", plannedEnd = "2026-03-04" })).ReadSuccessAsync<TaskView>();
        var issue = await (await Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/issues", new { name = "Rain", description = "Forecast" }))
            .ReadSuccessAsync<IssueView>();
        var taskPath = $"/api/v1/projects/{project.Id}/tasks/{task.Id}";

        Assert.Equal(("Brand", "Everything"), Named(await (await Admin.PatchAsJsonAsync($"/api/v1/portfolios/{portfolio.Id}", new { description = "Everything" }))
            .ReadSuccessAsync<PortfolioView>()));
        Assert.Equal(("Spring 2026", "Q2"), Named(await (await Admin.PatchAsJsonAsync($"/api/v1/programs/{program.Id}", new { name = "Spring 2026" }))
            .ReadSuccessAsync<ProgramView>()));
        Assert.Equal(("Rain", (string?)null), Named(await (await SendAsync(HttpMethod.Patch, $"/api/v1/projects/{project.Id}/issues/{issue.Id}", """{"description":null}"""))
            .ReadSuccessAsync<IssueView>()));

        var renamed = await (await Admin.PatchAsJsonAsync(taskPath, new { name = "Shoot day" })).ReadSuccessAsync<TaskView>();
        Assert.Equal(("Shoot day", "Day one", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4)),
            (renamed.Name, renamed.Description, renamed.PlannedStart, renamed.PlannedEnd));
        // The rule on the planned dates holds against the date the task keeps.
        await (await Admin.PatchAsJsonAsync(taskPath, new { plannedEnd = "2026-03-01" })).AssertInvalidFieldAsync("plannedEnd");
        await (await Admin.PatchAsJsonAsync(taskPath, new { plannedStart = "2026-03-05" })).AssertInvalidFieldAsync("plannedStart");
        await (await SendAsync(HttpMethod.Patch, taskPath, """{"name":""}""")).AssertInvalidFieldAsync("name");
        var kept = await Admin.GetSuccessAsync<TaskView>(taskPath);
        Assert.Equal((renamed.Name, renamed.Description, renamed.PlannedStart, renamed.PlannedEnd), (kept.Name, kept.Description, kept.PlannedStart, kept.PlannedEnd));

        var cleared = await (await SendAsync(HttpMethod.Patch, taskPath, """{"plannedStart":null,"description":null}""")).ReadSuccessAsync<TaskView>();
        Assert.Equal(("Shoot day", (string?)null, (DateOnly?)null, new DateOnly(2026, 3, 4)),
            (cleared.Name, cleared.Description, cleared.PlannedStart, cleared.PlannedEnd));
    }

    [Fact]
    public async Task An_assignment_without_its_kind_is_refused()
    {
        _work.Access.Users["ana"] = AccessLog.User("ana");
        var project = await _work.CreateProjectAsync();
        var task = await _work.CreateTaskAsync(project.Id, "Edit");
        var path = $"/api/v1/projects/{project.Id}/tasks/{task.Id}";

        await (await SendAsync(HttpMethod.Post, $"{path}/assignments", """{"assigneeId":"ana"}""")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await SendAsync(HttpMethod.Post, $"{path}/assignments", """{"kind":0,"assigneeId":"ana"}""")).AssertInvalidFieldAsync("kind");

        Assert.Empty((await Admin.GetSuccessAsync<TaskView>(path)).Assignees);
    }

    private static (string, string?) Named(object view) => view switch
    {
        PortfolioView p => (p.Name, p.Description),
        ProgramView p => (p.Name, p.Description),
        IssueView i => (i.Name, i.Description),
        _ => throw new ArgumentOutOfRangeException(nameof(view)),
    };

    private async Task<(string?, string?)> PlaceAsync(string projectId)
    {
        var project = await Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{projectId}");
        return (project.ProgramId, project.PortfolioId);
    }
}
