using Greenlight.Access.Tests.Support;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Access.Tests.Seeds;

/// <summary>The two scenarios of the access-level overview (seed 004), through the API.</summary>
public sealed class SeedScenarioTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;

    [Fact]
    public async Task Scenario_1_a_level_that_cannot_edit_projects_cannot_edit_or_delete_one_even_with_manage()
    {
        using var olivia = await _world.UserAsync("olivia");
        var viewProjects = await _world.CustomLevelAsync("standard", new { projects = new { setting = "View", share = true } });
        using var tony = await _world.UserAsync("tony", viewProjects);
        // His level lets him be given at most View on a project, but Manage on its portfolio, which the project inherits.
        var portfolio = await _world.ContainerAsync(ObjectType.Portfolio, olivia.Id);
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id, portfolio);
        await _world.ShareOkAsync(olivia.Client, portfolio, GranteeKind.User, tony.Id, Permission.Manage);

        var edit = await _world.ExplainAsync(project, tony.Id, AccessAction.Edit);
        var delete = await _world.ExplainAsync(project, tony.Id, AccessAction.Delete);

        Assert.False(edit.GetProperty("allowed").GetBoolean());
        Assert.Contains("allows only View on Projects", edit.GetProperty("reason").GetString());
        Assert.Equal("Manage", edit.GetProperty("held").GetString());
        Assert.Equal("None", delete.GetProperty("level").GetProperty("cap").GetString());
        Assert.False(delete.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Scenario_1_a_level_that_can_edit_projects_cannot_edit_one_shared_with_view_only()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (olivia, tony, project) = people;

        var edit = await _world.ExplainAsync(project, tony.Id, AccessAction.Edit);

        Assert.False(edit.GetProperty("allowed").GetBoolean());
        Assert.Equal("Manage", edit.GetProperty("level").GetProperty("cap").GetString());
        Assert.Contains("holds View", edit.GetProperty("reason").GetString());
        Assert.True(await _world.AllowedAsync(project, tony.Id, AccessAction.View));
    }

    [Fact]
    public async Task Scenario_2_without_the_create_right_tony_adds_no_task_even_with_permission()
    {
        using var olivia = await _world.UserAsync("olivia");
        var noTaskCreation = await _world.CustomLevelAsync("standard",
            new { tasks = new { setting = "Edit", create = false, delete = true, share = true, shareSystemWide = true } });
        using var tony = await _world.UserAsync("tony", noTaskCreation);
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.User, tony.Id, Permission.Manage);

        var create = await _world.ExplainAsync(project, tony.Id, AccessAction.Create, ObjectType.Task);

        Assert.False(create.GetProperty("allowed").GetBoolean());
        Assert.Contains("has no Create right on Tasks", create.GetProperty("reason").GetString());
        Assert.Equal("Manage", create.GetProperty("held").GetString());
    }

    [Fact]
    public async Task Scenario_2_with_the_create_right_tony_adds_tasks_only_where_olivia_granted_it()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, _) = people;
        var viewOnly = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        var contributing = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        await _world.ShareOkAsync(olivia.Client, viewOnly, GranteeKind.User, tony.Id, Permission.View);
        await _world.ShareOkAsync(olivia.Client, contributing, GranteeKind.User, tony.Id, Permission.Contribute);

        var there = await _world.ExplainAsync(viewOnly, tony.Id, AccessAction.Create, ObjectType.Task);
        var elsewhere = await _world.ExplainAsync(contributing, tony.Id, AccessAction.Create, ObjectType.Task);

        Assert.False(there.GetProperty("allowed").GetBoolean());
        Assert.Contains("holds View on it; it needs Contribute", there.GetProperty("reason").GetString());
        Assert.True(elsewhere.GetProperty("allowed").GetBoolean());
        Assert.Equal(olivia.Id, (await _world.SharesAsync(contributing)).GetProperty("explicit")[0].GetProperty("grantee").GetProperty("id").GetString());
    }
}
