using System.Net;
using System.Text.Json;
using Greenlight.Access.Tests.Support;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Access.Tests.Policy;

/// <summary><c>GET …/check?action=</c>: the caller's own answer, as the policy would give it.</summary>
public sealed class CheckOwnAccessTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;

    private static string CheckPath(SecuredRef obj, AccessAction action, ObjectType? childType = null) =>
        $"{AccessWorld.PathOf(obj)}/check?action={action}" + (childType is { } child ? $"&childType={child}" : "");

    private static async Task<(bool Allowed, string Held)> CheckAsync(HttpClient asWho, SecuredRef obj, AccessAction action, ObjectType? childType = null)
    {
        var answer = await (await asWho.GetAsync(CheckPath(obj, action, childType))).ReadSuccessAsync<JsonElement>();
        return (answer.GetProperty("allowed").GetBoolean(), answer.GetProperty("held").GetString()!);
    }

    [Fact]
    public async Task A_user_is_told_what_they_may_do_on_an_object_they_can_view_and_what_they_hold()
    {
        using var people = await _world.OliviaAndTonyAsync(Permission.View);
        var (olivia, tony, project) = people;
        var task = await _world.ItemAsync(ObjectType.Task, project, olivia.Id);

        Assert.Equal((true, "View"), await CheckAsync(tony.Client, task, AccessAction.View));
        Assert.Equal((false, "View"), await CheckAsync(tony.Client, task, AccessAction.Update));
        Assert.Equal((false, "View"), await CheckAsync(tony.Client, project, AccessAction.Create, ObjectType.Task));
        Assert.Equal((true, "Manage"), await CheckAsync(olivia.Client, task, AccessAction.Delete));

        await _world.ShareOkAsync(olivia.Client, task, GranteeKind.User, tony.Id, Permission.Contribute);
        Assert.Equal((true, "Contribute"), await CheckAsync(tony.Client, task, AccessAction.Update));
        // The answer agrees with the explanation and with the module request other modules send.
        Assert.True(await _world.AllowedAsync(task, tony.Id, AccessAction.Update));
        Assert.True((await _world.CheckAsync(tony.Id, AccessCheck.On(task, AccessAction.Update))).Allowed);
    }

    [Fact]
    public async Task Someone_who_cannot_view_the_object_is_told_it_does_not_exist()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;
        var missing = SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, AccessWorld.Unique("nothing")));

        await (await tony.Client.GetAsync(CheckPath(project, AccessAction.View))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await tony.Client.GetAsync(CheckPath(missing, AccessAction.View))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _world.Host.Anonymous.GetAsync(CheckPath(project, AccessAction.View))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_create_is_asked_about_with_the_type_it_would_create()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, _, project) = people;

        var problem = await (await olivia.Client.GetAsync(CheckPath(project, AccessAction.Create))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("childType", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((true, "Manage"), await CheckAsync(olivia.Client, project, AccessAction.Create, ObjectType.Task));
    }
}
