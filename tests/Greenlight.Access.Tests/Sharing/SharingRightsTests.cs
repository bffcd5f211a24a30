using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Access.Tests.Support;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Access.Tests.Sharing;

/// <summary>
/// The sharing requests that name a second object besides the one shared (a grantee, the user an explanation is
/// about): the caller gets rights on every object but one and is refused (403, or 404 for an object they may not
/// know), nothing changes; then with rights on that one too, the same request succeeds.
/// </summary>
public sealed class SharingRightsTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;

    /// <summary>Olivia owns a project (Manage); her level sees neither users, groups nor teams; Sam, at Standard, sees them all.</summary>
    private sealed record Scene(AccessUsers.SignedInUser Olivia, AccessUsers.SignedInUser Sam, SecuredRef Project, IReadOnlyDictionary<GranteeKind, string> Grantees) : IDisposable
    {
        public void Dispose()
        {
            Olivia.Dispose();
            Sam.Dispose();
        }
    }

    private async Task<Scene> SceneAsync()
    {
        var blind = await _world.CustomLevelAsync("standard", new { users = new { setting = "NoAccess" }, teams = new { setting = "NoAccess" } });
        var olivia = await _world.UserAsync("olivia", blind);
        var sam = await _world.UserAsync("sam");
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        await _world.ShareOkAsync(_world.Host.Admin, project, GranteeKind.User, sam.Id, Permission.Manage);
        using var tony = await _world.UserAsync("tony");
        var grantees = new Dictionary<GranteeKind, string>
        {
            [GranteeKind.User] = tony.Id, [GranteeKind.Team] = await _world.TeamAsync("crew"), [GranteeKind.Group] = await _world.GroupAsync("art"),
        };
        return new Scene(olivia, sam, project, grantees);
    }

    [Theory]
    [InlineData(GranteeKind.User)]
    [InlineData(GranteeKind.Team)]
    [InlineData(GranteeKind.Group)]
    public async Task Sharing_with_a_grantee_the_sharer_cannot_see_is_refused_and_changes_nothing(GranteeKind kind)
    {
        using var scene = await SceneAsync();
        var grantee = scene.Grantees[kind];
        var before = await Fingerprint.OfAsync(_world.Host, scene.Olivia.Id);

        var refused = await (await _world.ShareAsync(scene.Olivia.Client, scene.Project, kind, grantee, Permission.View)).AssertProblemAsync(HttpStatusCode.Forbidden);
        // Not even whether such a grantee exists: an id that names nobody is refused alike.
        await (await _world.ShareAsync(scene.Olivia.Client, scene.Project, kind, "no-such-" + kind, Permission.View)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.DoesNotContain(grantee, refused.GetRawText());
        Assert.Equal(before, await Fingerprint.OfAsync(_world.Host, scene.Olivia.Id));
        await _world.ShareOkAsync(scene.Sam.Client, scene.Project, kind, grantee, Permission.View);
    }

    [Theory]
    [InlineData(GranteeKind.User)]
    [InlineData(GranteeKind.Team)]
    [InlineData(GranteeKind.Group)]
    public async Task Removing_the_grant_of_a_grantee_the_caller_cannot_see_is_refused_and_changes_nothing(GranteeKind kind)
    {
        using var scene = await SceneAsync();
        var grantee = scene.Grantees[kind];
        await _world.ShareOkAsync(scene.Sam.Client, scene.Project, kind, grantee, Permission.View);
        var removal = $"{AccessWorld.PathOf(scene.Project)}/shares/{kind}/{grantee}";
        var before = await Fingerprint.OfAsync(_world.Host, scene.Olivia.Id, scene.Sam.Id);

        await (await scene.Olivia.Client.DeleteAsync(removal)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await Fingerprint.OfAsync(_world.Host, scene.Olivia.Id, scene.Sam.Id));
        await AccessWorld.AssertStatusAsync(await scene.Sam.Client.DeleteAsync(removal), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Sharing_an_object_the_caller_cannot_see_with_a_grantee_they_can_is_refused_as_not_found()
    {
        using var scene = await SceneAsync();
        using var stranger = await _world.UserAsync("stranger");
        var before = await Fingerprint.OfAsync(_world.Host, stranger.Id);

        await (await _world.ShareAsync(stranger.Client, scene.Project, GranteeKind.Team, scene.Grantees[GranteeKind.Team], Permission.View)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.DeleteAsync($"{AccessWorld.PathOf(scene.Project)}/shares/User/{scene.Sam.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PutAsJsonAsync($"{AccessWorld.PathOf(scene.Project)}/inheritance", new { inheritsFromParent = false })).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await Fingerprint.OfAsync(_world.Host, stranger.Id));
    }

    [Fact]
    public async Task An_object_is_acted_on_only_in_the_container_it_is_in()
    {
        using var scene = await SceneAsync();
        var task = await _world.ItemAsync(ObjectType.Task, scene.Project, scene.Olivia.Id);
        var other = await _world.ContainerAsync(ObjectType.Project, scene.Sam.Id);
        var misplaced = task with { Container = other.Container };
        var before = await Fingerprint.OfAsync(_world.Host, scene.Sam.Id);

        await (await _world.ShareAsync(scene.Sam.Client, misplaced, GranteeKind.Team, scene.Grantees[GranteeKind.Team], Permission.View)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await Fingerprint.OfAsync(_world.Host, scene.Sam.Id));
        await _world.ShareOkAsync(scene.Sam.Client, task, GranteeKind.Team, scene.Grantees[GranteeKind.Team], Permission.View);
    }

    [Fact]
    public async Task An_explanation_needs_rights_on_the_object_and_on_the_user_it_is_about()
    {
        using var scene = await SceneAsync();
        using var stranger = await _world.UserAsync("stranger");

        // The user is themself, the object is not theirs to see; the object is theirs, the user is someone else.
        await (await _world.ExplainResponseAsync(stranger.Client, scene.Project, stranger.Id, AccessAction.View)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _world.ExplainResponseAsync(scene.Sam.Client, scene.Project, scene.Olivia.Id, AccessAction.View)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await _world.ExplainResponseAsync(scene.Sam.Client, scene.Project, scene.Sam.Id, AccessAction.View)).ReadSuccessAsync<JsonElement>();
    }
}
