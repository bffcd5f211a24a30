using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Access.Tests.Support;
using Greenlight.Kernel.Organization;
using Greenlight.Modules.Access.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Access.Tests.Policy;

public sealed class PolicyTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;

    [Fact]
    public async Task The_bootstrap_administrator_is_a_system_administrator_from_the_first_request()
    {
        await using var host = await TestHost.StartAsync();
        var administratorId = (await host.Services.GetRequiredService<IOrganization>().GetAsync())!.AdministratorUserId;

        await (await host.Admin.GetAsync("/api/v1/access/levels")).ReadSuccessAsync<JsonElement>();

        var profile = await host.SendAsSystemAsync(new GetUserProfile(administratorId));
        Assert.True(profile is { IsSystemAdministrator: true, Active: true }, $"{profile}");
    }

    [Fact]
    public async Task Administrative_requests_are_for_system_administrators_only()
    {
        using var standard = await _world.UserAsync("standard");

        await (await standard.Client.GetAsync("/api/v1/access/levels")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await standard.Client.GetAsync("/api/v1/access/users")).ReadSuccessAsync<JsonElement>();
    }

    [Fact]
    public async Task Someone_who_cannot_view_an_object_is_told_it_does_not_exist()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;
        var missing = SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, AccessWorld.Unique("nothing")));

        await (await tony.Client.GetAsync($"{AccessWorld.PathOf(project)}/shares")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await tony.Client.GetAsync($"{AccessWorld.PathOf(missing)}/shares")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _world.ShareAsync(tony.Client, project, GranteeKind.User, tony.Id, Permission.Manage)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Someone_who_can_view_but_not_act_is_forbidden()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (olivia, tony, project) = people;

        var response = await tony.Client.PutAsJsonAsync($"{AccessWorld.PathOf(project)}/inheritance", new { inheritsFromParent = false });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("holds View", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_deactivated_user_is_answered_401_on_every_request()
    {
        using var tony = await _world.UserAsync("tony");
        await (await tony.Client.GetAsync("/api/v1/tokens")).ReadSuccessAsync<JsonElement>();

        await (await _world.Host.Admin.PostAsync($"/api/v1/access/users/{tony.Id}/deactivate", null)).ReadSuccessAsync<JsonElement>();

        await (await tony.Client.GetAsync("/api/v1/tokens")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await tony.Client.GetAsync("/api/v1/access/users")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await _world.Host.Admin.PostAsync($"/api/v1/access/users/{tony.Id}/reactivate", null)).ReadSuccessAsync<JsonElement>();
        await (await tony.Client.GetAsync("/api/v1/tokens")).ReadSuccessAsync<JsonElement>();
    }

    [Fact]
    public async Task A_user_may_have_their_own_access_explained_but_not_someone_elses()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (olivia, tony, project) = people;

        var own = await (await _world.ExplainResponseAsync(tony.Client, project, tony.Id, AccessAction.Edit)).ReadSuccessAsync<JsonElement>();
        Assert.False(own.GetProperty("allowed").GetBoolean());
        await (await _world.ExplainResponseAsync(tony.Client, project, olivia.Id, AccessAction.Edit)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Other_modules_check_access_and_filter_lists_through_module_requests()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.Contribute);
        var (olivia, tony, shared) = people;
        var hidden = await _world.ContainerAsync(ObjectType.Project, olivia.Id);

        var update = await _world.CheckAsync(tony.Id, AccessCheck.On(shared, AccessAction.Update));
        var delete = await _world.CheckAsync(tony.Id, AccessCheck.On(shared, AccessAction.Delete));
        var viewable = await _world.Host.SendAsSystemAsync(new FilterViewable(tony.Id, [hidden, shared]));

        Assert.Equal((true, Permission.Contribute), (update.Allowed, update.Held));
        Assert.False(delete.Allowed);
        Assert.Equal([shared], viewable);
    }

    [Fact]
    public async Task Creating_inside_an_object_needs_the_level_toggle_and_contribute_on_the_parent()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;

        Assert.False((await _world.CheckAsync(tony.Id, AccessCheck.CreateIn(project, ObjectType.Task))).Allowed);
        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.User, tony.Id, Permission.Contribute);
        Assert.True((await _world.CheckAsync(tony.Id, AccessCheck.CreateIn(project, ObjectType.Task))).Allowed);
        Assert.True((await _world.CheckAsync(tony.Id, AccessCheck.CreateAtTopLevel(ObjectType.Project))).Allowed);
    }
}
