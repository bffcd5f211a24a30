using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Kernel.Organization;
using Greenlight.Modules.Access.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Access.Tests.Support;

/// <summary>
/// A host with the Access module and the moves tests make on it: users and groups through the API,
/// objects of the work tree registered in-process (as the Work module will), sharing and explanations through HTTP.
/// Every name is made unique, so tests may share one host.
/// </summary>
public sealed class AccessWorld(TestHost host)
{
    public TestHost Host => host;

    /// <summary>The organization's bootstrap System Administrator, whom <see cref="TestHost.Admin"/> signs in as.</summary>
    public async Task<string> AdministratorIdAsync() =>
        (await host.Services.GetRequiredService<IOrganization>().GetAsync())!.AdministratorUserId;

    public static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";

    public Task<AccessUsers.SignedInUser> UserAsync(string name, string level = "standard", object? groups = null, object? teams = null) =>
        host.SignInNewUserAsync(Unique(name), level, new Dictionary<string, object?> { ["groupIds"] = groups, ["teamIds"] = teams });

    /// <summary>The seed's people: Olivia, who owns the objects (a project to begin with), and Tony, whom she shares them with.</summary>
    public sealed record OliviaAndTony(AccessUsers.SignedInUser Olivia, AccessUsers.SignedInUser Tony, SecuredRef Project) : IDisposable
    {
        public void Dispose()
        {
            Olivia.Dispose();
            Tony.Dispose();
        }
    }

    /// <param name="shared">What Olivia shares her project with Tony at, if anything.</param>
    public async Task<OliviaAndTony> OliviaAndTonyAsync(Permission? shared = null, string tonysLevel = "standard")
    {
        var (olivia, tony) = (await UserAsync("olivia"), await UserAsync("tony", tonysLevel));
        var project = await ContainerAsync(ObjectType.Project, olivia.Id);
        if (shared is { } permission) await ShareOkAsync(olivia.Client, project, GranteeKind.User, tony.Id, permission);
        return new OliviaAndTony(olivia, tony, project);
    }

    public async Task<string> GroupAsync(string name, string? parentId = null, HttpClient? asWho = null) =>
        (await (await (asWho ?? host.Admin).PostAsJsonAsync("/api/v1/access/groups", new { name = Unique(name), parentId })).ReadSuccessAsync<JsonElement>())
            .GetProperty("id").GetString()!;

    public async Task<string> TeamAsync(string name) =>
        (await (await host.Admin.PostAsJsonAsync("/api/v1/access/teams", new { name = Unique(name) })).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;

    public async Task SetPreferencesAsync(bool collaborateByEmail, Permission assignee = Permission.Contribute, Permission assigneeProject = Permission.None) =>
        await (await host.Admin.PutAsJsonAsync("/api/v1/access/preferences",
            new { collaborateByEmail, assigneePermission = assignee.ToString(), assigneeProjectPermission = assigneeProject.ToString() })).ReadSuccessAsync<JsonElement>();

    // The work tree, registered as another module would.

    public async Task<SecuredRef> ContainerAsync(ObjectType type, string creatorId, SecuredRef? parent = null)
    {
        var obj = SecuredRef.ContainerItself(new ObjectRef(type, Unique(type.ToString().ToLowerInvariant())));
        await host.SendAsSystemAsync(new RegisterSecuredObject(obj, parent, creatorId));
        return obj;
    }

    public async Task<SecuredRef> ItemAsync(ObjectType type, SecuredRef parent, string creatorId)
    {
        var obj = new SecuredRef(new ObjectRef(type, Unique(type.ToString().ToLowerInvariant())), parent.Container);
        await host.SendAsSystemAsync(new RegisterSecuredObject(obj, parent, creatorId));
        return obj;
    }

    /// <summary>A portfolio holding a project holding a task, all created by <paramref name="ownerId"/>.</summary>
    public async Task<(SecuredRef Portfolio, SecuredRef Project, SecuredRef Task)> BranchAsync(string ownerId)
    {
        var portfolio = await ContainerAsync(ObjectType.Portfolio, ownerId);
        var project = await ContainerAsync(ObjectType.Project, ownerId, portfolio);
        return (portfolio, project, await ItemAsync(ObjectType.Task, project, ownerId));
    }

    public static string PathOf(SecuredRef obj) =>
        $"/api/v1/access/objects/{obj.Container.Type}/{obj.Container.Id}/{obj.Object.Type}/{obj.Object.Id}";

    public Task<HttpResponseMessage> ShareAsync(HttpClient asWho, SecuredRef obj, GranteeKind kind, string? id, Permission permission) =>
        asWho.PostAsJsonAsync($"{PathOf(obj)}/shares", new { granteeKind = kind.ToString(), granteeId = id, permission = permission.ToString() });

    public async Task ShareOkAsync(HttpClient asWho, SecuredRef obj, GranteeKind kind, string? id, Permission permission) =>
        await (await ShareAsync(asWho, obj, kind, id, permission)).ReadSuccessAsync<JsonElement>();

    public Task<HttpResponseMessage> ExplainResponseAsync(HttpClient asWho, SecuredRef obj, string userId, AccessAction action, ObjectType? childType = null) =>
        asWho.GetAsync($"{PathOf(obj)}/explain?userId={userId}&action={action}" + (childType is { } child ? $"&childType={child}" : ""));

    public async Task<JsonElement> ExplainAsync(SecuredRef obj, string userId, AccessAction action, ObjectType? childType = null) =>
        await (await ExplainResponseAsync(host.Admin, obj, userId, action, childType)).ReadSuccessAsync<JsonElement>();

    public async Task<bool> AllowedAsync(SecuredRef obj, string userId, AccessAction action, ObjectType? childType = null) =>
        (await ExplainAsync(obj, userId, action, childType)).GetProperty("allowed").GetBoolean();

    public Task<JsonElement> SharesAsync(SecuredRef obj, HttpClient? asWho = null) => (asWho ?? host.Admin).GetJsonAsync($"{PathOf(obj)}/shares");

    public Task<AccessAnswer> CheckAsync(string userId, AccessCheck check) => host.SendAsSystemAsync(new CheckAccess(userId, check));

    /// <summary>A custom level copied from <paramref name="source"/> with the given areas changed.</summary>
    public async Task<string> CustomLevelAsync(string source, object areas)
    {
        var copy = await (await host.Admin.PostAsync($"/api/v1/access/levels/{source}/copy", null)).ReadSuccessAsync<JsonElement>();
        var id = copy.GetProperty("id").GetString()!;
        await (await host.Admin.PatchAsJsonAsync($"/api/v1/access/levels/{id}", new { areas })).ReadSuccessAsync<JsonElement>();
        return id;
    }

    public static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode status) =>
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}

/// <summary>One host for a test class; tests keep to their own users and objects.</summary>
public sealed class AccessHostFixture : IAsyncLifetime
{
    public AccessWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = new AccessWorld(await TestHost.StartAsync());

    public async Task DisposeAsync() => await World.Host.DisposeAsync();
}
