using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Access.Tests.Support;
using Greenlight.Kernel.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Access.Tests.Administration;

public sealed class UserApiTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;
    private HttpClient Admin => _world.Host.Admin;

    private async Task<int> UserCountAsync() => (await Admin.GetJsonAsync("/api/v1/access/users")).GetArrayLength();

    [Fact]
    public async Task A_user_gets_the_license_of_their_level_and_their_memberships()
    {
        var group = await _world.GroupAsync("art");
        var team = await _world.TeamAsync("crew");

        var user = await (await Admin.PostAsJsonAsync("/api/v1/access/users", new
        {
            name = "Ada", email = "ada@example.org", accessLevelId = "contributor", homeGroupId = group, homeTeamId = team, addToFrameioProjects = true,
        })).ReadSuccessAsync<JsonElement>();

        Assert.Equal("Contributor", user.GetProperty("license").GetString());
        Assert.Equal(group, user.GetProperty("homeGroupId").GetString());
        Assert.Contains(user.GetProperty("id").GetString(), (await Admin.GetJsonAsync($"/api/v1/access/teams/{team}/members")).EnumerateArray().Select(m => m.GetString()));
        var changed = await (await Admin.PatchAsJsonAsync($"/api/v1/access/users/{user.GetProperty("id").GetString()}", new { accessLevelId = "light" })).ReadSuccessAsync<JsonElement>();
        Assert.Equal(("light", "Light"), (changed.GetProperty("accessLevelId").GetString(), changed.GetProperty("license").GetString()));
    }

    [Theory]
    [InlineData("name", "")]
    [InlineData("email", "not-an-email")]
    [InlineData("accessLevelId", "no-such-level")]
    [InlineData("homeGroupId", "no-such-group")]
    [InlineData("homeTeamId", "no-such-team")]
    public async Task An_invalid_field_is_named_and_nobody_is_created(string field, string value)
    {
        var before = await UserCountAsync();
        var body = new Dictionary<string, object?> { ["name"] = "Bea", ["email"] = "bea@example.org", ["accessLevelId"] = "standard", [field] = value };

        await (await Admin.PostAsJsonAsync("/api/v1/access/users", body)).AssertInvalidFieldAsync(field);

        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task An_invalid_change_changes_nothing()
    {
        using var user = await _world.UserAsync("cleo");

        await (await Admin.PatchAsJsonAsync($"/api/v1/access/users/{user.Id}", new { name = "Cleo B", groupIds = new[] { "nope" } })).AssertInvalidFieldAsync("groupIds[0]");

        Assert.StartsWith("cleo", (await Admin.GetJsonAsync($"/api/v1/access/users/{user.Id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_change_changes_only_the_fields_sent()
    {
        var group = await _world.GroupAsync("art");
        var team = await _world.TeamAsync("crew");
        var id = await Admin.CreateUserAsync(AccessWorld.Unique("dora"), "contributor", new Dictionary<string, object?>
        {
            ["homeGroupId"] = group, ["homeTeamId"] = team, ["addToFrameioProjects"] = true,
        });
        var before = await Admin.GetJsonAsync($"/api/v1/access/users/{id}");

        var changed = await (await Admin.PatchAsJsonAsync($"/api/v1/access/users/{id}", new { name = "Dora B" })).ReadSuccessAsync<JsonElement>();

        Assert.Equal("Dora B", changed.GetProperty("name").GetString());
        foreach (var field in new[] { "email", "accessLevelId", "license", "homeGroupId", "homeTeamId", "addToFrameioProjects", "groupIds", "teamIds", "active" })
            Assert.Equal(before.GetProperty(field).GetRawText(), changed.GetProperty(field).GetRawText());
    }

    [Fact]
    public async Task A_group_administrators_are_named_by_a_system_administrator_only()
    {
        var group = await _world.GroupAsync("studio");
        using var lead = await _world.UserAsync("lead");
        using var deputy = await _world.UserAsync("deputy");
        await (await Admin.PutAsJsonAsync($"/api/v1/access/groups/{group}/administrators", new { userIds = new[] { lead.Id } })).ReadSuccessAsync<JsonElement>();

        await (await lead.Client.PutAsJsonAsync($"/api/v1/access/groups/{group}/administrators", new { userIds = new[] { lead.Id, deputy.Id } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        var administrators = (await Admin.GetJsonAsync("/api/v1/access/groups")).EnumerateArray().Single(g => g.GetProperty("id").GetString() == group).GetProperty("administrators");
        Assert.Equal([lead.Id], administrators.EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_group_administrator_manages_the_users_of_their_groups_and_subgroups_only()
    {
        var marketing = await _world.GroupAsync("marketing");
        var design = await _world.GroupAsync("design", marketing);
        var finance = await _world.GroupAsync("finance");
        using var lead = await _world.UserAsync("lead");
        await (await Admin.PutAsJsonAsync($"/api/v1/access/groups/{marketing}/administrators", new { userIds = new[] { lead.Id } })).ReadSuccessAsync<JsonElement>();
        using var designer = await _world.UserAsync("designer", groups: new[] { design });
        using var accountant = await _world.UserAsync("accountant", groups: new[] { finance });

        await (await lead.Client.PatchAsJsonAsync($"/api/v1/access/users/{designer.Id}", new { name = "Designer Two" })).ReadSuccessAsync<JsonElement>();
        var created = await (await lead.Client.PostAsJsonAsync("/api/v1/access/users", new { name = "Intern", email = "intern@example.org", accessLevelId = "light", homeGroupId = design })).ReadSuccessAsync<JsonElement>();
        var sub = await _world.GroupAsync("illustration", design, lead.Client);

        await (await lead.Client.PatchAsJsonAsync($"/api/v1/access/users/{accountant.Id}", new { name = "X" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.Client.PatchAsJsonAsync($"/api/v1/access/users/{designer.Id}", new { groupIds = new[] { finance } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.Client.PatchAsJsonAsync($"/api/v1/access/users/{designer.Id}", new { accessLevelId = "system-administrator" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.Client.PostAsJsonAsync("/api/v1/access/users", new { name = "Y", email = "y@example.org", accessLevelId = "light", homeGroupId = finance })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.Client.PostAsJsonAsync("/api/v1/access/groups", new { name = "top" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(design, created.GetProperty("homeGroupId").GetString());
        var groups = await Admin.GetJsonAsync("/api/v1/access/groups");
        var illustration = groups.EnumerateArray().Single(g => g.GetProperty("id").GetString() == sub);
        Assert.Equal([lead.Id], illustration.GetProperty("administrators").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_group_administrator_needs_a_standard_license()
    {
        var group = await _world.GroupAsync("support");
        using var light = await _world.UserAsync("light", "light");

        await (await Admin.PutAsJsonAsync($"/api/v1/access/groups/{group}/administrators", new { userIds = new[] { light.Id } })).AssertInvalidFieldAsync("userIds[0]");
    }

    [Fact]
    public async Task Groups_nest_at_most_fourteen_levels_deep()
    {
        string? parent = null;
        for (var depth = 1; depth <= 14; depth++) parent = await _world.GroupAsync($"level{depth}", parent);

        var fifteenth = await Admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "too deep", parentId = parent });

        await fifteenth.AssertInvalidFieldAsync("parentId");
        Assert.Equal(14, (await Admin.GetJsonAsync("/api/v1/access/groups")).EnumerateArray().Single(g => g.GetProperty("id").GetString() == parent).GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task The_frame_io_flag_is_set_for_many_users_in_one_call()
    {
        using var a = await _world.UserAsync("a");
        using var b = await _world.UserAsync("b");

        var changed = await (await Admin.PutAsJsonAsync("/api/v1/access/users/frameio", new { userIds = new[] { a.Id, b.Id }, addToFrameioProjects = true })).ReadSuccessAsync<JsonElement>();

        Assert.All(changed.EnumerateArray(), u => Assert.True(u.GetProperty("addToFrameioProjects").GetBoolean()));
        Assert.True((await Admin.GetJsonAsync($"/api/v1/access/users/{b.Id}")).GetProperty("addToFrameioProjects").GetBoolean());
        await (await Admin.PutAsJsonAsync("/api/v1/access/users/frameio", new { userIds = Array.Empty<string>(), addToFrameioProjects = true })).AssertInvalidFieldAsync("userIds");
    }

    [Fact]
    public async Task Only_system_administrators_issue_tokens_for_others()
    {
        using var user = await _world.UserAsync("user");

        await (await user.Client.PostAsJsonAsync($"/api/v1/access/users/{user.Id}/tokens", new { name = "mine" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var issued = await (await Admin.PostAsJsonAsync($"/api/v1/access/users/{user.Id}/tokens", new { name = "second" })).ReadSuccessAsync<JsonElement>();
        using var second = _world.Host.Client(issued.GetProperty("token").GetString()!);
        await (await second.GetAsync("/api/v1/tokens")).ReadSuccessAsync<JsonElement>();
    }

    [Fact]
    public async Task The_audit_lists_changes_by_object_and_by_user()
    {
        using var lead = await _world.UserAsync("lead");
        var group = await _world.GroupAsync("audited");
        await (await Admin.PutAsJsonAsync($"/api/v1/access/groups/{group}/administrators", new { userIds = new[] { lead.Id } })).ReadSuccessAsync<JsonElement>();
        using var member = await _world.UserAsync("member", groups: new[] { group });
        await (await lead.Client.PatchAsJsonAsync($"/api/v1/access/users/{member.Id}", new { name = "Renamed" })).ReadSuccessAsync<JsonElement>();

        var byObject = await Admin.GetJsonAsync($"/api/v1/access/audit?subjectType=User&subjectId={member.Id}");
        var byUser = await Admin.GetJsonAsync($"/api/v1/access/audit?actorId={lead.Id}");

        Assert.Equal(["created", "changed"], byObject.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var change = Assert.Single(byUser.EnumerateArray());
        Assert.Equal("Renamed", change.GetProperty("after").GetProperty("name").GetString());
        Assert.StartsWith("member", change.GetProperty("before").GetProperty("name").GetString());
        await (await lead.Client.GetAsync($"/api/v1/access/audit?actorId={lead.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Admin.GetAsync("/api/v1/access/audit")).AssertInvalidFieldAsync("actorId");
    }

    [Fact]
    public async Task Nobody_deactivates_themself()
    {
        var administratorId = (await _world.Host.Services.GetRequiredService<IOrganization>().GetAsync())!.AdministratorUserId;

        await (await Admin.PostAsync($"/api/v1/access/users/{administratorId}/deactivate", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
