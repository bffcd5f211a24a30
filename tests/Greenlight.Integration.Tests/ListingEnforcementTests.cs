namespace Greenlight.Integration.Tests;

/// <summary>
/// Lists respect the level (the holes the enforcement sweep found): a level with an area at No Access
/// gets 403 rather than 200 with an empty or full list; a list inside a project needs View on it.
/// </summary>
public sealed class ListingEnforcementTests(GreenlightFixture fixture) : IClassFixture<GreenlightFixture>
{
    private readonly World _world = fixture.World;

    private static async Task<IReadOnlyList<string>> IdsAsync(HttpClient asWho, string path) =>
        [.. (await asWho.GetJsonAsync(path)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_level_with_projects_at_no_access_gets_403_listing_projects_while_a_standard_user_lists_only_what_they_see()
    {
        var noProjects = await _world.LevelAsync("standard", new { projects = new { setting = "NoAccess" } });
        using var blind = await _world.PersonAsync("blind", noProjects);
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var hidden = await _world.ProjectAsync();

        await (await blind.Client.GetAsync("/api/v1/projects")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var listed = await IdsAsync(people.Tony.Client, "/api/v1/projects?limit=200");
        Assert.Contains(people.Project.Id, listed);
        Assert.DoesNotContain(hidden.Id, listed);
    }

    [Theory]
    [InlineData("tasks")]
    [InlineData("issues")]
    [InlineData("folders")]
    [InlineData("documents")]
    public async Task Listing_inside_a_project_without_view_on_it_is_the_same_404_as_for_a_missing_project(string list)
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;

        await (await tony.Client.GetAsync($"{project.Path}/{list}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await tony.Client.GetAsync($"/api/v1/projects/0000000000000000ffffffffffffffff/{list}")).AssertProblemAsync(HttpStatusCode.NotFound);

        await _world.ShareOkAsync(project, tony.Id, Permission.View, olivia.Client);
        await (await tony.Client.GetAsync($"{project.Path}/{list}")).ReadSuccessAsync<JsonElement>();
    }

    [Fact]
    public async Task A_user_shared_on_a_project_lists_its_tasks()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var task = await _world.TaskAsync(people.Project, people.Olivia.Client);

        Assert.Equal([task.Id], await IdsAsync(people.Tony.Client, $"{people.Project.Path}/tasks"));
    }

    [Fact]
    public async Task A_level_with_users_at_no_access_gets_403_on_users_and_groups_yet_reads_its_own_profile()
    {
        var noUsers = await _world.LevelAsync("standard", new { users = new { setting = "NoAccess" } });
        using var hermit = await _world.PersonAsync("hermit", noUsers);
        using var someone = await _world.PersonAsync("someone");

        foreach (var path in new[] { "/api/v1/access/users", $"/api/v1/access/users/{someone.Id}", "/api/v1/access/groups" })
            await (await hermit.Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden, path);
        Assert.Equal(hermit.Id, (await hermit.Client.GetJsonAsync($"/api/v1/access/users/{hermit.Id}")).GetProperty("id").GetString());
        await (await someone.Client.GetAsync("/api/v1/access/users")).ReadSuccessAsync<JsonElement>();
    }

    [Fact]
    public async Task A_level_with_teams_at_no_access_gets_403_on_teams_and_their_members()
    {
        var noTeams = await _world.LevelAsync("contributor", new { teams = new { setting = "NoAccess" } });
        using var loner = await _world.PersonAsync("loner", noTeams);
        using var contributor = await _world.PersonAsync("contributor", "contributor");
        var team = await _world.TeamAsync("crew");

        foreach (var path in new[] { "/api/v1/access/teams", $"/api/v1/access/teams/{team}/members" })
        {
            await (await loner.Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden, path);
            await (await contributor.Client.GetAsync(path)).ReadSuccessAsync<JsonElement>();
        }
    }

    [Fact]
    public async Task An_external_user_does_not_list_the_directory_and_reads_only_the_people_who_share_with_them()
    {
        await _world.PreferencesAsync(Permission.Contribute);
        using var outsider = await _world.PersonAsync("outsider", "external");
        using var sharer = await _world.PersonAsync("sharer");
        using var stranger = await _world.PersonAsync("stranger");
        var document = await _world.DocumentAsync(await _world.ProjectAsync(asWho: sharer.Client), sharer.Client);
        await _world.ShareOkAsync(document, outsider.Id, Permission.View, sharer.Client);

        await (await outsider.Client.GetAsync("/api/v1/access/users")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.Client.GetAsync("/api/v1/access/groups")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.Client.GetAsync($"/api/v1/access/users/{sharer.Id}")).ReadSuccessAsync<JsonElement>();
        await (await outsider.Client.GetAsync($"/api/v1/access/users/{stranger.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
