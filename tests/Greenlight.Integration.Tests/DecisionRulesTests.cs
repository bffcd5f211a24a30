namespace Greenlight.Integration.Tests;

/// <summary>Point 5 of the issue end to end: the seed's quirk, what Light, Contributor and External users may do, deactivation, and denials that keep existence secret.</summary>
public sealed class DecisionRulesTests(GreenlightFixture fixture) : IClassFixture<GreenlightFixture>
{
    private readonly World _world = fixture.World;

    [Fact]
    public async Task A_level_that_may_not_delete_projects_still_deletes_tasks_in_a_project_its_user_manages()
    {
        var keepsProjects = await _world.LevelAsync("standard",
            new { projects = new { setting = "Edit", create = true, delete = false, share = true, shareSystemWide = true, copy = true } });
        using var tony = await _world.PersonAsync("tony", keepsProjects);
        var project = await _world.ProjectAsync(asWho: tony.Client);
        var task = await _world.TaskAsync(project, tony.Client);

        await World.AssertStatusAsync(await tony.Client.DeleteAsync(project.Path), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await tony.Client.DeleteAsync(task.Path), HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("light")]
    [InlineData("contributor")]
    public async Task Light_and_contributor_users_can_be_assigned_a_task_but_completing_it_answers_403(string level)
    {
        var project = await _world.ProjectAsync();
        var task = await _world.TaskAsync(project);
        using var assignee = await _world.PersonAsync("assignee", level);

        await World.AssertStatusAsync(await _world.Admin.AssignAsync(task, assignee.Id), HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.OK, await World.ViewAsync(assignee.Client, task));
        await World.AssertStatusAsync(await assignee.Client.PostAsync($"{task.Path}/complete", null), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_light_user_cannot_create_projects_portfolios_or_programs_even_inside_a_portfolio_they_see()
    {
        var seesPortfolios = await _world.LevelAsync("light", new { portfolios = new { setting = "View" }, programs = new { setting = "View" } });
        using var light = await _world.PersonAsync("light", seesPortfolios);
        var portfolio = await _world.PortfolioAsync();
        await _world.ShareOkAsync(portfolio, light.Id, Permission.View);

        await World.AssertStatusAsync(await light.Client.PostAsJsonAsync("/api/v1/projects", new { name = "p" }), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await light.Client.PostAsJsonAsync("/api/v1/projects", new { name = "p", portfolioId = portfolio.Id }), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await light.Client.PostAsJsonAsync("/api/v1/portfolios", new { name = "p" }), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await light.Client.PostAsJsonAsync("/api/v1/programs", new { name = "p", portfolioId = portfolio.Id }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, await World.ViewAsync(light.Client, portfolio));
    }

    [Fact]
    public async Task An_external_user_sees_and_downloads_only_the_document_shared_with_them()
    {
        await _world.PreferencesAsync(Permission.Contribute);
        var tree = await _world.TreeAsync();
        var other = await _world.DocumentAsync(tree.Project);
        using var outsider = await _world.PersonAsync("outsider", "external");

        await _world.ShareOkAsync(tree.Document, outsider.Id, Permission.View);

        Assert.Equal(HttpStatusCode.OK, await World.ViewAsync(outsider.Client, tree.Document));
        Assert.Equal("hello", await outsider.Client.GetStringAsync($"{tree.Document.Path}/versions/1/content"));
        foreach (var hidden in new[] { tree.Portfolio, tree.Program, tree.Project, tree.Task, tree.Issue, tree.Folder, other })
            Assert.Equal(HttpStatusCode.NotFound, await World.ViewAsync(outsider.Client, hidden));
        foreach (var list in new[] { "/api/v1/projects", "/api/v1/portfolios", "/api/v1/programs", "/api/v1/access/teams" })
            await World.AssertStatusAsync(await outsider.Client.GetAsync(list), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await outsider.Client.PatchAsJsonAsync(tree.Document.Path, new { name = "mine.txt" }), HttpStatusCode.Forbidden, "View only:");
        await World.AssertStatusAsync(await _world.ShareAsync(outsider.Client, tree.Document, GranteeKind.User, outsider.Id, Permission.View), HttpStatusCode.Forbidden, "External users share nothing:");
    }

    [Fact]
    public async Task A_deactivated_user_gets_401_everywhere_even_where_they_had_rights()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.Manage);
        var (_, tony, project) = people;

        await World.AssertStatusAsync(await _world.Admin.PostAsync($"/api/v1/access/users/{tony.Id}/deactivate", null), HttpStatusCode.OK);

        foreach (var path in new[] { project.Path, "/api/v1/projects", "/api/v1/tokens", $"/api/v1/access/users/{tony.Id}" })
            await (await tony.Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized, path);
        await (await _world.AddTaskAsync(tony.Client, project)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_without_view_right_gets_for_an_existing_project_the_same_404_as_for_a_missing_one()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (_, tony, project) = people;
        var missing = project with { Id = "0000000000000000ffffffffffffffff", ProjectId = "0000000000000000ffffffffffffffff" };

        var existing = await (await tony.Client.GetAsync(project.Path)).AssertProblemAsync(HttpStatusCode.NotFound);
        var absent = await (await tony.Client.GetAsync(missing.Path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await tony.Client.EditProjectAsync(project, tony.Id)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(Shape(absent, missing.Id), Shape(existing, project.Id));
    }

    [Fact]
    public async Task A_user_with_view_but_not_edit_gets_403_on_edit()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (olivia, tony, project) = people;
        var task = await _world.TaskAsync(project, olivia.Client);

        await (await tony.Client.EditProjectAsync(project, tony.Id)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await tony.Client.PatchAsJsonAsync(task.Path, new { name = "renamed" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>A problem's fields and texts, with the object's id and the trace id taken out.</summary>
    private static string Shape(JsonElement problem, string id) => string.Join("\n", problem.EnumerateObject()
        .Where(p => p.Name != "traceId")
        .Select(p => $"{p.Name}={p.Value.ToString().Replace(id, "{id}", StringComparison.Ordinal)}"));
}
