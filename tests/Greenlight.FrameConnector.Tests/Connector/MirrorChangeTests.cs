using System.Net.Http.Json;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Work.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>
/// Changes made here after the mirror exists reach Frame.io once, even when Frame.io's answers are lost; the share folder
/// is the project's own; moves between projects and into the share folder follow; what a change stores stays small.
/// </summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class MirrorChangeTests
{
    private const string Token = "fio-token-changes-5120";

    [Fact]
    public async Task A_renamed_task_renames_its_folder_in_Frame_io()
    {
        var (host, account) = await ConnectedHostAsync();
        await using var _ = host;
        var project = await CreateCurrentProjectAsync(host, host.Admin, "Rename");
        var task = await host.CreateTaskAsync(project.Id, "Storyboard", await host.AddUserAsync("alice", frameio: true, frameioAccount: account));
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
        var (host, _) = await ConnectedHostAsync(new Dictionary<string, string?> { ["FrameConnector:AttemptTimeout"] = "00:00:03" });
        await using var _host = host;
        var project = await CreateCurrentProjectAsync(host, host.Admin, "Draft");
        host.Frameio.Faults.Next(FakeFault.Hang, template: FakeFrameioRoutes.Project);

        await RenameAsync(host, project, "Spring");
        await Eventually.HoldsAsync(() => host.Frameio.CountRequests("PATCH", FakeFrameioRoutes.Project) >= 1, "the first rename is under way");
        await RenameAsync(host, project, "Spring campaign");

        await host.SyncSettledAsync(project.Id, _ => Assert.Single(host.Frameio.Snapshot().Projects).Name == "Spring campaign");
    }

    /// <summary>
    /// Each notification of a project is handled by reading the project; two reads can reach the mirror in the opposite
    /// order (a host slow between its read and its call): the older read, Planning, must not undo the newer, Current.
    /// </summary>
    [Fact]
    public async Task A_project_read_that_arrives_after_a_newer_one_changes_nothing()
    {
        var (host, _) = await ConnectedHostAsync();
        await using var _host = host;
        var project = await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Late read" })).ReadSuccessAsync<ProjectView>();
        var mirror = host.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IProjectMirrorGrain>(project.Id);

        await mirror.TrackProjectAsync(new TrackedProject(project.Name, null, ProjectStatus.Current, project.OwnerId, project.Revision + 1));
        await mirror.TrackProjectAsync(new TrackedProject(project.Name, null, ProjectStatus.Planning, project.OwnerId, project.Revision));

        await host.SyncSettledAsync(project.Id, s => s.Mirror.FrameioProjectId is not null);
        Assert.Equal(["Late read"], host.Frameio.Snapshot().Projects.Select(p => p.Name));
    }

    /// <summary>
    /// Frame.io applies the first create of every kind the connector makes (project, folders, member, upload, version stack)
    /// and the answer never arrives: each try after that finds what was made, so everything exists exactly once.
    /// </summary>
    [Fact]
    public async Task Every_create_whose_answer_is_lost_is_found_again_not_made_twice()
    {
        var (host, account) = await ConnectedHostAsync();
        await using var _ = host;
        var faults = host.Frameio.Faults;
        faults.Next(FakeFault.LoseAnswer, template: FakeFrameioRoutes.Projects);
        faults.Next(FakeFault.LoseAnswer, times: 2, template: FakeFrameioRoutes.Folders);
        faults.Next(FakeFault.LoseAnswer, times: 2, template: FakeFrameioRoutes.LocalUpload);
        faults.Next(FakeFault.LoseAnswer, template: FakeFrameioRoutes.ProjectUser);
        faults.Next(FakeFault.LoseAnswer, template: FakeFrameioRoutes.VersionStacks);
        var aliceId = await host.AddUserAsync("alice", frameio: true, frameioAccount: account);
        var project = await CreateCurrentProjectAsync(host, host.Admin, "Lost answers");
        var task = await host.CreateTaskAsync(project.Id, "Grade", aliceId);
        var share = await host.ShareFolderOfAsync(project.Id);
        var document = await ConnectorHost.UploadAsync(host.Admin, project.Id, share, "cut.bin", 1);
        await (await host.Admin.PostAsync($"/api/v1/projects/{project.Id}/documents/{document.Id}/versions", Bytes(2))).ReadSuccessAsync<DocumentView>();

        var sync = await host.SyncSettledAsync(project.Id, s => s.Mirror.Uploads.Count == 2 && s.Mirror.Members.Count == 1 && s.Mirror.TaskFolders.ContainsKey(task.Id)
            && StackOf(host, 2) is not null);

        var mirrored = Assert.Single(host.Frameio.Snapshot().Projects);
        Assert.Equal(["Grade", ProjectMirrorGrain.ShareFolderName], mirrored.Assets.Where(a => a.Type == "folder").Select(a => a.Name).Order());
        Assert.Equal(2, mirrored.Assets.Count(a => a.Type == "file"));
        Assert.Single(mirrored.Assets, a => a.Type == "version_stack");
        Assert.Equal("edit_only", mirrored.UserRoles[sync.Mirror.Members[aliceId]]); // assigned the task, no more
        Assert.Equal([1, 2], sync.Mirror.Uploads.Values.Order().Select(f => (int)host.Frameio.UploadedBytes(f)![0]));
        Assert.Equal(7, host.Frameio.AnswersLost); // every fault queued above fired
    }

    [Fact]
    public async Task Every_new_version_joins_one_version_stack_though_the_stacking_answers_are_lost()
    {
        var (host, _) = await ConnectedHostAsync();
        await using var _host = host;
        var project = await CreateCurrentProjectAsync(host, host.Admin, "Versions");
        var document = await ConnectorHost.UploadAsync(host.Admin, project.Id, await host.ShareFolderOfAsync(project.Id), "cut.bin", 1);
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
        var (host, _) = await ConnectedHostAsync();
        await using var _host = host;
        var project = await CreateCurrentProjectAsync(host, host.Admin, "Parts");
        var share = await host.ShareFolderOfAsync(project.Id);
        await host.SyncSettledAsync(project.Id, s => s.Mirror.ShareFolderId is not null);
        // More 5xx than the client retries: the placeholder exists in Frame.io, its part never arrived.
        host.Frameio.Faults.Next(FakeFault.ServerError, times: 4, template: FakeFrameioRoutes.UploadPart);

        await ConnectorHost.UploadAsync(host.Admin, project.Id, share, "brief.bin", 7);

        await host.SyncSettledAsync(project.Id, s => s.Mirror.Uploads.Count == 1);
        var file = Assert.Single(Assert.Single(host.Frameio.Snapshot().Projects).Assets, a => a.Type == "file");
        Assert.Equal([7], host.Frameio.UploadedBytes(file.Id));
    }

    /// <summary>
    /// A connected project gets its "Share with Frame.io" folder with its mirror. A contributor who is not an administrator
    /// drops a document into it and moves another one in: both reach Frame.io; a document elsewhere in the project does not.
    /// </summary>
    [Fact]
    public async Task The_share_folder_comes_with_the_mirror_and_documents_dropped_or_moved_into_it_reach_Frame_io()
    {
        var (host, _) = await ConnectedHostAsync();
        await using var _host = host;
        using var manager = await host.Host.SignInNewUserAsync("maria");
        using var contributor = await host.Host.SignInNewUserAsync("carl");
        var project = await CreateCurrentProjectAsync(host, manager.Client, "Delivery");
        await host.ShareProjectAsync(project.Id, contributor.Id, "Contribute", manager.Client);

        var share = await host.ShareFolderOfAsync(project.Id);
        var folder = await contributor.Client.GetSuccessAsync<FolderView>($"/api/v1/projects/{project.Id}/folders/{share}");
        Assert.Equal((ProjectMirrorGrain.ShareFolderName, null), (folder.Name, folder.ParentFolderId));
        await ConnectorHost.UploadAsync(contributor.Client, project.Id, share, "dropped.bin", 1);
        var elsewhere = await ConnectorHost.UploadAsync(contributor.Client, project.Id, null, "moved.bin", 2);
        await ConnectorHost.UploadAsync(contributor.Client, project.Id, null, "kept-here.bin", 3);
        await (await contributor.Client.PostAsJsonAsync($"/api/v1/projects/{project.Id}/documents/{elsewhere.Id}/move", new { folderId = share })).ReadSuccessAsync<DocumentView>();

        await host.SyncSettledAsync(project.Id, s => s.Mirror.Uploads.Count == 2);
        await host.QuietAsync();
        var files = Assert.Single(host.Frameio.Snapshot().Projects).Assets.Where(a => a.Type == "file").Select(a => a.Name).Order();
        Assert.Equal(["dropped.bin", "moved.bin"], files);
    }

    /// <summary>
    /// A manager who is not an administrator moves a task assigned to a creative from one connected project to another: the
    /// task gets its folder in the second project's Frame.io project, the first project's mirror no longer follows it.
    /// </summary>
    [Fact]
    public async Task A_task_moved_to_another_project_by_its_manager_gets_a_folder_there_and_leaves_the_first_mirror()
    {
        var (host, account) = await ConnectedHostAsync();
        await using var _ = host;
        var aliceId = await host.AddUserAsync("alice", frameio: true, frameioAccount: account);
        using var manager = await host.Host.SignInNewUserAsync("maria");
        var from = await CreateCurrentProjectAsync(host, manager.Client, "From");
        var to = await CreateCurrentProjectAsync(host, manager.Client, "To");
        var task = await host.CreateTaskAsync(from.Id, "Grade", aliceId, manager.Client);
        var before = await host.SyncSettledAsync(from.Id, s => s.Mirror.TaskFolders.ContainsKey(task.Id));
        await host.EmailsToAsync("alice", 2);

        await (await manager.Client.PostAsJsonAsync($"/api/v1/projects/{from.Id}/tasks/{task.Id}/move", new { toProjectId = to.Id, parentTaskId = (string?)null })).ReadSuccessAsync<TaskView>();

        var there = await host.SyncSettledAsync(to.Id, s => s.Mirror.TaskFolders.ContainsKey(task.Id) && s.Mirror.Members.ContainsKey(aliceId));
        var left = await host.SyncSettledAsync(from.Id, s => !s.Mirror.TaskFolders.ContainsKey(task.Id));
        await (await manager.Client.PatchAsJsonAsync($"/api/v1/projects/{to.Id}/tasks/{task.Id}", new { name = "Final grade" })).ReadSuccessAsync<TaskView>();
        await host.SyncSettledAsync(to.Id, _ => FolderName(host, there.Mirror.TaskFolders[task.Id]) == "Final grade");

        Assert.Equal("Grade", FolderName(host, before.Mirror.TaskFolders[task.Id])); // the first project's folder stays as it was
        Assert.Empty(left.Mirror.PendingSteps);
        var emails = await host.EmailsToAsync("alice", 4);
        Assert.Equal(2, emails.Count(m => m.Subject == "Work assigned: task Grade is in Frame.io" || m.Subject == "Work assigned: task Final grade is in Frame.io"));
    }

    /// <summary>
    /// The mirror keeps what it has per task or document out of its grain state: what it stores per change is the same size
    /// whether it mirrors 5 tasks or 45 (the rows of its items grow instead, one written per change).
    /// </summary>
    [Fact]
    public async Task What_the_mirror_stores_per_change_does_not_grow_with_the_project()
    {
        var (host, account) = await ConnectedHostAsync();
        await using var _ = host;
        var aliceId = await host.AddUserAsync("alice", frameio: true, frameioAccount: account);
        var project = await CreateCurrentProjectAsync(host, host.Admin, "Growing");

        var small = await StoredStateAfterAsync(host, project.Id, aliceId, tasks: 5);
        var large = await StoredStateAfterAsync(host, project.Id, aliceId, tasks: 45);

        // The stored state may still hold the last change's messages (one item, one job): ± that, never 40 tasks more.
        Assert.InRange(large.Bytes, small.Bytes - 1024, small.Bytes + 1024);
        Assert.Equal(45, large.Items);
    }

    private static async Task<(long Bytes, long Items)> StoredStateAfterAsync(ConnectorHost host, string projectId, string assignee, int tasks)
    {
        var existing = (await host.Admin.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{projectId}")).Mirror.TaskFolders.Count;
        for (var i = existing; i < tasks; i++) await host.CreateTaskAsync(projectId, $"Task {i:000}", assignee);
        await host.SyncSettledAsync(projectId, s => s.Mirror.TaskFolders.Count == tasks);
        await host.QuietAsync();
        await using var connection = await host.Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        var bytes = await connection.ScalarAsync<long>(
            "SELECT length(payload) FROM orleans_storage WHERE grain_type = 'frameconnector.project-mirror' AND CAST(payload AS TEXT) LIKE @p",
            ("@p", "%\"Name\":\"Growing\"%"));
        var items = await connection.ScalarAsync<long>("SELECT COUNT(*) FROM frameconnector_mirror_items WHERE project_id = @p", ("@p", projectId));
        return (bytes, items);
    }

    /// <summary>A host whose default account is connected, and that account's id.</summary>
    private static async Task<(ConnectorHost Host, string Account)> ConnectedHostAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = await ConnectorHost.StartAsync(settings);
        return (host, (await host.ConnectDefaultAsync(Token)).Accounts[0].AccountId);
    }

    private static async Task<ProjectView> CreateCurrentProjectAsync(ConnectorHost host, HttpClient client, string name)
    {
        var project = await (await client.PostAsJsonAsync("/api/v1/projects", new { name, status = "Current" })).ReadSuccessAsync<ProjectView>();
        await host.SyncSettledAsync(project.Id, s => s.Mirror.FrameioProjectId is not null);
        return project;
    }

    private static async Task RenameAsync(ConnectorHost host, ProjectView project, string name) =>
        await (await host.Admin.PatchAsJsonAsync($"/api/v1/projects/{project.Id}", new { name, project.GroupId, project.OwnerId })).ReadSuccessAsync<ProjectView>();

    private static string? FolderName(ConnectorHost host, string folderId) =>
        host.Frameio.Snapshot().Projects.SelectMany(p => p.Assets).SingleOrDefault(a => a.Id == folderId)?.Name;

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
