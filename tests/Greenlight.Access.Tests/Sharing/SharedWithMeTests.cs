using Greenlight.Access.Tests.Support;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Access.Tests.Sharing;

/// <summary>GET /access/shared-with-me: what was shared with the caller by name, as the console's "Shared with me" lists it.</summary>
public sealed class SharedWithMeTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;

    private static async Task<List<(string Id, string Held)>> SharedAsync(HttpClient asWho) =>
        [.. (await asWho.GetJsonAsync("/api/v1/access/shared-with-me")).EnumerateArray()
            .Select(s => (s.GetProperty("object").GetProperty("object").GetProperty("id").GetString()!, s.GetProperty("held").GetString()!))];

    [Fact]
    public async Task Lists_what_was_shared_with_the_user_their_team_or_a_group_above_theirs_not_what_everyone_has()
    {
        var team = await _world.TeamAsync("crew");
        var design = await _world.GroupAsync("design");
        var print = await _world.GroupAsync("print", design);
        using var olivia = await _world.UserAsync("olivia");
        using var tony = await _world.UserAsync("tony", groups: new[] { print }, teams: new[] { team });
        var direct = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        var throughTeam = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        var throughGroup = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        var everyone = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        var notShared = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        await _world.ShareOkAsync(olivia.Client, direct, GranteeKind.User, tony.Id, Permission.Manage);
        await _world.ShareOkAsync(olivia.Client, throughTeam, GranteeKind.Team, team, Permission.Contribute);
        await _world.ShareOkAsync(olivia.Client, throughGroup, GranteeKind.Group, design, Permission.View);
        await _world.ShareOkAsync(olivia.Client, everyone, GranteeKind.SystemWide, null, Permission.View);

        var shared = await SharedAsync(tony.Client);

        Assert.Contains((direct.Object.Id, "Manage"), shared);
        Assert.Contains((throughTeam.Object.Id, "Contribute"), shared);
        Assert.Contains((throughGroup.Object.Id, "View"), shared);
        Assert.DoesNotContain(shared, s => s.Id == everyone.Object.Id || s.Id == notShared.Object.Id);
        // The creator's own grant was made to her by name too.
        Assert.Contains((direct.Object.Id, "Manage"), await SharedAsync(olivia.Client));
    }
}
