namespace Greenlight.Integration.Tests;

/// <summary>The seed's scenarios 1 and 2 (004), with Olivia's real projects and tasks, all through HTTP.</summary>
public sealed class SeedScenarioTests(GreenlightFixture fixture) : IClassFixture<GreenlightFixture>
{
    private readonly World _world = fixture.World;

    [Fact]
    public async Task Scenario_1_a_level_that_cannot_edit_projects_cannot_edit_or_delete_one_even_with_manage()
    {
        var viewProjects = await _world.LevelAsync("standard", new { projects = new { setting = "View", share = true } });
        using var people = await _world.OliviaAndTonyAsync(tonysLevel: viewProjects);
        var (olivia, tony, _) = people;
        // His level lets him use at most View on a project: Manage reaches it from the portfolio it sits in.
        var portfolio = await _world.PortfolioAsync(olivia.Client);
        var project = await _world.ProjectAsync(portfolio, olivia.Client);
        await _world.ShareOkAsync(portfolio, tony.Id, Permission.Manage, olivia.Client);

        Assert.Equal(HttpStatusCode.OK, await World.ViewAsync(tony.Client, project));
        await World.AssertStatusAsync(await tony.Client.EditProjectAsync(project, tony.Id), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await tony.Client.DeleteAsync(project.Path), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await olivia.Client.EditProjectAsync(project, olivia.Id), HttpStatusCode.OK, "the owner");
    }

    [Fact]
    public async Task Scenario_1_a_level_that_can_edit_projects_cannot_edit_or_delete_one_shared_with_view_only()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (_, tony, project) = people;

        Assert.Equal(HttpStatusCode.OK, await World.ViewAsync(tony.Client, project));
        await World.AssertStatusAsync(await tony.Client.EditProjectAsync(project, tony.Id), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await tony.Client.DeleteAsync(project.Path), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Permission.Contribute)]
    [InlineData(Permission.Manage)]
    public async Task Scenario_2_a_level_without_the_task_create_right_adds_no_task_whatever_olivia_grants(Permission granted)
    {
        var noTaskCreation = await _world.LevelAsync("standard", new { tasks = new { setting = "Edit", create = false, delete = true, share = true } });
        using var people = await _world.OliviaAndTonyAsync(granted, noTaskCreation);
        var (olivia, tony, project) = people;

        await World.AssertStatusAsync(await _world.AddTaskAsync(tony.Client, project), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await _world.AddTaskAsync(olivia.Client, project), HttpStatusCode.Created, "Olivia, who may");
    }

    [Fact]
    public async Task Scenario_2_a_level_with_the_create_right_adds_tasks_only_where_olivia_granted_contribute()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (olivia, tony, viewOnly) = people;
        var contributing = await _world.ProjectAsync(asWho: olivia.Client);
        await _world.ShareOkAsync(contributing, tony.Id, Permission.Contribute, olivia.Client);

        await World.AssertStatusAsync(await _world.AddTaskAsync(tony.Client, viewOnly), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await _world.AddTaskAsync(tony.Client, contributing), HttpStatusCode.Created);
    }
}
