using System.Net;
using System.Net.Http.Json;
using Greenlight.Access.Tests.Support;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Access.Tests.Sharing;

/// <summary>
/// The cost of one change does not grow with the size of the project: on a project of 1,000 tasks, a share, a new
/// task, a move, an inheritance change and a revocation each rewrite one small grain state, read from what is stored.
/// </summary>
public sealed class ChangeCostTests(ChangeCostTests.BusyProject busy) : IClassFixture<ChangeCostTests.BusyProject>
{
    /// <summary>
    /// More than one object's state takes as JSON (its parent, a few grants, its flag, and the messages its last change
    /// recorded: the audit entry and the objects table row); far less than the project's 1,000 tasks would.
    /// </summary>
    private const int SmallStateBytes = 4096;

    /// <summary>A project of 100 tasks with 9 subtasks each, shared with Tony on its tasks; Olivia created them all.</summary>
    public sealed class BusyProject : IAsyncLifetime
    {
        public AccessWorld World { get; private set; } = null!;
        public AccessWorld.OliviaAndTony People { get; private set; } = null!;
        public List<SecuredRef> Tasks { get; } = [];

        public async Task InitializeAsync()
        {
            World = new AccessWorld(await TestHost.StartAsync());
            People = await World.OliviaAndTonyAsync();
            for (var t = 0; t < 100; t++)
            {
                var task = await World.ItemAsync(ObjectType.Task, People.Project, People.Olivia.Id);
                Tasks.Add(task);
                // Subtasks of one task go in together: their writes are independent of each other.
                Tasks.AddRange(await Task.WhenAll(Enumerable.Range(0, 9).Select(_ => World.ItemAsync(ObjectType.Task, task, People.Olivia.Id))));
            }
        }

        public async Task DisposeAsync()
        {
            People.Dispose();
            await World.Host.DisposeAsync();
        }
    }

    private AccessWorld World => busy.World;

    [Fact]
    public async Task Sharing_the_project_rewrites_only_the_projects_small_state()
    {
        using var someone = await World.UserAsync("someone");

        var written = await StateWrittenAsync(() => World.ShareOkAsync(busy.People.Olivia.Client, busy.People.Project, GranteeKind.User, someone.Id, Permission.View));

        AssertOneSmallState(written);
        Assert.True(await World.AllowedAsync(busy.Tasks[^1], someone.Id, AccessAction.View));
    }

    [Fact]
    public async Task A_new_task_writes_only_its_own_small_state()
    {
        var written = await StateWrittenAsync(() => World.ItemAsync(ObjectType.Task, busy.Tasks[500], busy.People.Olivia.Id));

        AssertOneSmallState(written);
    }

    [Fact]
    public async Task Moving_a_task_with_its_subtasks_writes_only_the_tasks_small_state()
    {
        var (task, subtask) = (busy.Tasks[10], busy.Tasks[11]);
        using var someone = await World.UserAsync("someone");
        await World.ShareOkAsync(busy.People.Olivia.Client, busy.Tasks[20], GranteeKind.User, someone.Id, Permission.View);
        Assert.False(await World.AllowedAsync(subtask, someone.Id, AccessAction.View));

        var written = await StateWrittenAsync(() => World.Host.SendAsSystemAsync(new MoveSecuredObject(task, busy.Tasks[20])));

        AssertOneSmallState(written);
        Assert.True(await World.AllowedAsync(subtask, someone.Id, AccessAction.View));
    }

    [Fact]
    public async Task Turning_inheritance_off_and_revoking_on_the_project_only_write_small_states()
    {
        using var someone = await World.UserAsync("someone");
        var (olivia, project, task) = (busy.People.Olivia, busy.People.Project, busy.Tasks[300]);
        await World.ShareOkAsync(olivia.Client, project, GranteeKind.User, someone.Id, Permission.View);

        AssertOneSmallState(await StateWrittenAsync(async () =>
            await (await olivia.Client.PutAsJsonAsync($"{AccessWorld.PathOf(task)}/inheritance", new { inheritsFromParent = false })).ReadSuccessAsync<System.Text.Json.JsonElement>()));
        Assert.False(await World.AllowedAsync(task, someone.Id, AccessAction.View));

        AssertOneSmallState(await StateWrittenAsync(async () =>
            await AccessWorld.AssertStatusAsync(await olivia.Client.DeleteAsync($"{AccessWorld.PathOf(project)}/shares/User/{someone.Id}?scope=ObjectAndChildren"), HttpStatusCode.NoContent)));
        Assert.False(await World.AllowedAsync(project, someone.Id, AccessAction.View));
    }

