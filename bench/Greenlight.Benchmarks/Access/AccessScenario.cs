using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

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
    public const string ContainerGrainType = "access.container";
    public const AccessAction Action = AccessAction.Update;

    private const string BulkPrefix = "bulk-";

    private readonly TestPostgresDatabase? _database;

    private AccessScenario(TestHost host, TestPostgresDatabase? database, AccessUsers.SignedInUser user, SecuredRef project, SecuredRef task, string smallProjectId)
    {
        Host = host;
        _database = database;
        User = user;
        Project = project;
        Task = task;
        SmallProjectId = smallProjectId;
    }

    public TestHost Host { get; }
    public AccessUsers.SignedInUser User { get; }
    public SecuredRef Project { get; }
    public SecuredRef Task { get; }

    /// <summary>One of the small projects: its stored state is the template of the bulk rows.</summary>
    public string SmallProjectId { get; }

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
        var host = await TestHost.StartAsync(settings, CountingStore.Decorate);
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

        string? smallProject = null;
        for (var i = 0; i < SmallProjects; i++)
        {
            smallProject = $"small-{i}";
            await host.SendAsSystemAsync(new RegisterSecuredObject(SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, smallProject)), null, owner));
        }

        var scenario = new AccessScenario(host, database, user, project, measured, smallProject!);
        Console.WriteLine($"Set up on {(postgres ? "PostgreSQL" : "SQLite")} in {clock.Elapsed.TotalSeconds:F1} s: 1 project of {tasks.Count} tasks, " +
                          $"{grants.Count} grants (+{tasks.Count + 1} creator grants), {SmallProjects} small projects, {others.Count + 1} users, {teams.Count} teams, {groups.Count} groups; " +
                          $"the project's stored state is {await scenario.StateLengthAsync($"Project:{project.Object.Id}") / 1024.0:F0} KiB of JSON.");
        return scenario;
    }

    private async Task<long> StateLengthAsync(string key)
    {
        await using var connection = await Store.OpenConnectionAsync();
        return await connection.ScalarAsync<long>("SELECT LENGTH(data) FROM grain_state WHERE grain_type = @type AND grain_key = @key",
            ("type", ContainerGrainType), ("key", key));
    }

    /// <summary>Access container grain rows in the store (projects, as nothing else is registered).</summary>
    public async Task<long> ContainerRowsAsync()
    {
        await using var connection = await Store.OpenConnectionAsync();
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM grain_state WHERE grain_type = @type", ("type", ContainerGrainType));
    }

    /// <summary>
    /// Adds <paramref name="count"/> projects straight into <c>grain_state</c>, in one statement: copies
    /// of a small project's stored state (as its container grain wrote it) with the id replaced.
    /// </summary>
    public async Task BulkInsertProjectsAsync(int count)
    {
        var templateKey = $"Project:{SmallProjectId}";
        await using var connection = await Store.OpenConnectionAsync();
        var template = await connection.ScalarAsync<string>(
            "SELECT data FROM grain_state WHERE grain_type = @type AND grain_key = @key", ("type", ContainerGrainType), ("key", templateKey))
            ?? throw new InvalidOperationException($"No stored state for {templateKey}.");
        var numbers = Store.Dialect == SqlDialect.PostgreSql
            ? "SELECT g FROM generate_series(1, @n) AS s(g)"
            : "WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < @n) SELECT g FROM s";
        await using var insert = connection.Command($"""
            INSERT INTO grain_state (grain_type, grain_key, version, data, updated_at)
            SELECT @type, 'Project:' || @prefix || CAST(g AS TEXT), 1, replace(@template, @templateId, @prefix || CAST(g AS TEXT)), 0
            FROM ({numbers}) AS numbers
            """, ("type", ContainerGrainType), ("prefix", BulkPrefix), ("template", template), ("templateId", SmallProjectId), ("n", count));
        insert.CommandTimeout = 600;
        await insert.ExecuteNonQueryAsync();
        await using var analyze = connection.Command("ANALYZE grain_state");
        await analyze.ExecuteNonQueryAsync();
    }

    public async Task DeleteBulkProjectsAsync()
    {
        await using var connection = await Store.OpenConnectionAsync();
        await using var delete = connection.Command("DELETE FROM grain_state WHERE grain_type = @type AND grain_key LIKE @pattern",
            ("type", ContainerGrainType), ("pattern", $"Project:{BulkPrefix}%"));
        delete.CommandTimeout = 600;
        await delete.ExecuteNonQueryAsync();
        await using var analyze = connection.Command("ANALYZE grain_state");
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>A bulk project as a grain would see it: activated from its row (a cold check), for the setup's sanity.</summary>
    public static SecuredRef BulkProject(int number) => SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, BulkPrefix + number));

    private static async Task<string> IdOfAsync(Task<HttpResponseMessage> response) =>
        (await (await response).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;

    public async ValueTask DisposeAsync()
    {
        User.Dispose();
        await Host.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
