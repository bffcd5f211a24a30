using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;
using Greenlight.Work.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Work.Tests;

public sealed class CompleteRuleTests
{
    [Fact]
    public async Task Complete_is_never_stored_while_a_task_or_issue_is_open_under_concurrent_changes()
    {
        var ledger = new OpenWorkLedger();
        await using var work = await WorkHost.StartAsync(services: s => ledger.Register(s));
        var project = await work.CreateProjectAsync();
        var path = $"/api/v1/projects/{project.Id}";
        foreach (var i in Enumerable.Range(0, 4)) await work.CreateTaskAsync(project.Id, $"Task {i}");
        foreach (var i in Enumerable.Range(0, 2)) await work.CreateIssueAsync(project.Id, $"Issue {i}");
        var random = new Random(8);

        for (var round = 0; round < 8; round++)
        {
            // Everything closed, the project not complete: then completions race with changes that open work again.
            var (tasks, issues) = await CloseEverythingAsync(work, path);
            await (await work.Admin.PutAsJsonAsync($"{path}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>();
            Func<Task<HttpResponseMessage>>[] race =
            [
                () => work.Admin.PostAsync($"{path}/tasks/{tasks[random.Next(tasks.Count)]}/reopen", null),
                () => work.Admin.PostAsync($"{path}/tasks/{tasks[random.Next(tasks.Count)]}/reopen", null),
                () => work.Admin.PutAsJsonAsync($"{path}/issues/{issues[random.Next(issues.Count)]}/status", new { status = "InProgress" }),
                () => work.Admin.PostAsJsonAsync($"{path}/tasks", new { name = $"Added in round {round}" }),
                () => work.Admin.PutAsJsonAsync($"{path}/status", new { status = "Complete" }),
                () => work.Admin.PutAsJsonAsync($"{path}/status", new { status = "Complete" }),
                () => work.Admin.PutAsJsonAsync($"{path}/status", new { status = "Complete" }),
            ];
            foreach (var response in await Task.WhenAll(race.Select(send => Task.Run(send))))
                Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict, $"{response.StatusCode}");
        }

        Assert.Empty(ledger.Violations);
        // The counts the rule reads are those of the tasks and issues as stored.
        var view = await work.Admin.GetSuccessAsync<ProjectView>(path);
        var listed = (await work.ListAsync($"{path}/tasks?limit=200")).Items;
        var listedIssues = (await work.ListAsync($"{path}/issues?limit=200")).Items;
        Assert.Equal(listed.Count(t => t.Status != nameof(WorkTaskStatus.Complete)), view.OpenTasks);
        Assert.Equal(listedIssues.Count(i => i.Status != nameof(IssueStatus.Resolved)), view.OpenIssues);
        await CloseEverythingAsync(work, path);
        var done = await (await work.Admin.PutAsJsonAsync($"{path}/status", new { status = "Complete" })).ReadSuccessAsync<ProjectView>();
        Assert.Equal((ProjectStatus.Complete, 0, 0), (done.Status, done.OpenTasks, done.OpenIssues));
        Assert.Empty(ledger.Violations);
    }

    /// <summary>Completes every task and resolves every issue; returns their ids.</summary>
    private static async Task<(List<string> Tasks, List<string> Issues)> CloseEverythingAsync(WorkHost work, string path)
    {
        var tasks = (await work.ListAsync($"{path}/tasks?limit=200")).Items.Select(t => t.Id).ToList();
        var issues = (await work.ListAsync($"{path}/issues?limit=200")).Items.Select(i => i.Id).ToList();
        foreach (var task in tasks) await (await work.Admin.PostAsync($"{path}/tasks/{task}/complete", null)).ReadSuccessAsync<TaskView>();
        foreach (var issue in issues) await (await work.Admin.PostAsync($"{path}/issues/{issue}/resolve", null)).ReadSuccessAsync<IssueView>();
        return (tasks, issues);
    }

    /// <summary>
    /// Follows the project's changes in the order they were stored (projections run as each write is handed on,
    /// one write of a grain after the other) and notes every completion stored while a task or issue was open.
    /// </summary>
    private sealed class OpenWorkLedger :
        IProjection<TaskCreated>, IProjection<TaskStatusChanged>, IProjection<IssueCreated>, IProjection<IssueStatusChanged>,
        IProjection<ObjectDeleted>, IProjection<ProjectStatusChanged>
    {
        private readonly ConcurrentDictionary<string, bool> _open = new();

        public ConcurrentQueue<string> Violations { get; } = new();

        public void Register(IServiceCollection services)
        {
            services.AddSingleton<IProjection<TaskCreated>>(this);
            services.AddSingleton<IProjection<TaskStatusChanged>>(this);
            services.AddSingleton<IProjection<IssueCreated>>(this);
            services.AddSingleton<IProjection<IssueStatusChanged>>(this);
            services.AddSingleton<IProjection<ObjectDeleted>>(this);
            services.AddSingleton<IProjection<ProjectStatusChanged>>(this);
        }

        public Task ApplyAsync(TaskCreated created, IStoreTransaction tx) => Set(created.TaskId, true);

        public Task ApplyAsync(TaskStatusChanged changed, IStoreTransaction tx) => Set(changed.TaskId, changed.NewStatus != WorkTaskStatus.Complete);

        public Task ApplyAsync(IssueCreated created, IStoreTransaction tx) => Set(created.IssueId, true);

        public Task ApplyAsync(IssueStatusChanged changed, IStoreTransaction tx) => Set(changed.IssueId, changed.NewStatus != IssueStatus.Resolved);

        public Task ApplyAsync(ObjectDeleted deleted, IStoreTransaction tx)
        {
            _open.TryRemove(deleted.Object.Id, out _);
            return Task.CompletedTask;
        }

        public Task ApplyAsync(ProjectStatusChanged changed, IStoreTransaction tx)
        {
            if (changed.NewStatus != ProjectStatus.Complete) return Task.CompletedTask;
            var open = _open.Where(o => o.Value).Select(o => o.Key).ToList();
            if (open.Count > 0) Violations.Enqueue($"Completed while {string.Join(", ", open)} were open");
            return Task.CompletedTask;
        }

        private Task Set(string id, bool open)
        {
            _open[id] = open;
            return Task.CompletedTask;
        }
    }
}