    [Fact]
    public async Task Removing_a_project_makes_everything_below_it_unreachable_at_once_and_the_outbox_removes_it()
    {
        var project = await World.ContainerAsync(ObjectType.Project, busy.People.Olivia.Id);
        var tasks = new List<SecuredRef>();
        for (var t = 0; t < 3; t++)
        {
            var task = await World.ItemAsync(ObjectType.Task, project, busy.People.Olivia.Id);
            tasks.AddRange([task, await World.ItemAsync(ObjectType.Task, task, busy.People.Olivia.Id)]);
        }

        await World.Host.SendAsSystemAsync(new RemoveSecuredObject(project));

        foreach (var task in tasks)
            await (await World.Host.Admin.GetAsync($"{AccessWorld.PathOf(task)}/shares")).AssertProblemAsync(HttpStatusCode.NotFound);
        await Eventually.HoldsAsync(async () => await ObjectRowsAsync(tasks) == 0, "the outbox removed every task below the project");
        var removed = await World.Host.Admin.GetJsonAsync($"/api/v1/access/audit?subjectType=Object&subjectId=Task:{tasks[^1].Object.Id}");
        Assert.Equal(["registered", "removed"], removed.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    private static void AssertOneSmallState(IReadOnlyList<StoredState> written)
    {
        var state = Assert.Single(written);
        Assert.True(state.Bytes < SmallStateBytes, $"{state.Key} wrote {state.Bytes} bytes of state");
    }

    /// <summary>A grain state row: which grain, its version, the size of its payload.</summary>
    private sealed record StoredState(string Type, string Key, long Version, long Bytes);

    /// <summary>The grain states of this module whose version moved during <paramref name="change"/>.</summary>
    private async Task<IReadOnlyList<StoredState>> StateWrittenAsync(Func<Task> change)
    {
        // A grain stores the messages of a change with its state, and rewrites its state without them soon after they
        // were handed on (DurableGrain's redelivery reminder): wait until those second writes of earlier changes are done.
        await Eventually.HoldsAsync(async () => await StatesStillListingMessagesAsync() == 0, "earlier changes' states were rewritten without their messages",
            TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
        var before = (await StatesAsync()).ToDictionary(s => (s.Type, s.Key), s => s.Version);
        await change();
        return [.. (await StatesAsync()).Where(s => before.GetValueOrDefault((s.Type, s.Key)) != s.Version)];
    }

    private async Task<IReadOnlyList<StoredState>> StatesAsync()
    {
        await using var connection = await World.Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        await using var command = connection.Command(
            "SELECT grain_type, grain_id_n0, grain_id_n1, COALESCE(grain_id_extension, ''), version, COALESCE(LENGTH(payload), 0) FROM orleans_storage WHERE grain_type LIKE 'access.%'");
        await using var reader = await command.ExecuteReaderAsync();
        var states = new List<StoredState>();
        while (await reader.ReadAsync())
        {
            // Orleans keeps a key that reads as a Guid (a user id) in the two numbers, any other in the extension.
            var key = $"{reader.GetInt64(1)}/{reader.GetInt64(2)}/{reader.GetString(3)}";
            states.Add(new StoredState(reader.GetString(0), key, reader.GetInt64(4), reader.GetInt64(5)));
        }
        return states;
    }

    private async Task<long> StatesStillListingMessagesAsync()
    {
        await using var connection = await World.Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        return await connection.ScalarAsync<long>(
            "SELECT COUNT(*) FROM orleans_storage WHERE grain_type LIKE 'access.%' AND CAST(payload AS TEXT) LIKE '%\"Unsent\":[{%'");
    }

    private async Task<long> ObjectRowsAsync(IEnumerable<SecuredRef> objects)
    {
        await using var connection = await World.Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        var keys = objects.Select((o, i) => ($"k{i}", (object?)$"{o.Object.Type}:{o.Object.Id}")).ToArray();
        return await connection.ScalarAsync<long>(
            $"SELECT COUNT(*) FROM access_objects WHERE object_key IN ({string.Join(", ", keys.Select(k => "@" + k.Item1))})", keys);
    }
}
