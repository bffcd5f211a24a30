using System.Net;
using System.Net.Http.Json;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;
using Greenlight.Work.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Work.Tests;

/// <summary>How a project is stored: its own fields in its grain state, each item in a row of its own.</summary>
public sealed class ProjectStorageTests
{
    [Fact]
    public async Task A_task_change_stores_the_same_few_bytes_whatever_the_project_holds()
    {
        await using var work = await WorkHost.StartAsync();
        var small = await work.CreateProjectAsync("Small");
        var large = await work.CreateProjectAsync("Large");
        var smallTask = await work.CreateTaskAsync(small.Id, "Edit");
        var largeTask = await work.CreateTaskAsync(large.Id, "Edit");
        var afterOneTask = await StoredStateBytesAsync(work, "Large");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var i = worker; i < 300; i += 8) await work.CreateTaskAsync(large.Id, $"Task {i:000}");
        }));

        foreach (var (project, task) in new[] { (small, smallTask), (large, largeTask) })
        {
            await (await work.Admin.PatchAsJsonAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}", new { name = "Edit 2" }))
                .ReadSuccessAsync<TaskView>();
        }

        // The project's stored state holds its own fields and the last change (the renamed task and its notice), not its 301 tasks.
        var (smallBytes, largeBytes) = (await StoredStateBytesAsync(work, "Small"), await StoredStateBytesAsync(work, "Large"));
        Assert.InRange(largeBytes, smallBytes - 16, smallBytes + 16);
        Assert.InRange(largeBytes, 1, afterOneTask + 256);
        Assert.InRange(largeBytes, 1, 2048);
        Assert.InRange(await ScalarAsync(work, "SELECT length(state) FROM work_items WHERE id = @id", largeTask.Id), 1, 512);
        Assert.Equal(301, (await work.Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{large.Id}")).OpenTasks);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Everything_a_project_holds_is_read_back_after_a_restart(bool postgres)
    {
        await using var database = postgres ? await TestPostgresDatabase.CreateAsync() : null;
        var first = await WorkHost.StartAsync(database?.ConnectionString);
        var project = await first.CreateProjectAsync();
        var task = await first.CreateTaskAsync(project.Id, "Shoot");
        var subtask = await first.CreateTaskAsync(project.Id, "Lights", task.Id);
        var issue = await first.CreateIssueAsync(project.Id, "Flicker", subtask.Id);
        first.Access.Users["ana"] = AccessLog.User("ana");
        Assert.Equal(HttpStatusCode.NoContent, (await first.Admin.PostAsJsonAsync(
            $"/api/v1/projects/{project.Id}/issues/{issue.Id}/assignments", new { kind = "User", assigneeId = "ana" })).StatusCode);
        await (await first.Admin.PostAsync($"/api/v1/projects/{project.Id}/tasks/{subtask.Id}/complete", null)).ReadSuccessAsync<TaskView>();
        var folder = await (await first.Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/folders", new { name = "Cuts" })).ReadSuccessAsync<FolderView>();
        var document = await (await first.UploadAsync($"/api/v1/projects/{project.Id}/documents?name=cut.mov&folderId={folder.Id}", [1, 2, 3], "video/quicktime"))
            .ReadSuccessAsync<DocumentView>();
        var versioned = await (await first.UploadAsync($"/api/v1/projects/{project.Id}/documents/{document.Id}/versions", [4, 5], "video/mp4"))
            .ReadSuccessAsync<DocumentView>();
        await first.DisposeAsync();

        await using var work = await WorkHost.StartAsync(database?.ConnectionString, restartOf: first);

        var read = await work.Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{project.Id}");
        Assert.Equal((1, 1), (read.OpenTasks, read.OpenIssues));
        var readSubtask = await work.Admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{project.Id}/tasks/{subtask.Id}");
        Assert.Equal((task.Id, WorkTaskStatus.Complete), (readSubtask.ParentTaskId, readSubtask.Status));
        Assert.NotNull(readSubtask.CompletedAt);
        var readIssue = await work.Admin.GetSuccessAsync<IssueView>($"/api/v1/projects/{project.Id}/issues/{issue.Id}");
        Assert.Equal(subtask.Id, readIssue.TaskId);
        Assert.Equal([new Assignee(AssigneeKind.User, "ana")], readIssue.Assignees);
        Assert.Equal(folder, await work.Admin.GetSuccessAsync<FolderView>($"/api/v1/projects/{project.Id}/folders/{folder.Id}"));
        var readDocument = await work.Admin.GetSuccessAsync<DocumentView>($"/api/v1/projects/{project.Id}/documents/{document.Id}");
        Assert.Equal(versioned.Versions, readDocument.Versions);
        Assert.Equal(folder.Id, readDocument.FolderId);
        Assert.Equal(["Shoot", "Lights"], (await work.ListAsync($"/api/v1/projects/{project.Id}/tasks")).Items.Select(t => t.Name));
    }

    [Fact]
    public async Task Deleting_a_project_deletes_every_row_and_byte_of_it_with_a_notice_per_object()
    {
        await using var work = await WorkHost.StartAsync();
        var project = await work.CreateProjectAsync();
        var task = await work.CreateTaskAsync(project.Id, "Shoot");
        var issue = await work.CreateIssueAsync(project.Id, "Flicker", (await work.CreateTaskAsync(project.Id, "Lights", task.Id)).Id);
        var folder = await (await work.Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/folders", new { name = "Cuts" })).ReadSuccessAsync<FolderView>();
        var document = await (await work.UploadAsync($"/api/v1/projects/{project.Id}/documents?name=cut.mov&folderId={folder.Id}", [1, 2, 3], "video/quicktime"))
            .ReadSuccessAsync<DocumentView>();
        Assert.Equal(6, await ScalarAsync(work, "SELECT COUNT(*) FROM work_objects WHERE project_id = @id", project.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await work.Admin.DeleteAsync($"/api/v1/projects/{project.Id}")).StatusCode);

        Assert.Equal(0, await ScalarAsync(work, "SELECT COUNT(*) FROM work_items WHERE project_id = @id", project.Id));
        Assert.Equal(0, await ScalarAsync(work, "SELECT COUNT(*) FROM work_objects WHERE project_id = @id", project.Id));
        Assert.Equal(0, await ScalarAsync(work, "SELECT COUNT(*) FROM work_document_chunks", project.Id));
        await (await work.Admin.GetAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        foreach (var deleted in new[] { project.Id, task.Id, issue.Id, folder.Id, document.Id })
            await work.Notifications.WaitForAsync<ObjectDeleted>(d => d.Object.Id == deleted && d.ProjectId == project.Id);
    }

    [Fact]
    public async Task Reads_of_a_project_do_not_wait_while_a_write_is_handed_on_and_see_it_once_stored()
    {
        var hold = new Hold<TaskRenamed>(r => r.NewName == "Held");
        await using var work = await WorkHost.StartAsync(services: s => s.AddSingleton<IProjection<TaskRenamed>>(hold));
        var project = await work.CreateProjectAsync();
        var task = await work.CreateTaskAsync(project.Id, "Before");

        var rename = work.Admin.PatchAsJsonAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}", new { name = "Held" });
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            // The project grain is handing the stored rename on (its rows, its notices): reads do not queue behind that,
            // and see the rename, so a handler of the rename's notice reads at least the rename.
            var during = await work.Admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{project.Id}/tasks/{task.Id}").WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal("Held", during.Name);
            Assert.Equal(1, (await work.Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{project.Id}").WaitAsync(TimeSpan.FromSeconds(60))).OpenTasks);
            Assert.False(rename.IsCompleted);
        }
        finally
        {
            hold.Release();
        }

        Assert.Equal("Held", (await (await rename).ReadSuccessAsync<TaskView>()).Name);
        Assert.Equal("Held", (await work.Admin.GetSuccessAsync<TaskView>($"/api/v1/projects/{project.Id}/tasks/{task.Id}")).Name);
    }

    /// <summary>The size of the project grain's stored state (its row is found by the project's name, which is unique here).</summary>
    private static async Task<long> StoredStateBytesAsync(WorkHost work, string projectName)
    {
        await using var connection = await work.Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        return await connection.ScalarAsync<long>(
            "SELECT length(payload) FROM orleans_storage WHERE grain_type = 'work.project' AND CAST(payload AS TEXT) LIKE @name",
            ("name", $"%\"Name\":\"{projectName}\"%"));
    }

    private static async Task<long> ScalarAsync(WorkHost work, string sql, string id)
    {
        await using var connection = await work.Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        return await connection.ScalarAsync<long>(sql, ("id", id));
    }
}
