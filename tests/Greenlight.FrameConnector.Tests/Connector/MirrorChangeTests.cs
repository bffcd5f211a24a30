using System.Net.Http.Json;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Work.Contracts;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>Changes made here after the mirror exists reach Frame.io once, even when Frame.io's answers are lost.</summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class MirrorChangeTests
{
    /// <summary>A host whose default account is connected.</summary>
    private static async Task<ConnectorHost> ConnectedHostAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = await ConnectorHost.StartAsync(settings);
        await host.ConnectDefaultAsync("fio-token-changes-5120");
        return host;
    }

    [Fact]
    public async Task A_renamed_task_renames_its_folder_in_Frame_io()
    {
        await using var host = await ConnectedHostAsync();
        var project = await CreateCurrentProjectAsync(host, "Rename");
        var task = await host.CreateTaskAsync(project.Id, "Storyboard", await host.AddUserAsync("alice", frameio: true));
        var sync = await host.SyncSettledAsync(project.Id, s => s.Mirror.TaskFolders.ContainsKey(task.Id));

        await (await host.Admin.PatchAsJsonAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}", new { name = "Animatic" })).ReadSuccessAsync<TaskView>();

        await host.SyncSettledAsync(project.Id, s => FolderName(host, sync.Mirror.TaskFolders[task.Id]) == "Animatic");
        var folders = Assert.Single(host.Frameio.Snapshot().Projects).Assets.Where(a => a.Type == "folder").Select(a => a.Name).Order();
        Assert.Equal(["Animatic", ProjectMirrorGrain.ShareFolderName], folders);
    }

    [Fact]
    public async Task A_rename_made_while_the_previous_one_is_under_way_still_reaches_Frame_io()
    {
        // Attempts give up after 3 s, so that a call Frame.io sits on is tried again within the test.
        await using var host = await ConnectedHostAsync(new Dictionary<string, string?> { ["FrameConnector:AttemptTimeout"] = "00:00:03" });
        var project = await CreateCurrentProjectAsync(host, "Draft");
        host.Frameio.Faults.Next(FakeFault.Hang, template: FakeFrameioRoutes.Project);

        await RenameAsync(host, project, "Spring");
        await Eventually.HoldsAsync(() => host.Frameio.CountRequests("PATCH", FakeFrameioRoutes.Project) >= 1, "the first rename is under way");
        await RenameAsync(host, project, "Spring campaign");

        await host.SyncSettledAsync(project.Id, _ => Assert.Single(host.Frameio.Snapshot().Projects).Name == "Spring campaign");
    }

    [Fact]
    public async Task Every_new_version_joins_one_version_stack_though_the_stacking_answers_are_lost()
    {
        await using var host = await ConnectedHostAsync();
        var project = await CreateCurrentProjectAsync(host, "Versions");
        var folder = await (await host.Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/folders", new { name = ProjectMirrorGrain.ShareFolderName })).ReadSuccessAsync<FolderView>();
        var document = await (await host.Admin.PostAsync($"/api/v1/projects/{project.Id}/documents?name=cut.bin&folderId={folder.Id}", Bytes(1))).ReadSuccessAsync<DocumentView>();
        await host.SyncSettledAsync(project.Id, s => s.Mirror.Uploads.Count == 1);

        for (var version = 2; version <= 4; version++)
        {
            // Frame.io stacks, but the answer never arrives: the retry must find the stack, not make a second one.
            host.Frameio.Faults.Next(FakeFault.LoseAnswer, template: FakeFrameioRoutes.VersionStacks);
            await (await host.Admin.PostAsync($"/api/v1/projects/{project.Id}/documents/{document.Id}/versions", Bytes(version))).ReadSuccessAsync<DocumentView>();
            var expected = version;
            await host.SyncSettledAsync(project.Id, s => s.Mirror.Uploads.Count == expected && StackOf(host, expected) is not null);
        }

        var assets = Assert.Single(host.Frameio.Snapshot().Projects).Assets;
        var stack = Assert.Single(assets, a => a.Type == "version_stack");
        Assert.Equal(4, assets.Count(a => a.Type == "file"));
        Assert.All(assets.Where(a => a.Type == "file"), file => Assert.Equal(stack.Id, file.ParentId));
    }

    [Fact]
    public async Task An_upload_whose_parts_failed_is_replaced_not_left_beside_a_second_copy()
    {
        await using var host = await ConnectedHostAsync();
        var project = await CreateCurrentProjectAsync(host, "Parts");
        var folder = await (await host.Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/folders", new { name = ProjectMirrorGrain.ShareFolderName })).ReadSuccessAsync<FolderView>();
        await host.SyncSettledAsync(project.Id, s => s.Mirror.ShareFolderId is not null);
        // More 5xx than the client retries: the placeholder exists in Frame.io, its part never arrived.
        host.Frameio.Faults.Next(FakeFault.ServerError, times: 4, template: FakeFrameioRoutes.UploadPart);

        await (await host.Admin.PostAsync($"/api/v1/projects/{project.Id}/documents?name=brief.bin&folderId={folder.Id}", Bytes(7))).ReadSuccessAsync<DocumentView>();

        await host.SyncSettledAsync(project.Id, s => s.Mirror.Uploads.Count == 1);
        var file = Assert.Single(Assert.Single(host.Frameio.Snapshot().Projects).Assets, a => a.Type == "file");
        Assert.Equal([7], host.Frameio.UploadedBytes(file.Id));
    }

    private static async Task<ProjectView> CreateCurrentProjectAsync(ConnectorHost host, string name)
    {
        var project = await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name, status = "Current" })).ReadSuccessAsync<ProjectView>();
        await host.SyncSettledAsync(project.Id, s => s.Mirror.FrameioProjectId is not null);
        return project;
    }

    private static async Task RenameAsync(ConnectorHost host, ProjectView project, string name) =>
        await (await host.Admin.PatchAsJsonAsync($"/api/v1/projects/{project.Id}", new { name, project.GroupId, project.OwnerId })).ReadSuccessAsync<ProjectView>();

    private static string? FolderName(ConnectorHost host, string folderId) => Assert.Single(host.Frameio.Snapshot().Projects).Assets.SingleOrDefault(a => a.Id == folderId)?.Name;

    /// <summary>The single version stack, once it holds <paramref name="versions"/> files.</summary>
    private static FakeAssetSnapshot? StackOf(ConnectorHost host, int versions)
    {
        var assets = Assert.Single(host.Frameio.Snapshot().Projects).Assets;
        return assets.SingleOrDefault(a => a.Type == "version_stack") is { } stack && assets.Count(a => a.ParentId == stack.Id) == versions ? stack : null;
    }

    private static ByteArrayContent Bytes(int value)
    {
        var content = new ByteArrayContent([(byte)value]);
        content.Headers.ContentType = new("application/octet-stream");
        return content;
    }
}
