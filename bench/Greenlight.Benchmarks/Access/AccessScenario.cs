using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Kernel.Grains.Snapshots;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Sharing;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace Greenlight.Benchmarks.Access;

/// <summary>
/// A real host (<see cref="TestHost"/>, every shipped module, on loopback) with one busy project set
/// up as a client and the Work module would: a project of 1,000 tasks (100 tasks of 9 subtasks each)
/// registered in Access, 100 grants on it and its tasks to users, teams and groups, and a Standard
/// user who reaches some of them through a team, a group and its parent group. Nine more small
/// projects make ten in the store. The check measured is <see cref="Action"/> on <see cref="Task"/>,
/// a subtask, by <see cref="User"/>.
/// </summary>
public sealed class AccessScenario : IAsyncDisposable
{
    public const int Tasks = 100;
    public const int SubtasksPerTask = 9;
    public const int Grants = 100;
    public const int SmallProjects = 9;
    public const string SecuredObjectGrainType = "access.object";
    public const AccessAction Action = AccessAction.Update;

    private const string BulkPrefix = "bulk-";

    private readonly TestPostgresDatabase? _database;
    private int _bulkProjects;

    private AccessScenario(TestHost host, TestPostgresDatabase? database, AccessUsers.SignedInUser user, SecuredRef project, SecuredRef task)
    {
        Host = host;
        _database = database;
        User = user;
        Project = project;
        Task = task;
    }

    public TestHost Host { get; }
    public AccessUsers.SignedInUser User { get; }
    public SecuredRef Project { get; }
    public SecuredRef Task { get; }

    public IStore Store => Host.Services.GetRequiredService<IStore>();

    public string StoreName => Store.Dialect == SqlDialect.PostgreSql ? "PostgreSQL" : "SQLite";

    public static string PathOf(SecuredRef obj) =>
        $"/api/v1/access/objects/{obj.Container.Type}/{obj.Container.Id}/{obj.Object.Type}/{obj.Object.Id}";

