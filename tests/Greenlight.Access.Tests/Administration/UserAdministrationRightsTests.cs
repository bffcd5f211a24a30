using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Access.Tests.Support;

namespace Greenlight.Access.Tests.Administration;

/// <summary>
/// Who manages users. Every request that names several objects (users, groups, teams, a level) is sent by a group
/// administrator who has rights on all of them but one: refused with 403 and nothing changes; then the same request
/// with that one object replaced by one they have rights on succeeds, so the refusal was about that object alone.
/// </summary>
public sealed class UserAdministrationRightsTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;
    private HttpClient Admin => _world.Host.Admin;

    /// <summary>
    /// The lead administers marketing (so its subgroup design too) and belongs to the crew team; finance and the execs
    /// team are not theirs. The designer is in design only; "both" is in design and finance.
    /// </summary>
    public sealed record Scene(
        AccessUsers.SignedInUser Lead, string Marketing, string Design, string Finance, string Crew, string Execs,
        string Designer, string OtherDesigner, string Accountant, string Both);

    private async Task<Scene> SceneAsync()
    {
        var marketing = await _world.GroupAsync("marketing");
        var design = await _world.GroupAsync("design", marketing);
        var finance = await _world.GroupAsync("finance");
        var (crew, execs) = (await _world.TeamAsync("crew"), await _world.TeamAsync("execs"));
        var lead = await _world.UserAsync("lead", teams: new[] { crew });
        await (await Admin.PutAsJsonAsync($"/api/v1/access/groups/{marketing}/administrators", new { userIds = new[] { lead.Id } })).ReadSuccessAsync<JsonElement>();
        Task<string> Member(string name, params string[] groups) =>
            Admin.CreateUserAsync(AccessWorld.Unique(name), "light", new Dictionary<string, object?> { ["groupIds"] = groups });
        return new Scene(lead, marketing, design, finance, crew, execs,
            await Member("designer", design), await Member("designer", design), await Member("accountant", finance), await Member("both", design, finance));
    }

    /// <summary>A request of the lead's, with the one object that varies.</summary>
    public sealed record Case(Func<Scene, string, Task<HttpResponseMessage>> Send, Func<Scene, string> Withheld, Func<Scene, string> Granted);

    private static Task<HttpResponseMessage> Create(Scene s, object body) => s.Lead.Client.PostAsJsonAsync("/api/v1/access/users", body);

    private static Task<HttpResponseMessage> Change(Scene s, string userId, object body) => s.Lead.Client.PatchAsJsonAsync($"/api/v1/access/users/{userId}", body);

    private static object NewUser(string homeGroupId, object? more = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = "New", ["email"] = "new@example.org", ["accessLevelId"] = "light", ["homeGroupId"] = homeGroupId };
        foreach (var field in JsonSerializer.SerializeToElement(more ?? new { }).EnumerateObject()) body[field.Name] = field.Value;
        return body;
    }

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["create in an administered home group and another group"] = new((s, group) => Create(s, NewUser(s.Design, new { groupIds = new[] { group } })), s => s.Finance, s => s.Marketing),
        ["create with a home group"] = new((s, group) => Create(s, NewUser(group)), s => s.Finance, s => s.Design),
        ["create in a team"] = new((s, team) => Create(s, NewUser(s.Design, new { teamIds = new[] { team } })), s => s.Execs, s => s.Crew),
        ["create with a home team"] = new((s, team) => Create(s, NewUser(s.Design, new { homeTeamId = team })), s => s.Execs, s => s.Crew),
        ["create at a level"] = new((s, level) => Create(s, NewUser(s.Design, new { accessLevelId = level })), _ => "system-administrator", _ => "contributor"),
        ["change a user's groups"] = new((s, group) => Change(s, s.Designer, new { groupIds = new[] { group } }), s => s.Finance, s => s.Marketing),
        ["change a user's home group"] = new((s, group) => Change(s, s.Designer, new { homeGroupId = group }), s => s.Finance, s => s.Marketing),
        ["change a user's teams"] = new((s, team) => Change(s, s.Designer, new { teamIds = new[] { team } }), s => s.Execs, s => s.Crew),
        ["change a user's level"] = new((s, level) => Change(s, s.Designer, new { accessLevelId = level }), _ => "system-administrator", _ => "contributor"),
        ["change a user"] = new((s, user) => Change(s, user, new { name = "Renamed" }), s => s.Accountant, s => s.Designer),
        ["change a user who is also in another group"] = new((s, user) => Change(s, user, new { email = "moved@example.org" }), s => s.Both, s => s.Designer),
        ["flag users for Frame.io"] = new((s, user) => s.Lead.Client.PutAsJsonAsync("/api/v1/access/users/frameio",
            new { userIds = new[] { s.Designer, user }, addToFrameioProjects = true }), s => s.Both, s => s.OtherDesigner),
        ["deactivate a user"] = new((s, user) => s.Lead.Client.PostAsync($"/api/v1/access/users/{user}/deactivate", null), s => s.Accountant, s => s.OtherDesigner),
        ["create a subgroup"] = new((s, parent) => s.Lead.Client.PostAsJsonAsync("/api/v1/access/groups", new { name = "sub", parentId = parent }), s => s.Finance, s => s.Design),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_group_administrator_without_rights_on_one_object_is_refused_and_nothing_changes(string name)
    {
        var scene = await SceneAsync();
        using var _ = scene.Lead;
        var (send, withheld, granted) = Cases[name];
        var before = await Fingerprint.OfAsync(_world.Host, scene.Lead.Id);

        await (await send(scene, withheld(scene))).AssertProblemAsync(HttpStatusCode.Forbidden, name);

        Assert.Equal(before, await Fingerprint.OfAsync(_world.Host, scene.Lead.Id));
        await (await send(scene, granted(scene))).ReadSuccessAsync<JsonElement>();
    }

    [Fact]
    public async Task A_standard_user_who_administers_no_group_creates_and_changes_nobody()
    {
        using var standard = await _world.UserAsync("standard");
        using var colleague = await _world.UserAsync("colleague");
        var team = await _world.TeamAsync("crew");
        var group = await _world.GroupAsync("any");
        var before = await Fingerprint.OfAsync(_world.Host, standard.Id);

        // The request of the outside sweep: teams, the Frame.io flag, no group.
        await (await standard.Client.PostAsJsonAsync("/api/v1/access/users", new
        {
            name = "Made", email = "made@example.org", accessLevelId = "standard", teamIds = new[] { team }, addToFrameioProjects = true,
        })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await standard.Client.PostAsJsonAsync("/api/v1/access/users", NewUser(group))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await standard.Client.PatchAsJsonAsync($"/api/v1/access/users/{colleague.Id}", new { name = "X" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await standard.Client.PutAsJsonAsync("/api/v1/access/users/frameio", new { userIds = new[] { colleague.Id }, addToFrameioProjects = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await standard.Client.PostAsync($"/api/v1/access/users/{colleague.Id}/deactivate", null)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await Fingerprint.OfAsync(_world.Host, standard.Id));
    }

    [Fact]
    public async Task A_group_administrator_creates_nobody_outside_every_group_and_manages_no_user_in_none()
    {
        var scene = await SceneAsync();
        using var _ = scene.Lead;
        using var loner = await _world.UserAsync("loner", "light");

        await (await Create(scene, new { name = "Nobody's", email = "n@example.org", accessLevelId = "light" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Change(scene, loner.Id, new { name = "Adopted" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_group_administrator_gives_and_manages_only_levels_within_their_own()
    {
        var scene = await SceneAsync();
        using var _ = scene.Lead;
        var lowered = await _world.CustomLevelAsync("standard", new { projects = new { setting = "View" } });
        await (await Admin.PatchAsJsonAsync($"/api/v1/access/users/{scene.Lead.Id}", new { accessLevelId = lowered })).ReadSuccessAsync<JsonElement>();
        var planner = await Admin.CreateUserAsync(AccessWorld.Unique("planner"), "standard", new Dictionary<string, object?> { ["homeGroupId"] = scene.Design });

        var above = await (await Create(scene, NewUser(scene.Design, new { accessLevelId = "standard" }))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Projects", above.GetProperty("detail").GetString());
        await (await Change(scene, planner, new { name = "Renamed" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Create(scene, NewUser(scene.Design, new { accessLevelId = lowered }))).ReadSuccessAsync<JsonElement>();
        await (await Change(scene, scene.Designer, new { accessLevelId = "contributor" })).ReadSuccessAsync<JsonElement>();
    }

    [Fact]
    public async Task A_group_administrator_takes_a_user_out_of_a_team_they_do_not_belong_to_but_never_puts_one_in()
    {
        var scene = await SceneAsync();
        using var _ = scene.Lead;
        await (await Admin.PatchAsJsonAsync($"/api/v1/access/users/{scene.Designer}", new { teamIds = new[] { scene.Execs, scene.Crew } })).ReadSuccessAsync<JsonElement>();

        await (await Change(scene, scene.Designer, new { name = "Still in execs", teamIds = new[] { scene.Crew, scene.Execs } })).ReadSuccessAsync<JsonElement>();
        var changed = await (await Change(scene, scene.Designer, new { teamIds = new[] { scene.Crew } })).ReadSuccessAsync<JsonElement>();

        Assert.Equal([scene.Crew], changed.GetProperty("teamIds").EnumerateArray().Select(t => t.GetString()));
        await (await Change(scene, scene.Designer, new { teamIds = new[] { scene.Crew, scene.Execs } })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_a_system_administrator_issues_a_token_for_someone_even_a_user_of_a_group_the_caller_administers()
    {
        var scene = await SceneAsync();
        using var _ = scene.Lead;

        await (await scene.Lead.Client.PostAsJsonAsync($"/api/v1/access/users/{scene.Designer}/tokens", new { name = "theirs" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Admin.PostAsJsonAsync($"/api/v1/access/users/{scene.Designer}/tokens", new { name = "theirs" })).ReadSuccessAsync<JsonElement>();
    }
}
