namespace Greenlight.Integration.Tests;

/// <summary>
/// Work's requests that touch more than one object (a move's source and destination, a container named beside
/// another): a Standard user with the rights on all of them but one is refused (404 when they may not see that one,
/// 403 when they may) and nothing changes; with the right on that one too, the same request goes through. The last
/// test holds every operation of the API that names a second object by id to a case here.
/// </summary>
public sealed class MultiObjectRightsTests(GreenlightFixture fixture) : IClassFixture<GreenlightFixture>
{
    private readonly World _world = fixture.World;

    private HttpClient Admin => _world.Admin;

    /// <summary>Cuts the object from the grants above it, so only what is shared on it (or below) reaches it.</summary>
    private async Task InheritanceOffAsync(WorkObject obj) =>
        await (await Admin.PutAsJsonAsync($"{obj.AccessPath}/inheritance", new { inheritsFromParent = false })).ReadSuccessAsync<JsonElement>();

    private static Task<HttpResponseMessage> MoveTaskAsync(HttpClient asWho, WorkObject task, string? toProjectId, string? parentTaskId = null) =>
        asWho.PostAsJsonAsync($"{task.Path}/move", new { toProjectId, parentTaskId });

    private static Task<HttpResponseMessage> MoveProjectAsync(HttpClient asWho, WorkObject project, string? programId, string? portfolioId = null) =>
        asWho.PostAsJsonAsync($"{project.Path}/move", new { programId, portfolioId });

    private async Task<JsonElement> ReadAsync(string path) => await Admin.GetSuccessAsync<JsonElement>(path);

