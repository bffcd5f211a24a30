using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Access.Tests.Support;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Greenlight.Access.Tests.Policy;

/// <summary>
/// Two hosts on one PostgreSQL database form one cluster, each silo serving checks from its own snapshots: a change
/// made through one host is enforced by the other's very next request, with no waiting.
/// </summary>
public sealed class TwoSiloTests : IAsyncLifetime
{
    private TestPostgresDatabase _database = null!;
    private TestHost _first = null!;
    private TestHost _second = null!;
    private AccessWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgresDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["Storage:PostgreSql"] = _database.ConnectionString };
        _first = await TestHost.StartAsync(settings);
        _second = await TestHost.StartAsync(settings);
        _world = new AccessWorld(_first);
        foreach (var host in new[] { _first, _second })
        {
            var membership = host.Services.GetRequiredService<IClusterMembershipService>();
            await Eventually.HoldsAsync(() => membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == 2,
                "both silos see each other active", TimeSpan.FromSeconds(60));
        }
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_revocation_through_one_silo_is_enforced_by_the_other_silos_very_next_check()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.Contribute);
        var (olivia, tony, project) = people;
        var task = await _world.ItemAsync(ObjectType.Task, project, olivia.Id);
        var subtask = await _world.ItemAsync(ObjectType.Task, task, olivia.Id);
        await _world.ShareOkAsync(olivia.Client, subtask, GranteeKind.User, tony.Id, Permission.View);
        using var tonyOnSecond = _second.Client(tony.Token.Token);
        var update = AccessCheck.On(task, AccessAction.Update);
        Assert.True((await _second.SendAsSystemAsync(new CheckAccess(tony.Id, update))).Allowed);
        Assert.True((await tonyOnSecond.GetJsonAsync($"{AccessWorld.PathOf(task)}/check?action=Update")).GetProperty("allowed").GetBoolean());

        Assert.True((await _second.SendAsSystemAsync(new CheckAccess(tony.Id, AccessCheck.On(subtask, AccessAction.View)))).Allowed);

        await AccessWorld.AssertStatusAsync(
            await olivia.Client.DeleteAsync($"{AccessWorld.PathOf(project)}/shares/User/{tony.Id}?scope=ObjectAndChildren"), HttpStatusCode.NoContent);

        Assert.False((await _second.SendAsSystemAsync(new CheckAccess(tony.Id, update))).Allowed);
        Assert.False((await _second.SendAsSystemAsync(new CheckAccess(tony.Id, AccessCheck.On(subtask, AccessAction.View)))).Allowed);
        await (await tonyOnSecond.GetAsync($"{AccessWorld.PathOf(task)}/check?action=View")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_removal_through_one_silo_hides_everything_below_from_the_other_silos_very_next_check()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (olivia, tony, project) = people;
        var task = await _world.ItemAsync(ObjectType.Task, project, olivia.Id);
        var view = AccessCheck.On(task, AccessAction.View);
        Assert.True((await _second.SendAsSystemAsync(new CheckAccess(tony.Id, view))).Allowed);

        await _first.SendAsSystemAsync(new RemoveSecuredObject(project));

        Assert.False((await _second.SendAsSystemAsync(new CheckAccess(tony.Id, view))).Allowed);
        await Eventually.HoldsAsync(async () => !await RegisteredAsync(task), "the outbox removed the task below the removed project");
    }

    [Fact]
    public async Task Inheritance_turned_off_and_a_move_through_one_silo_are_seen_by_the_other_silos_very_next_check()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (olivia, tony, project) = people;
        var (task, other) = (await _world.ItemAsync(ObjectType.Task, project, olivia.Id), await _world.ItemAsync(ObjectType.Task, project, olivia.Id));
        var subtask = await _world.ItemAsync(ObjectType.Task, task, olivia.Id);
        var view = AccessCheck.On(subtask, AccessAction.View);
        Assert.True((await _second.SendAsSystemAsync(new CheckAccess(tony.Id, view))).Allowed);

        await (await olivia.Client.PutAsJsonAsync($"{AccessWorld.PathOf(other)}/inheritance", new { inheritsFromParent = false })).ReadSuccessAsync<JsonElement>();
        await _first.SendAsSystemAsync(new MoveSecuredObject(task, other));

        Assert.False((await _second.SendAsSystemAsync(new CheckAccess(tony.Id, view))).Allowed);
    }

    [Fact]
    public async Task A_deactivation_and_a_lowered_level_through_one_silo_are_enforced_by_the_other_silos_very_next_request()
    {
        var level = await _world.CustomLevelAsync("standard", new { projects = new { setting = "Edit" } });
        using var people = await _world.OliviaAndTonyAsync(Permission.Contribute, level);
        var (_, tony, project) = people;
        using var tonyOnSecond = _second.Client(tony.Token.Token);
        var update = AccessCheck.On(project, AccessAction.Update);
        Assert.True((await _second.SendAsSystemAsync(new CheckAccess(tony.Id, update))).Allowed);

        await (await _first.Admin.PatchAsJsonAsync($"/api/v1/access/levels/{level}", new { areas = new { projects = new { setting = "View" } } })).ReadSuccessAsync<JsonElement>();

        Assert.False((await _second.SendAsSystemAsync(new CheckAccess(tony.Id, update))).Allowed);
        await (await tonyOnSecond.GetAsync($"/api/v1/access/users/{tony.Id}")).ReadSuccessAsync<JsonElement>();

        await (await _first.Admin.PostAsync($"/api/v1/access/users/{tony.Id}/deactivate", null)).ReadSuccessAsync<JsonElement>();

        await (await tonyOnSecond.GetAsync($"/api/v1/access/users/{tony.Id}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>Whether the objects table still lists the object.</summary>
    private async Task<bool> RegisteredAsync(SecuredRef obj)
    {
        await using var connection = await _first.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM access_objects WHERE object_key = @key", ("key", $"{obj.Object.Type}:{obj.Object.Id}")) > 0;
    }
}
