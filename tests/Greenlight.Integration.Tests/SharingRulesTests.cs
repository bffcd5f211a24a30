namespace Greenlight.Integration.Tests;

/// <summary>Point 4 of the issue end to end: what a sharer may grant, the two removals, and the assignee defaults applied by Work's assignments.</summary>
public sealed class SharingRulesTests(GreenlightFixture fixture) : IClassFixture<GreenlightFixture>
{
    private readonly World _world = fixture.World;

    [Fact]
    public async Task A_sharer_cannot_grant_on_a_task_more_than_they_inherit_from_its_project_and_the_400_names_permission()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var task = await _world.TaskAsync(people.Project, people.Olivia.Client);
        using var sam = await _world.PersonAsync("sam");

        var tooMuch = await _world.ShareAsync(people.Tony.Client, task, GranteeKind.User, sam.Id, Permission.Contribute);

        await tooMuch.AssertInvalidFieldAsync("permission");
        Assert.Equal(HttpStatusCode.NotFound, await World.ViewAsync(sam.Client, task));
        await _world.ShareOkAsync(task, sam.Id, Permission.View, people.Tony.Client);
        Assert.Equal(HttpStatusCode.OK, await World.ViewAsync(sam.Client, task));
    }

    [Theory]
    [InlineData("ObjectOnly", HttpStatusCode.OK)]
    [InlineData("ObjectAndChildren", HttpStatusCode.NotFound)]
    public async Task Removing_a_grant_from_the_project_keeps_or_removes_the_explicit_grant_on_its_task(string scope, HttpStatusCode taskAfterwards)
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (olivia, tony, project) = people;
        var task = await _world.TaskAsync(project, olivia.Client);
        var other = await _world.TaskAsync(project, olivia.Client);
        await _world.ShareOkAsync(task, tony.Id, Permission.View, olivia.Client);

        var removal = await olivia.Client.DeleteAsync($"{project.AccessPath}/shares/User/{tony.Id}?scope={scope}");

        await World.AssertStatusAsync(removal, HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, await World.ViewAsync(tony.Client, project));
        Assert.Equal(HttpStatusCode.NotFound, await World.ViewAsync(tony.Client, other));
        Assert.Equal(taskAfterwards, await World.ViewAsync(tony.Client, task));
    }

    [Fact]
    public async Task Assigning_a_task_through_work_applies_the_assignee_defaults_and_a_later_change_of_them_is_not_retroactive()
    {
        await _world.PreferencesAsync(Permission.Contribute, Permission.View);
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;
        var (first, second) = (await _world.TaskAsync(project, olivia.Client), await _world.TaskAsync(project, olivia.Client));
        Assert.Equal(HttpStatusCode.NotFound, await World.ViewAsync(tony.Client, first));

        await World.AssertStatusAsync(await olivia.Client.AssignAsync(first, tony.Id), HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.OK, await World.ViewAsync(tony.Client, project));
        await World.AssertStatusAsync(await tony.Client.PostAsync($"{first.Path}/complete", null), HttpStatusCode.OK, "Contribute on the task:");
        await World.AssertStatusAsync(await tony.Client.PatchAsJsonAsync(first.Path, new { name = "renamed" }), HttpStatusCode.Forbidden, "not Manage:");

        await _world.PreferencesAsync(Permission.Manage, Permission.None);
        using var sam = await _world.PersonAsync("sam");
        await World.AssertStatusAsync(await olivia.Client.AssignAsync(second, sam.Id), HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.OK, await World.ViewAsync(tony.Client, project));
        await World.AssertStatusAsync(await tony.Client.PatchAsJsonAsync(first.Path, new { name = "renamed" }), HttpStatusCode.Forbidden, "still Contribute:");
        await World.AssertStatusAsync(await sam.Client.PatchAsJsonAsync(second.Path, new { name = "renamed" }), HttpStatusCode.OK, "Manage under the new defaults:");
        Assert.Equal(HttpStatusCode.NotFound, await World.ViewAsync(sam.Client, project));
    }
}
