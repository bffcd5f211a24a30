using System.Net;
using System.Text.Json;
using Greenlight.Access.Tests.Support;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Access.Tests.Administration;

/// <summary>One host that collaborates by email, so External users exist.</summary>
public sealed class CollaboratingHostFixture : IAsyncLifetime
{
    public AccessWorld World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = new AccessWorld(await TestHost.StartAsync());
        await World.SetPreferencesAsync(collaborateByEmail: true);
    }

    public async Task DisposeAsync() => await World.Host.DisposeAsync();
}

/// <summary>
/// Who reads whom. An External user sees, of the directory, only themself and the people who share with them (the
/// seed's External level); every other level with Users at View or Edit, Light and Contributor included, reads every
/// profile in full, groups and teams lists included; a level lowered to No Access reads only its own.
/// </summary>
public sealed class DirectoryReadTests(CollaboratingHostFixture fixture) : IClassFixture<CollaboratingHostFixture>
{
    private readonly AccessWorld _world = fixture.World;

    private static string UserPath(string id) => $"/api/v1/access/users/{id}";

    [Fact]
    public async Task An_external_user_reads_themself_and_the_people_who_share_with_them_and_nobody_else()
    {
        using var olivia = await _world.UserAsync("olivia");
        using var sam = await _world.UserAsync("sam");
        using var colleague = await _world.UserAsync("colleague");
        using var external = await _world.UserAsync("guest", "external");
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        var byName = await _world.ItemAsync(ObjectType.Document, project, olivia.Id);
        var byAddress = await _world.ItemAsync(ObjectType.Document, project, olivia.Id);
        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.User, sam.Id, Permission.Manage);

        await _world.ShareOkAsync(olivia.Client, byName, GranteeKind.User, external.Id, Permission.View);
        var address = (await _world.Host.Admin.GetJsonAsync(UserPath(external.Id))).GetProperty("email").GetString();
        await _world.ShareOkAsync(sam.Client, byAddress, GranteeKind.Email, address, Permission.View);

        Assert.Equal(external.Id, (await external.Client.GetJsonAsync(UserPath(external.Id))).GetProperty("id").GetString());
        Assert.Equal(olivia.Id, (await external.Client.GetJsonAsync(UserPath(olivia.Id))).GetProperty("id").GetString());
        Assert.Equal(sam.Id, (await external.Client.GetJsonAsync(UserPath(sam.Id))).GetProperty("id").GetString());
        var hidden = await external.Client.GetAsync(UserPath(colleague.Id));
        var problem = await hidden.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("@", problem.GetRawText());
        await (await external.Client.GetAsync(UserPath("no-such-user"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Someone_whose_grants_to_an_external_user_are_all_gone_is_hidden_from_them_again()
    {
        using var olivia = await _world.UserAsync("olivia");
        using var external = await _world.UserAsync("guest", "external");
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        var document = await _world.ItemAsync(ObjectType.Document, project, olivia.Id);
        await _world.ShareOkAsync(olivia.Client, document, GranteeKind.User, external.Id, Permission.View);
        await external.Client.GetJsonAsync(UserPath(olivia.Id));

        await AccessWorld.AssertStatusAsync(await olivia.Client.DeleteAsync($"{AccessWorld.PathOf(document)}/shares/User/{external.Id}"), HttpStatusCode.NoContent);

        await (await external.Client.GetAsync(UserPath(olivia.Id))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_external_user_lists_no_users_groups_teams_or_shares()
    {
        using var olivia = await _world.UserAsync("olivia");
        using var external = await _world.UserAsync("guest", "external");
        var team = await _world.TeamAsync("crew");
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        var document = await _world.ItemAsync(ObjectType.Document, project, olivia.Id);
        await _world.ShareOkAsync(olivia.Client, document, GranteeKind.User, external.Id, Permission.View);

        foreach (var path in new[] { "/api/v1/access/users", "/api/v1/access/groups", "/api/v1/access/teams", $"/api/v1/access/teams/{team}/members" })
            await (await external.Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden, path);
        // The document is theirs to view, not the list of everyone else it is shared with (and their addresses).
        await (await external.Client.GetAsync($"{AccessWorld.PathOf(document)}/check?action=View")).ReadSuccessAsync<JsonElement>();
        await (await external.Client.GetAsync($"{AccessWorld.PathOf(document)}/shares")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("light")]
    [InlineData("contributor")]
    public async Task Light_and_contributor_users_read_every_profile_in_full(string level)
    {
        var group = await _world.GroupAsync("art");
        var team = await _world.TeamAsync("crew");
        using var reader = await _world.UserAsync("reader", level);
        using var colleague = await _world.UserAsync("colleague", groups: new[] { group }, teams: new[] { team });

        var profile = await reader.Client.GetJsonAsync(UserPath(colleague.Id));

        Assert.Equal(AccessUsers.EmailOf(profile.GetProperty("name").GetString()!), profile.GetProperty("email").GetString());
        Assert.Equal([group], profile.GetProperty("groupIds").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal([team], profile.GetProperty("teamIds").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(colleague.Id, (await reader.Client.GetJsonAsync("/api/v1/access/users")).EnumerateArray().Select(u => u.GetProperty("id").GetString()));
        await reader.Client.GetJsonAsync("/api/v1/access/groups");
        await reader.Client.GetJsonAsync($"/api/v1/access/teams/{team}/members");
    }

    [Fact]
    public async Task A_level_with_users_at_no_access_reads_only_its_own_profile()
    {
        var hermitLevel = await _world.CustomLevelAsync("standard", new { users = new { setting = "NoAccess" } });
        using var hermit = await _world.UserAsync("hermit", hermitLevel);
        using var colleague = await _world.UserAsync("colleague");

        await hermit.Client.GetJsonAsync(UserPath(hermit.Id));
        foreach (var path in new[] { "/api/v1/access/users", UserPath(colleague.Id), "/api/v1/access/groups" })
            await (await hermit.Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden, path);
    }
}
