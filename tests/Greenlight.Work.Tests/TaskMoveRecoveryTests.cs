using System.Net;
using System.Net.Http.Json;
using Greenlight.Kernel.Grains;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Modules.Work.Projects;
using Greenlight.Testing;
using Greenlight.Work.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Greenlight.Work.Tests;

/// <summary>
/// A move to another project is two grain writes (the source takes the task out, the target takes it in). Whatever
/// dies between them, the move ends with the task, its subtasks and their issues in exactly one project.
/// </summary>
public sealed class TaskMoveRecoveryTests
{
    // No redelivery reminder fires during a test: what the first host left behind is handed on by the restarted one.
    private static readonly Dictionary<string, string?> SlowRedelivery = new() { ["Grains:RedeliveryPeriod"] = "00:10:00" };

    [Fact]
    public async Task A_move_the_source_stored_but_did_not_hand_on_finishes_after_a_restart()
    {
        var fail = new FailOnce<TaskMovedOut>(_ => true);
        var first = await WorkHost.StartAsync(services: s => s.AddSingleton<IProjection<TaskMovedOut>>(fail), settings: SlowRedelivery);
        var (source, target, task, subtask, issue) = await MovableTaskAsync(first);

        var response = await first.Admin.PostAsJsonAsync($"/api/v1/projects/{source}/tasks/{task}/move", new { toProjectId = target, parentTaskId = (string?)null });

        Assert.True(fail.HasFailed);
        Assert.False(response.IsSuccessStatusCode);
        // The source's next activation hands on what it stored: the move, which the outbox then finishes.
        await using var work = await RestartAsync(first, wake: source);
        await AssertMovedOnceAsync(work, source, target, task, subtask, issue);
    }

    [Fact]
    public async Task A_move_the_target_stored_but_did_not_hand_on_is_complete_after_a_restart()
    {
        var fail = new FailOnce<ObjectMoved>(_ => true);
        var first = await WorkHost.StartAsync(services: s => s.AddSingleton<IProjection<ObjectMoved>>(fail), settings: SlowRedelivery);
        var (source, target, task, subtask, issue) = await MovableTaskAsync(first);

        // The request, or the outbox finishing the move beside it, meets the failure; the request may answer either way.
        await first.Admin.PostAsJsonAsync($"/api/v1/projects/{source}/tasks/{task}/move", new { toProjectId = target, parentTaskId = (string?)null });

        Assert.True(fail.HasFailed);
        await using var work = await RestartAsync(first, wake: target);
        await AssertMovedOnceAsync(work, source, target, task, subtask, issue);
    }

    [Fact]
    public async Task A_move_to_a_project_deleted_meanwhile_puts_the_task_back()
    {
        await using var work = await WorkHost.StartAsync();
        var (source, target, task, subtask, issue) = await MovableTaskAsync(work);
        Assert.Equal(HttpStatusCode.NoContent, (await work.Admin.DeleteAsync($"/api/v1/projects/{target}")).StatusCode);
        var grains = work.Host.Services.GetRequiredService<IGrainFactory>();

        // The first step, as a request validated before the delete takes it; the outbox finishes the move.
        await grains.GetGrain<IProjectGrain>(source).MoveTaskOutAsync(new TaskMoveOrder("move-1", task, target, null, "mover"));

        await Eventually.HoldsAsync(async () => (await work.ListAsync($"/api/v1/projects/{source}/tasks")).Items.Count == 2, "the task is back in its project");
        Assert.Equal(["Task", "Child"], (await work.ListAsync($"/api/v1/projects/{source}/tasks")).Items.Select(t => t.Name));
        Assert.Equal(subtask, (await work.ListAsync($"/api/v1/projects/{source}/issues")).Items.Single(i => i.Id == issue).ParentId);
        Assert.Equal((1, 1), await OpenCountsAsync(work, source));
        await (await work.Admin.GetAsync($"/api/v1/projects/{target}/tasks/{task}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>Stops the host and starts it again on its store; reading the project activates it, which hands on what it stored.</summary>
    private static async Task<WorkHost> RestartAsync(WorkHost first, string wake)
    {
        await first.DisposeAsync();
        var work = await WorkHost.StartAsync(restartOf: first, settings: SlowRedelivery);
        await work.Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{wake}");
        return work;
    }

    /// <summary>A task with a completed subtask holding an open issue, in a project of its own, and another project to move it to.</summary>
    private static async Task<(string Source, string Target, string Task, string Subtask, string Issue)> MovableTaskAsync(WorkHost work)
    {
        var source = (await work.CreateProjectAsync("Source")).Id;
        var target = (await work.CreateProjectAsync("Target")).Id;
        var task = (await work.CreateTaskAsync(source, "Task")).Id;
        var subtask = (await work.CreateTaskAsync(source, "Child", task)).Id;
        var issue = (await work.CreateIssueAsync(source, "Problem", subtask)).Id;
        await (await work.Admin.PostAsync($"/api/v1/projects/{source}/tasks/{subtask}/complete", null)).ReadSuccessAsync<TaskView>();
        return (source, target, task, subtask, issue);
    }

    private static async Task AssertMovedOnceAsync(WorkHost work, string source, string target, string task, string subtask, string issue)
    {
        await Eventually.HoldsAsync(async () => (await work.ListAsync($"/api/v1/projects/{target}/tasks")).Items.Count == 2, "the move finished");
        Assert.Equal(["Task", "Child"], (await work.ListAsync($"/api/v1/projects/{target}/tasks")).Items.Select(t => t.Name));
        Assert.Empty((await work.ListAsync($"/api/v1/projects/{source}/tasks")).Items);
        Assert.Equal(subtask, Assert.Single((await work.ListAsync($"/api/v1/projects/{target}/issues")).Items).ParentId);
        Assert.Empty((await work.ListAsync($"/api/v1/projects/{source}/issues")).Items);
        Assert.Equal(task, (await work.Admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{target}/tasks/{subtask}")).ParentTaskId);
        Assert.Equal(subtask, (await work.Admin.GetSuccessAsync<IssueView>($"/api/v1/projects/{target}/issues/{issue}")).TaskId);
        await (await work.Admin.GetAsync($"/api/v1/projects/{source}/tasks/{task}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((0, 0), await OpenCountsAsync(work, source));
        Assert.Equal((1, 1), await OpenCountsAsync(work, target));
        await work.Notifications.WaitForAsync<ObjectMoved>(m => m.Object.Id == task && m.OldProjectId == source && m.NewProjectId == target);
    }

    private static async Task<(int Tasks, int Issues)> OpenCountsAsync(WorkHost work, string projectId)
    {
        var project = await work.Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{projectId}");
        return (project.OpenTasks, project.OpenIssues);
    }
}