    private async Task<List<string>> TaskIdsAsync(string projectId) =>
        [.. (await ReadAsync($"/api/v1/projects/{projectId}/tasks")).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    private async Task<(string? Program, string? Portfolio)> PlaceAsync(WorkObject project)
    {
        var read = await ReadAsync(project.Path);
        return (read.GetProperty("programId").GetString(), read.GetProperty("portfolioId").GetString());
    }

    [Fact]
    public async Task A_task_goes_to_another_project_only_with_the_right_to_add_tasks_there()
    {
        using var mover = await _world.PersonAsync("mover");
        var own = await _world.ProjectAsync(asWho: mover.Client);
        var task = await _world.TaskAsync(own, mover.Client);
        var target = await _world.ProjectAsync();

        await (await MoveTaskAsync(mover.Client, task, target.Id)).AssertProblemAsync(HttpStatusCode.NotFound, "no right on the target:");
        await _world.ShareOkAsync(target, mover.Id, Permission.View);
        await (await MoveTaskAsync(mover.Client, task, target.Id)).AssertProblemAsync(HttpStatusCode.Forbidden, "View on the target:");

        Assert.Equal([task.Id], await TaskIdsAsync(own.Id));
        Assert.Empty(await TaskIdsAsync(target.Id));
        await _world.ShareOkAsync(target, mover.Id, Permission.Contribute);
        await (await MoveTaskAsync(mover.Client, task, target.Id)).ReadSuccessAsync<JsonElement>();
        Assert.Equal([task.Id], await TaskIdsAsync(target.Id));
    }

    [Fact]
    public async Task A_task_leaves_its_project_only_with_the_right_to_edit_it()
    {
        using var mover = await _world.PersonAsync("mover");
        var source = await _world.ProjectAsync();
        var task = await _world.TaskAsync(source);
        var target = await _world.ProjectAsync(asWho: mover.Client);
        await _world.ShareOkAsync(source, mover.Id, Permission.Contribute);

        await (await MoveTaskAsync(mover.Client, task, target.Id)).AssertProblemAsync(HttpStatusCode.Forbidden, "Contribute on the task is not Manage:");

        Assert.Equal([task.Id], await TaskIdsAsync(source.Id));
        Assert.Empty(await TaskIdsAsync(target.Id));
    }

    [Fact]
    public async Task A_task_goes_under_another_task_only_with_the_right_to_add_tasks_to_that_one()
    {
        using var mover = await _world.PersonAsync("mover");
        var own = await _world.ProjectAsync(asWho: mover.Client);
        var task = await _world.TaskAsync(own, mover.Client);
        var closedHere = await _world.TaskAsync(own);
        var target = await _world.ProjectAsync();
        var closedThere = await _world.TaskAsync(target);
        await _world.ShareOkAsync(target, mover.Id, Permission.Contribute);
        await InheritanceOffAsync(closedHere);
        await InheritanceOffAsync(closedThere);

        await (await MoveTaskAsync(mover.Client, task, null, closedHere.Id)).AssertProblemAsync(HttpStatusCode.NotFound, "a task of the same project they cannot see:");
        await (await MoveTaskAsync(mover.Client, task, target.Id, closedThere.Id)).AssertProblemAsync(HttpStatusCode.NotFound, "a task of the target they cannot see:");

        Assert.Equal(JsonValueKind.Null, (await ReadAsync(task.Path)).GetProperty("parentTaskId").ValueKind);
        Assert.DoesNotContain(task.Id, await TaskIdsAsync(target.Id));
        await _world.ShareOkAsync(closedThere, mover.Id, Permission.Contribute);
        var moved = await (await MoveTaskAsync(mover.Client, task, target.Id, closedThere.Id)).ReadSuccessAsync<JsonElement>();
        Assert.Equal(closedThere.Id, moved.GetProperty("parentTaskId").GetString());
    }

    [Fact]
    public async Task An_issue_cannot_point_at_a_task_of_another_project()
    {
        using var mover = await _world.PersonAsync("mover");
        var own = await _world.ProjectAsync(asWho: mover.Client);
        var task = await _world.TaskAsync(own, mover.Client);
        var target = await _world.ProjectAsync();
        var issues = $"/api/v1/projects/{target.Id}/issues";
        var create = () => mover.Client.PostAsJsonAsync(issues, new { name = World.Unique("issue"), taskId = task.Id });

        await (await create()).AssertProblemAsync(HttpStatusCode.NotFound, "no right on the target:");
        await _world.ShareOkAsync(target, mover.Id, Permission.Contribute);
        await (await create()).AssertProblemAsync(HttpStatusCode.NotFound, "the task is not in the target:");

        Assert.Empty((await ReadAsync(issues)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_project_goes_under_a_program_only_with_the_right_to_add_projects_there()
    {
        using var mover = await _world.PersonAsync("mover");
        var portfolio = await _world.PortfolioAsync();
        var program = await _world.ProgramAsync(portfolio);
        using var colleague = await _world.PersonSharedAsync("colleague", program, Permission.View);
        var own = await _world.ProjectAsync(asWho: mover.Client);

        await (await MoveProjectAsync(mover.Client, own, program.Id)).AssertProblemAsync(HttpStatusCode.NotFound, "a program they cannot see:");
        await (await MoveProjectAsync(mover.Client, own, null, portfolio.Id)).AssertProblemAsync(HttpStatusCode.NotFound, "a portfolio they cannot see:");
        await _world.ShareOkAsync(program, mover.Id, Permission.View);
        await (await MoveProjectAsync(mover.Client, own, program.Id)).AssertProblemAsync(HttpStatusCode.Forbidden, "View on the program:");

        Assert.Equal((null, null), await PlaceAsync(own));
        Assert.Equal(HttpStatusCode.NotFound, await World.ViewAsync(colleague.Client, own));
        await _world.ShareOkAsync(program, mover.Id, Permission.Manage);
        await (await MoveProjectAsync(mover.Client, own, program.Id)).ReadSuccessAsync<JsonElement>();
        Assert.Equal((program.Id, portfolio.Id), await PlaceAsync(own));
        Assert.Equal(HttpStatusCode.OK, await World.ViewAsync(colleague.Client, own));
    }

    [Fact]
    public async Task A_project_leaves_its_program_only_with_the_right_to_edit_it()
    {
        using var mover = await _world.PersonAsync("mover");
        var portfolio = await _world.PortfolioAsync();
        var (from, to) = (await _world.ProgramAsync(portfolio), await _world.ProgramAsync(portfolio));
        var project = await _world.ProjectAsync(from);
        await _world.ShareOkAsync(project, mover.Id, Permission.Contribute);
        await _world.ShareOkAsync(to, mover.Id, Permission.Manage);

        await (await MoveProjectAsync(mover.Client, project, to.Id)).AssertProblemAsync(HttpStatusCode.Forbidden, "Contribute on the project is not Manage:");

        Assert.Equal((from.Id, portfolio.Id), await PlaceAsync(project));
    }

    [Fact]
    public async Task A_project_goes_to_the_top_level_only_when_the_level_may_create_projects()
    {
        var level = await _world.LevelAsync("standard", new { projects = new { setting = "Edit", create = false } });
        using var mover = await _world.PersonAsync("mover", level);
        var portfolio = await _world.PortfolioAsync();
        var program = await _world.ProgramAsync(portfolio);
        var project = await _world.ProjectAsync(program);
        await _world.ShareOkAsync(project, mover.Id, Permission.Manage);

        await (await MoveProjectAsync(mover.Client, project, null)).AssertProblemAsync(HttpStatusCode.Forbidden, "a level without Create on projects:");

        Assert.Equal((program.Id, portfolio.Id), await PlaceAsync(project));
    }

    [Fact]
    public async Task A_project_is_made_in_a_program_and_a_portfolio_only_with_the_right_to_add_projects_to_both()
    {
        using var maker = await _world.PersonAsync("maker");
        var portfolio = await _world.PortfolioAsync();
        var program = await _world.ProgramAsync(portfolio);
        await _world.ShareOkAsync(program, maker.Id, Permission.Manage);
        var name = World.Unique("project");

        await (await maker.Client.PostAsJsonAsync("/api/v1/projects", new { name, programId = program.Id, portfolioId = portfolio.Id }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "the portfolio named beside the program is one they cannot see:");

        Assert.DoesNotContain((await ReadAsync($"/api/v1/projects?programId={program.Id}")).GetProperty("items").EnumerateArray(),
            p => p.GetProperty("name").GetString() == name);
        await (await maker.Client.PostAsJsonAsync("/api/v1/projects", new { name, programId = program.Id })).ReadSuccessAsync<JsonElement>();
    }

    [Fact]
    public async Task A_document_goes_into_a_folder_only_with_the_right_to_add_documents_there()
    {
        using var mover = await _world.PersonAsync("mover");
        var own = await _world.ProjectAsync(asWho: mover.Client);
        await MovedInOnlyWithTheRightThereAsync(mover, await _world.DocumentAsync(own, mover.Client), await _world.FolderAsync(own), "folderId", "folder");
    }

    [Fact]
    public async Task An_issue_goes_under_a_task_only_with_the_right_to_add_issues_there()
    {
        using var mover = await _world.PersonAsync("mover");
        var own = await _world.ProjectAsync(asWho: mover.Client);
        await MovedInOnlyWithTheRightThereAsync(mover, await _world.IssueAsync(own, mover.Client), await _world.TaskAsync(own), "taskId", "task");
    }

    /// <summary>
    /// The mover's object goes into <paramref name="closed"/> (cut from the grants above it): 404 while they cannot see it,
    /// 403 with View, and nothing moves; with Manage it goes.
    /// </summary>
    private async Task MovedInOnlyWithTheRightThereAsync(AccessUsers.SignedInUser mover, WorkObject moved, WorkObject closed, string field, string kind)
    {
        await InheritanceOffAsync(closed);
        var move = () => mover.Client.PostAsJsonAsync($"{moved.Path}/move", new Dictionary<string, string> { [field] = closed.Id });

        await (await move()).AssertProblemAsync(HttpStatusCode.NotFound, $"a {kind} they cannot see:");
        await _world.ShareOkAsync(closed, mover.Id, Permission.View);
        await (await move()).AssertProblemAsync(HttpStatusCode.Forbidden, $"View on the {kind}:");

        Assert.Equal(JsonValueKind.Null, (await ReadAsync(moved.Path)).GetProperty(field).ValueKind);
        await _world.ShareOkAsync(closed, mover.Id, Permission.Manage);
        Assert.Equal(closed.Id, (await (await move()).ReadSuccessAsync<JsonElement>()).GetProperty(field).GetString());
    }

    /// <summary>
    /// Every field of a Work request body or query that names another object, and what makes it safe: a case above
    /// (the caller's rights on that object are checked), or why it names no secured object.
    /// </summary>
    private static readonly Dictionary<string, string> SecondObjects = new()
    {
        ["POST /api/v1/projects programId"] = "the right to add a project to the program is the request's own check; a non-viewer gets 404 (the portfolio case)",
        ["POST /api/v1/projects portfolioId"] = nameof(A_project_is_made_in_a_program_and_a_portfolio_only_with_the_right_to_add_projects_to_both),
        ["POST /api/v1/projects ownerId"] = "a user, not a secured object: validated to be an active user",
        ["POST /api/v1/projects groupId"] = "a group, not a secured object: the group the project belongs to for Frame.io connections",
        ["PATCH /api/v1/projects/{projectId} ownerId"] = "a user, not a secured object: validated to be an active user",
        ["PATCH /api/v1/projects/{projectId} groupId"] = "a group, not a secured object",
        ["POST /api/v1/projects/{projectId}/move programId"] = nameof(A_project_goes_under_a_program_only_with_the_right_to_add_projects_there),
        ["POST /api/v1/projects/{projectId}/move portfolioId"] = nameof(A_project_goes_under_a_program_only_with_the_right_to_add_projects_there),
        ["POST /api/v1/programs portfolioId"] = "the right to add a program to the portfolio is the request's own check",
        ["POST /api/v1/projects/{projectId}/tasks parentTaskId"] = "the right to add a task to the parent task is the request's own check",
        ["POST /api/v1/projects/{projectId}/tasks/{taskId}/move toProjectId"] = nameof(A_task_goes_to_another_project_only_with_the_right_to_add_tasks_there),
        ["POST /api/v1/projects/{projectId}/tasks/{taskId}/move parentTaskId"] = nameof(A_task_goes_under_another_task_only_with_the_right_to_add_tasks_to_that_one),
        ["POST /api/v1/projects/{projectId}/issues taskId"] = nameof(An_issue_cannot_point_at_a_task_of_another_project),
        ["POST /api/v1/projects/{projectId}/issues/{issueId}/move taskId"] = nameof(An_issue_goes_under_a_task_only_with_the_right_to_add_issues_there),
        ["POST /api/v1/projects/{projectId}/tasks/{taskId}/assignments assigneeId"] = "a user or team, not a secured object: a user must be active",
        ["POST /api/v1/projects/{projectId}/issues/{issueId}/assignments assigneeId"] = "a user or team, not a secured object: a user must be active",
        ["POST /api/v1/projects/{projectId}/folders parentFolderId"] = "the right to add a folder to the parent folder is the request's own check",
        ["POST /api/v1/projects/{projectId}/documents folderId"] = "the right to add a document to the folder is the request's own check",
        ["POST /api/v1/projects/{projectId}/documents/{documentId}/move folderId"] = nameof(A_document_goes_into_a_folder_only_with_the_right_to_add_documents_there),
    };

    [Fact]
    public async Task Every_Work_operation_naming_a_second_object_is_covered()
    {
        var document = await Admin.GetJsonAsync("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var found = new HashSet<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put" or "patch" or "delete" && IsWork(o.Value)))
        {
            var key = $"{operation.Name.ToUpperInvariant()} {path.Name}";
            foreach (var field in BodyFields(operation.Value, schemas).Concat(QueryFields(operation.Value)).Where(f => f.EndsWith("Id", StringComparison.Ordinal)))
                found.Add($"{key} {field}");
        }

        Assert.Empty(found.Except(SecondObjects.Keys));
        Assert.Empty(SecondObjects.Keys.Except(found));
    }

    /// <summary>Work's operations, by their tags (other modules' operations may sit under /projects too).</summary>
    private static bool IsWork(JsonElement operation) => operation.TryGetProperty("tags", out var tags)
        && tags.EnumerateArray().Any(t => t.GetString() is "Portfolios" or "Programs" or "Projects" or "Tasks" or "Issues" or "Documents");

    private static IEnumerable<string> BodyFields(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json)) return [];
        var schema = json.GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference)) schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name) : [];
    }

    private static IEnumerable<string> QueryFields(JsonElement operation) => operation.TryGetProperty("parameters", out var parameters)
        ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)
        : [];
}