    /// <param name="postgres">On a fresh database of the server GREENLIGHT_TEST_POSTGRES names (failing loudly without it), else on SQLite.</param>
    public static async Task<AccessScenario> StartAsync(bool postgres)
    {
        var clock = Stopwatch.StartNew();
        TestPostgresDatabase? database = null;
        var settings = new Dictionary<string, string?>();
        if (postgres)
        {
            _ = TestPostgresDatabase.ServerConnectionString; // throws, with the way to start a server, when none is set
            database = await TestPostgresDatabase.CreateAsync();
            settings["Storage:PostgreSql"] = database.ConnectionString;
        }
        var host = await TestHost.StartAsync(settings, Trips.Count);
        var admin = host.Admin;

        // Memberships: the user is in team t0 and t1 and in group "child", a subgroup of "parent".
        var teams = new List<string>();
        for (var i = 0; i < 5; i++) teams.Add(await IdOfAsync(admin.PostAsJsonAsync("/api/v1/access/teams", new { name = $"team {i}" })));
        var parentGroup = await IdOfAsync(admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "parent" }));
        var childGroup = await IdOfAsync(admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "child", parentId = parentGroup }));
        var groups = new List<string> { parentGroup, childGroup };
        for (var i = 0; i < 3; i++) groups.Add(await IdOfAsync(admin.PostAsJsonAsync("/api/v1/access/groups", new { name = $"other {i}" })));
        var user = await host.SignInNewUserAsync("checking user", "standard", new Dictionary<string, object?>
        {
            ["homeGroupId"] = childGroup, ["groupIds"] = new[] { childGroup }, ["homeTeamId"] = teams[0], ["teamIds"] = new[] { teams[0], teams[1] },
        });
        var others = new List<string>();
        for (var i = 0; i < 20; i++) others.Add(await IdOfAsync(admin.PostAsJsonAsync("/api/v1/access/users",
            new { name = $"grantee {i}", email = $"grantee{i}@example.org", accessLevelId = "standard" })));
        var owner = others[0];

        // The tree, registered as the Work module registers it.
        var project = SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, "busy"));
        await host.SendAsSystemAsync(new RegisterSecuredObject(project, null, owner));
        var tasks = new List<SecuredRef>();
        for (var t = 0; t < Tasks; t++)
        {
            var task = Item($"t{t}");
            await host.SendAsSystemAsync(new RegisterSecuredObject(task, project, owner));
            tasks.Add(task);
            for (var s = 0; s < SubtasksPerTask; s++)
            {
                var subtask = Item($"t{t}-s{s}");
                await host.SendAsSystemAsync(new RegisterSecuredObject(subtask, task, owner));
                tasks.Add(subtask);
            }
        }
        SecuredRef Item(string id) => new(new ObjectRef(ObjectType.Task, id), project.Container);

        // 100 grants through the sharing API. Those on the measured subtask's way up reach the user
        // by team (View on the project), by subgroup (View on the project, to "parent"), by group
        // (Contribute on its task, to "child"); the rest go to other users, teams and groups.
        var measuredTask = tasks.First(t => t.Object.Id == "t42");
        var measured = tasks.First(t => t.Object.Id == "t42-s3");
        var grants = new List<(SecuredRef On, GranteeKind Kind, string Id, Permission Permission)>
        {
            (project, GranteeKind.Team, teams[0], Permission.View),
            (project, GranteeKind.Group, parentGroup, Permission.View),
            (measuredTask, GranteeKind.Group, childGroup, Permission.Contribute),
            (measured, GranteeKind.Team, teams[2], Permission.Manage),
        };
        for (var i = 0; i < 6; i++) grants.Add((project, GranteeKind.User, others[1 + i], Permission.View));
        for (var i = 0; grants.Count < Grants; i++)
        {
            var on = tasks[(i * 37) % tasks.Count]; // spread over tasks and subtasks
            grants.Add((i % 4) switch
            {
                0 => (on, GranteeKind.Team, teams[2 + i % 3], Permission.Contribute),
                1 => (on, GranteeKind.Group, groups[2 + i % 3], Permission.View),
                _ => (on, GranteeKind.User, others[1 + i % 19], i % 3 == 0 ? Permission.Manage : Permission.Contribute),
            });
        }
        foreach (var (on, kind, id, permission) in grants)
            await (await admin.PostAsJsonAsync($"{PathOf(on)}/shares", new { granteeKind = kind.ToString(), granteeId = id, permission = permission.ToString() }))
                .ReadSuccessAsync<JsonElement>();

        for (var i = 0; i < SmallProjects; i++)
            await host.SendAsSystemAsync(new RegisterSecuredObject(SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, $"small-{i}")), null, owner));

        var scenario = new AccessScenario(host, database, user, project, measured);
        Console.WriteLine($"Set up on {(postgres ? "PostgreSQL" : "SQLite")} in {clock.Elapsed.TotalSeconds:F1} s: 1 project of {tasks.Count} tasks, " +
                          $"{grants.Count} grants (+{tasks.Count + 1} creator grants), {SmallProjects} small projects, {others.Count + 1} users, {teams.Count} teams, {groups.Count} groups; " +
                          $"the project's stored state is {await scenario.StateLengthAsync(project.Object)} bytes of JSON, a task's {await scenario.StateLengthAsync(measuredTask.Object)}.");
        return scenario;
    }

    private async Task<long> StateLengthAsync(ObjectRef obj)
    {
        await using var connection = await Store.OpenConnectionAsync();
        return await connection.ScalarAsync<long>("SELECT LENGTH(payload) FROM orleans_storage WHERE grain_type = @type AND grain_id_extension = @key",
            ("type", SecuredObjectGrainType), ("key", $"{obj.Type}:{obj.Id}"));
    }

    /// <summary>Projects in the store (secured object grain rows of type Project).</summary>
    public async Task<long> ProjectRowsAsync()
    {
        await using var connection = await Store.OpenConnectionAsync();
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM orleans_storage WHERE grain_type = @type AND grain_id_extension LIKE 'Project:%'",
            ("type", SecuredObjectGrainType));
    }

    /// <summary>
    /// Stores <paramref name="count"/> more projects, each as its grain would have written it when registered (registered,
    /// top level, Manage for its creator), through Orleans's grain storage itself, so the rows are what a grain reads on
    /// activation. The objects table and the audit get nothing: checks do not read them.
    /// </summary>
    public async Task BulkInsertProjectsAsync(int count)
    {
        var storage = Host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var owner = new GrantData(GranteeKind.User, User.Id, Permission.Manage);
        await Parallel.ForAsync(1, count + 1, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (number, _) =>
        {
            var key = BulkProjectKey(number);
            var state = new SecuredObjectState { Registered = true, Grants = [owner], Version = 1 };
            await storage.WriteStateAsync(SecuredObjectGrainType, GrainId.Create(SecuredObjectGrainType, key), new GrainState<SecuredObjectState>(state));
        });
        _bulkProjects = count;
    }

    /// <summary>Brings every bulk project's snapshot into this silo's cache, as checks on them would (activating their grains the first time).</summary>
    public async Task CacheBulkProjectsAsync()
    {
        var snapshots = Host.Services.GetRequiredService<AccessSnapshots>();
        await Parallel.ForAsync(1, _bulkProjects + 1, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (number, _) =>
        {
            if ((await snapshots.SecuredObjectAsync(BulkProjectKey(number))).Node is null)
                throw new InvalidOperationException($"The bulk project {number} did not load as a registered object.");
        });
    }

    /// <summary>Drops the bulk projects' snapshots from this silo's cache (their rows stay in the store).</summary>
    public void DropBulkProjectsFromCache()
    {
        var cache = Host.Services.GetRequiredService<SiloSnapshots>();
        for (var number = 1; number <= _bulkProjects; number++) cache.Invalidate(AccessSnapshots.SecuredObjectKey(BulkProjectKey(number)), long.MaxValue);
    }

    /// <summary>Entries in this silo's snapshot cache (users, the directory, secured objects).</summary>
    public int CachedSnapshots => Host.Services.GetRequiredService<SiloSnapshots>().Count;

    public static string BulkProjectKey(int number) => $"Project:{BulkPrefix}{number}";

    private static async Task<string> IdOfAsync(Task<HttpResponseMessage> response) =>
        (await (await response).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;

    public async ValueTask DisposeAsync()
    {
        User.Dispose();
        await Host.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
