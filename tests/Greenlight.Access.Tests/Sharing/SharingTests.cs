using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Greenlight.Access.Tests.Support;
using Greenlight.Kernel.Errors;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Access.Tests.Sharing;

public sealed class SharingTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;

    private static IEnumerable<(string Id, string Permission)> Grants(JsonElement shares, string list) =>
        shares.GetProperty(list).EnumerateArray().Select(g => (g.GetProperty("grantee").GetProperty("id").GetString()!, g.GetProperty("permission").GetString()!));

    [Fact]
    public async Task The_creator_of_an_object_gets_manage_on_it()
    {
        using var olivia = await _world.UserAsync("olivia");
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);

        var shares = await _world.SharesAsync(project, olivia.Client);

        Assert.Equal([(olivia.Id, "Manage")], Grants(shares, "explicit"));
    }

    [Fact]
    public async Task A_user_shared_with_can_view_the_object_and_the_grant_counts_directly()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;
        Assert.False(await _world.AllowedAsync(project, tony.Id, AccessAction.View));

        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.User, tony.Id, Permission.View);

        var explanation = await _world.ExplainAsync(project, tony.Id, AccessAction.View);
        Assert.True(explanation.GetProperty("allowed").GetBoolean());
        var grant = Assert.Single(explanation.GetProperty("grants").EnumerateArray());
        Assert.Equal("Direct", grant.GetProperty("route").GetString());
        Assert.Equal("direct", grant.GetProperty("source").GetString());
        Assert.Contains((tony.Id, "View"), Grants(await _world.SharesAsync(project, tony.Client), "explicit"));
    }

    [Fact]
    public async Task A_grant_to_a_team_reaches_its_members()
    {
        using var olivia = await _world.UserAsync("olivia");
        var team = await _world.TeamAsync("crew");
        using var member = await _world.UserAsync("member", teams: new[] { team });
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);

        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.Team, team, Permission.Contribute);

        var explanation = await _world.ExplainAsync(project, member.Id, AccessAction.Update);
        Assert.True(explanation.GetProperty("allowed").GetBoolean(), explanation.ToString());
        Assert.Equal($"team {team}", explanation.GetProperty("grants")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_grant_to_a_group_reaches_the_members_of_its_subgroups()
    {
        using var olivia = await _world.UserAsync("olivia");
        var marketing = await _world.GroupAsync("marketing");
        var design = await _world.GroupAsync("design", marketing);
        using var designer = await _world.UserAsync("designer", groups: new[] { design });
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);

        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.Group, marketing, Permission.View);

        var grant = (await _world.ExplainAsync(project, designer.Id, AccessAction.View)).GetProperty("grants")[0];
        Assert.Equal("Subgroup", grant.GetProperty("route").GetString());
        Assert.Equal(design, grant.GetProperty("viaGroupId").GetString());
    }

    [Fact]
    public async Task A_system_wide_grant_reaches_everyone_and_needs_manage_to_make()
    {
        using var olivia = await _world.UserAsync("olivia");
        using var viewer = await _world.UserAsync("viewer");
        using var stranger = await _world.UserAsync("stranger");
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.User, viewer.Id, Permission.View);

        await (await _world.ShareAsync(viewer.Client, project, GranteeKind.SystemWide, null, Permission.View)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.SystemWide, null, Permission.View);

        var grant = (await _world.ExplainAsync(project, stranger.Id, AccessAction.View)).GetProperty("grants")[0];
        Assert.Equal("SystemWide", grant.GetProperty("route").GetString());
    }

    [Fact]
    public async Task Contribute_is_refused_on_documents_and_folders()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;
        var document = await _world.ItemAsync(ObjectType.Document, project, olivia.Id);

        await (await _world.ShareAsync(olivia.Client, document, GranteeKind.User, tony.Id, Permission.Contribute)).AssertInvalidFieldAsync("permission");
        await _world.ShareOkAsync(olivia.Client, document, GranteeKind.User, tony.Id, Permission.Manage);
    }

    [Fact]
    public async Task A_sharer_cannot_grant_more_than_they_hold()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (olivia, tony, project) = people;
        using var third = await _world.UserAsync("third");

        await (await _world.ShareAsync(tony.Client, project, GranteeKind.User, third.Id, Permission.Manage)).AssertInvalidFieldAsync("permission");
        await _world.ShareOkAsync(tony.Client, project, GranteeKind.User, third.Id, Permission.View);
    }

    [Fact]
    public async Task A_user_recipient_gets_no_more_than_their_level_allows_and_is_told_the_most()
    {
        using var olivia = await _world.UserAsync("olivia");
        using var light = await _world.UserAsync("light", "light");
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);

        var response = await _world.ShareAsync(olivia.Client, project, GranteeKind.User, light.Id, Permission.Manage);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("is View", problem.GetProperty("errors").GetProperty("permission")[0].GetString());
        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.User, light.Id, Permission.View);
    }

    [Fact]
    public async Task Listing_shows_inherited_grants_with_the_ancestor_they_come_from()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, _) = people;
        var (portfolio, project, task) = await _world.BranchAsync(olivia.Id);
        await _world.ShareOkAsync(olivia.Client, portfolio, GranteeKind.User, tony.Id, Permission.Manage);

        var shares = await _world.SharesAsync(task, tony.Client);

        var inherited = shares.GetProperty("inherited").EnumerateArray().Single(g => g.GetProperty("grantee").GetProperty("id").GetString() == tony.Id);
        Assert.Equal(portfolio.Object.Id, inherited.GetProperty("from").GetProperty("id").GetString());
        var grant = (await _world.ExplainAsync(task, tony.Id, AccessAction.Update)).GetProperty("grants")[0];
        Assert.Equal($"direct, inherited from Portfolio {portfolio.Object.Id}", grant.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Removing_from_this_object_only_keeps_the_childrens_explicit_grants()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;
        var task = await _world.ItemAsync(ObjectType.Task, project, olivia.Id);
        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.User, tony.Id, Permission.View);
        await _world.ShareOkAsync(olivia.Client, task, GranteeKind.User, tony.Id, Permission.Contribute);

        await AccessWorld.AssertStatusAsync(await olivia.Client.DeleteAsync($"{AccessWorld.PathOf(project)}/shares/User/{tony.Id}?scope=ObjectOnly"), HttpStatusCode.NoContent);

        Assert.False(await _world.AllowedAsync(project, tony.Id, AccessAction.View));
        Assert.True(await _world.AllowedAsync(task, tony.Id, AccessAction.Update));
    }

    [Fact]
    public async Task Removing_from_the_object_and_children_reaches_every_level_below_it()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, _) = people;
        var (portfolio, project, task) = await _world.BranchAsync(olivia.Id);
        await _world.ShareOkAsync(olivia.Client, portfolio, GranteeKind.User, tony.Id, Permission.View);
        await _world.ShareOkAsync(olivia.Client, task, GranteeKind.User, tony.Id, Permission.Contribute);

        await AccessWorld.AssertStatusAsync(await olivia.Client.DeleteAsync($"{AccessWorld.PathOf(portfolio)}/shares/User/{tony.Id}?scope=ObjectAndChildren"), HttpStatusCode.NoContent);

        Assert.False(await _world.AllowedAsync(task, tony.Id, AccessAction.View));
        Assert.DoesNotContain(tony.Id, Grants(await _world.SharesAsync(task), "explicit").Select(g => g.Id));
    }

    [Fact]
    public async Task Turning_inherited_permissions_off_needs_manage_and_drops_them_until_turned_back_on()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;
        var task = await _world.ItemAsync(ObjectType.Task, project, olivia.Id);
        await _world.ShareOkAsync(olivia.Client, project, GranteeKind.User, tony.Id, Permission.Contribute);
        var inheritance = $"{AccessWorld.PathOf(task)}/inheritance";

        await (await tony.Client.PutAsJsonAsync(inheritance, new { inheritsFromParent = false })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var off = await (await olivia.Client.PutAsJsonAsync(inheritance, new { inheritsFromParent = false })).ReadSuccessAsync<JsonElement>();

        Assert.False(off.GetProperty("inheritsFromParent").GetBoolean());
        Assert.Empty(off.GetProperty("inherited").EnumerateArray());
        Assert.False(await _world.AllowedAsync(task, tony.Id, AccessAction.View));
        await (await olivia.Client.PutAsJsonAsync(inheritance, new { inheritsFromParent = true })).ReadSuccessAsync<JsonElement>();
        Assert.True(await _world.AllowedAsync(task, tony.Id, AccessAction.Update));
    }

    [Fact]
    public async Task Moving_an_object_re_parents_what_it_inherits()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, _) = people;
        var shared = await _world.ContainerAsync(ObjectType.Portfolio, olivia.Id);
        var other = await _world.ContainerAsync(ObjectType.Portfolio, olivia.Id);
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id, other);
        var task = await _world.ItemAsync(ObjectType.Task, project, olivia.Id);
        var elsewhere = await _world.ContainerAsync(ObjectType.Project, olivia.Id, shared);
        await _world.ShareOkAsync(olivia.Client, shared, GranteeKind.User, tony.Id, Permission.View);
        Assert.False(await _world.AllowedAsync(task, tony.Id, AccessAction.View));

        await _world.Host.SendAsSystemAsync(new MoveSecuredObject(project, shared));
        Assert.True(await _world.AllowedAsync(task, tony.Id, AccessAction.View));

        await _world.Host.SendAsSystemAsync(new MoveSecuredObject(task, elsewhere));
        var moved = task with { Container = elsewhere.Container };
        Assert.True(await _world.AllowedAsync(moved, tony.Id, AccessAction.View));
        await (await olivia.Client.GetAsync($"{AccessWorld.PathOf(task)}/shares")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_task_cannot_move_under_itself_or_one_of_its_subtasks()
    {
        using var olivia = await _world.UserAsync("olivia");
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        var task = await _world.ItemAsync(ObjectType.Task, project, olivia.Id);
        var subtask = await _world.ItemAsync(ObjectType.Task, task, olivia.Id);

        await Assert.ThrowsAsync<ConflictException>(() => _world.Host.SendAsSystemAsync(new MoveSecuredObject(task, subtask)));
        await Assert.ThrowsAsync<ConflictException>(() => _world.Host.SendAsSystemAsync(new MoveSecuredObject(task, task)));

        Assert.Equal(task.Object.Id, (await _world.SharesAsync(subtask)).GetProperty("inherited")[0].GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_object_is_registered_only_under_a_parent_that_is_there()
    {
        using var olivia = await _world.UserAsync("olivia");
        var (portfolio, project, _) = await _world.BranchAsync(olivia.Id);
        var nowhere = SecuredRef.ContainerItself(new ObjectRef(ObjectType.Portfolio, AccessWorld.Unique("nowhere")));
        await _world.Host.SendAsSystemAsync(new RemoveSecuredObject(portfolio));

        await Assert.ThrowsAsync<NotFoundException>(() => _world.ContainerAsync(ObjectType.Project, olivia.Id, nowhere));
        await Assert.ThrowsAsync<NotFoundException>(() => _world.ItemAsync(ObjectType.Task, project, olivia.Id));
    }

    [Fact]
    public async Task A_removed_object_and_everything_below_it_are_gone()
    {
        using var olivia = await _world.UserAsync("olivia");
        var (portfolio, project, task) = await _world.BranchAsync(olivia.Id);

        await _world.Host.SendAsSystemAsync(new RemoveSecuredObject(portfolio));

        await (await _world.Host.Admin.GetAsync($"{AccessWorld.PathOf(task)}/shares")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _world.Host.Admin.GetAsync($"{AccessWorld.PathOf(project)}/shares")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
