using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Access.Tests.Support;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Access.Tests.Administration;

/// <summary>The module's own SQL (query tables, audit, level in use) on PostgreSQL, which the other tests run on SQLite.</summary>
public sealed class PostgreSqlTests : IAsyncLifetime
{
    private TestPostgresDatabase _database = null!;
    private AccessWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgresDatabase.CreateAsync();
        _world = new AccessWorld(await TestHost.StartAsync(new Dictionary<string, string?> { ["Storage:PostgreSql"] = _database.ConnectionString }));
    }

    public async Task DisposeAsync()
    {
        await _world.Host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Users_teams_shares_levels_and_the_audit_work_on_postgresql()
    {
        var team = await _world.TeamAsync("crew");
        var level = await _world.CustomLevelAsync("standard", new { tasks = new { setting = "View", share = true } });
        using var people = await _world.OliviaAndTonyAsync(Permission.Contribute, level);
        var (olivia, tony, project) = people;
        await (await _world.Host.Admin.PatchAsJsonAsync($"/api/v1/access/users/{tony.Id}", new { homeTeamId = team })).ReadSuccessAsync<JsonElement>();

        Assert.Equal([tony.Id], (await _world.Host.Admin.GetJsonAsync($"/api/v1/access/teams/{team}/members")).EnumerateArray().Select(m => m.GetString()));
        Assert.True(await _world.AllowedAsync(project, tony.Id, AccessAction.Update));
        Assert.False(await _world.AllowedAsync(project, tony.Id, AccessAction.Create, ObjectType.Task));
        await (await _world.Host.Admin.DeleteAsync($"/api/v1/access/levels/{level}")).AssertProblemAsync(HttpStatusCode.Conflict);
        var shared = await _world.Host.Admin.GetJsonAsync($"/api/v1/access/audit?subjectType=Object&subjectId=Project:{project.Object.Id}");
        Assert.Equal(["registered", "shared"], shared.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var byOlivia = await _world.Host.Admin.GetJsonAsync($"/api/v1/access/audit?actorId={olivia.Id}");
        Assert.Contains(byOlivia.EnumerateArray(), e => e.GetProperty("action").GetString() == "shared");
    }

    [Fact]
    public async Task An_external_user_reads_whoever_shares_with_them_on_postgresql()
    {
        await _world.SetPreferencesAsync(collaborateByEmail: true);
        using var olivia = await _world.UserAsync("olivia");
        using var colleague = await _world.UserAsync("colleague");
        using var external = await _world.UserAsync("guest", "external");
        var team = await _world.TeamAsync("guests");
        await (await _world.Host.Admin.PatchAsJsonAsync($"/api/v1/access/users/{external.Id}", new { teamIds = new[] { team } })).ReadSuccessAsync<JsonElement>();
        var document = await _world.ItemAsync(ObjectType.Document, await _world.ContainerAsync(ObjectType.Project, olivia.Id), olivia.Id);

        await _world.ShareOkAsync(olivia.Client, document, GranteeKind.Team, team, Permission.View);

        Assert.Equal(olivia.Id, (await external.Client.GetJsonAsync($"/api/v1/access/users/{olivia.Id}")).GetProperty("id").GetString());
        await (await external.Client.GetAsync($"/api/v1/access/users/{colleague.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
