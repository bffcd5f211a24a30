using System.Net;
using System.Net.Http.Json;
using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;
using Greenlight.Work.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Work.Tests;

[Collection(WorkHostCollection.Name)]
public sealed class DocumentTests(WorkHostFixture fixture)
{
    private readonly WorkHost _work = fixture.Work;
    private HttpClient Admin => _work.Admin;

    [Fact]
    public async Task Documents_are_uploaded_in_chunks_versioned_and_downloaded_byte_for_byte()
    {
        var project = await _work.CreateProjectAsync();
        var folder = await CreateFolderAsync(project.Id, "Deliveries", null);
        var first = Bytes(WorkHost.ChunkBytes * 3 + 17, seed: 1);
        var second = Bytes(WorkHost.ChunkBytes / 2, seed: 2);

        var chunksBefore = await TotalChunksAsync(_work);
        var upload = await _work.UploadAsync($"/api/v1/projects/{project.Id}/documents?name=cut.mov&folderId={folder.Id}", first, "video/quicktime");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var document = await upload.ReadSuccessAsync<DocumentView>();
        var versioned = await (await _work.UploadAsync($"/api/v1/projects/{project.Id}/documents/{document.Id}/versions", second, "video/mp4"))
            .ReadSuccessAsync<DocumentView>();

        Assert.Equal([(1, (long)first.Length, "video/quicktime"), (2, second.Length, "video/mp4")],
            versioned.Versions.Select(v => (v.Number, v.Size, v.ContentType)));
        Assert.Equal(chunksBefore + 4 + 1, await TotalChunksAsync(_work));
        Assert.Equal(first, await DownloadAsync(Admin, project.Id, document.Id, 1, "video/quicktime"));
        Assert.Equal(second, await DownloadAsync(Admin, project.Id, document.Id, 2, "video/mp4"));
        await (await Admin.GetAsync($"/api/v1/projects/{project.Id}/documents/{document.Id}/versions/3/content")).AssertProblemAsync(HttpStatusCode.NotFound);

        var user = await _work.AdminUserIdAsync();
        Assert.Contains(new RegisterSecuredObject(InProject(project.Id, ObjectType.Document, document.Id),
            InProject(project.Id, ObjectType.DocumentFolder, folder.Id), user), _work.Access.Sent<RegisterSecuredObject>());
        await _work.Notifications.WaitForAsync<DocumentAdded>(a => a.DocumentId == document.Id && a.FolderId == folder.Id && a.UploadedBy == user
            && a.Name == "cut.mov" && a.Size == first.Length && a.ContentType == "video/quicktime");
        await _work.Notifications.WaitForAsync<DocumentVersionAdded>(a => a.DocumentId == document.Id && a.Version == 2 && a.Size == second.Length);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var project = await _work.CreateProjectAsync();
        var chunksBefore = await TotalChunksAsync(_work);

        var response = await _work.UploadAsync($"/api/v1/projects/{project.Id}/documents?name=big.bin", Bytes((int)WorkHost.MaxDocumentBytes + 1, 3), "application/octet-stream");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(chunksBefore, await TotalChunksAsync(_work));
        Assert.Empty((await _work.ListAsync($"/api/v1/projects/{project.Id}/documents")).Items);
        await (await _work.UploadAsync($"/api/v1/projects/{project.Id}/documents?name=", [1], "text/plain")).AssertInvalidFieldAsync("name");
    }

    [Fact]
    public async Task An_upload_declaring_a_length_over_the_limit_is_refused_before_its_body_is_read()
    {
        var project = await _work.CreateProjectAsync();
        // The client waits for the host's go-ahead before it sends the body: a host that reads the body gives it.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(5) }) { BaseAddress = _work.Host.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", _work.AdminToken);
        var body = new UnreadContent(WorkHost.MaxDocumentBytes + 1);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{project.Id}/documents?name=big.bin") { Content = body };
        request.Headers.ExpectContinue = true;

        await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.False(body.WasSent);
        Assert.Empty((await _work.ListAsync($"/api/v1/projects/{project.Id}/documents")).Items);
    }

    [Fact]
    public async Task An_upload_holds_no_store_transaction_while_it_arrives_and_one_passing_the_limit_keeps_nothing()
    {
        var project = await _work.CreateProjectAsync();
        var chunksBefore = await TotalChunksAsync(_work);
        var half = (int)WorkHost.MaxDocumentBytes * 3 / 5;
        var body = new PausedContent(Bytes(half, 6), Bytes(half, 7));

        // Chunked: the length is known only when the body ends, past the limit.
        var upload = Admin.PostAsync($"/api/v1/projects/{project.Id}/documents?name=big.bin", body);
        await Eventually.HoldsAsync(() => Directory.EnumerateFiles(_work.SpoolDirectory).Any(), "the host reads the upload");
        // Half of it is in; the store takes other writes meanwhile (a transaction held for the upload would keep them waiting).
        await _work.CreateTaskAsync(project.Id, "Written during the upload").WaitAsync(TimeSpan.FromSeconds(60));
        body.Resume();

        await (await upload).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(chunksBefore, await TotalChunksAsync(_work));
        Assert.Empty((await _work.ListAsync($"/api/v1/projects/{project.Id}/documents")).Items);
        await Eventually.HoldsAsync(() => !Directory.EnumerateFiles(_work.SpoolDirectory).Any(), "the bytes read are gone");
    }

    [Fact]
    public async Task Other_modules_ensure_a_top_level_folder_once()
    {
        var project = await _work.CreateProjectAsync();
        var outer = await CreateFolderAsync(project.Id, "Outer", null);
        await CreateFolderAsync(project.Id, "Share", outer.Id);

        var made = await _work.SendAsModuleAsync(new EnsureFolder(project.Id, "Share", "connector"));
        var again = await _work.SendAsModuleAsync(new EnsureFolder(project.Id, "Share", "someone-else"));

        Assert.Equal((made, (string?)null), (again, made.ParentFolderId));
        Assert.Equal(2, (await _work.ListAsync($"/api/v1/projects/{project.Id}/folders")).Items.Count(f => f.Name == "Share"));
        Assert.All(Assert.Single(_work.Access.Sent<RegisterSecuredObject>().GroupBy(r => r.Object.Object.Id), g => g.Key == made.Id),
            registration => Assert.Equal("connector", registration.CreatorUserId));
        await _work.Notifications.WaitForAsync<FolderCreated>(f => f.FolderId == made.Id && f.CreatedBy == "connector");
        await Assert.ThrowsAsync<NotFoundException>(() => _work.SendAsModuleAsync(new EnsureFolder("no-such-project", "Share", "connector")));
    }

    [Fact]
    public async Task Folders_nest_and_documents_move_between_them()
    {
        var project = await _work.CreateProjectAsync();
        var outer = await CreateFolderAsync(project.Id, "Outer", null);
        var inner = await CreateFolderAsync(project.Id, "Inner", outer.Id);
        var chunksBefore = await TotalChunksAsync(_work);
        var document = await (await _work.UploadAsync($"/api/v1/projects/{project.Id}/documents?name=brief.pdf", [1, 2, 3], "application/pdf"))
            .ReadSuccessAsync<DocumentView>();

        var moved = await (await Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/documents/{document.Id}/move", new { folderId = inner.Id }))
            .ReadSuccessAsync<DocumentView>();

        Assert.Equal(inner.Id, moved.FolderId);
        Assert.Contains(new MoveSecuredObject(InProject(project.Id, ObjectType.Document, document.Id), InProject(project.Id, ObjectType.DocumentFolder, inner.Id)),
            _work.Access.Sent<MoveSecuredObject>());
        Assert.Equal(document.Id, Assert.Single((await _work.ListAsync($"/api/v1/projects/{project.Id}/documents?folderId={inner.Id}")).Items).Id);
        Assert.Equal(inner.Id, Assert.Single((await _work.ListAsync($"/api/v1/projects/{project.Id}/folders?parentFolderId={outer.Id}")).Items).Id);
        var user = await _work.AdminUserIdAsync();
        Assert.Contains(new RegisterSecuredObject(InProject(project.Id, ObjectType.DocumentFolder, inner.Id),
            InProject(project.Id, ObjectType.DocumentFolder, outer.Id), user), _work.Access.Sent<RegisterSecuredObject>());
        await _work.Notifications.WaitForAsync<FolderCreated>(f => f.FolderId == inner.Id && f.ParentFolderId == outer.Id);
        await _work.Notifications.WaitForAsync<ObjectMoved>(m => m.Object.Id == document.Id && m.NewParent == new ObjectRef(ObjectType.DocumentFolder, inner.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/projects/{project.Id}/folders/{outer.Id}")).StatusCode);
        await (await Admin.GetAsync($"/api/v1/projects/{project.Id}/documents/{document.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(chunksBefore, await TotalChunksAsync(_work));
        await _work.Notifications.WaitForAsync<ObjectDeleted>(d => d.Object == new ObjectRef(ObjectType.Document, document.Id));
    }

    [Fact]
    public async Task Other_modules_add_documents_and_read_their_content()
    {
        var project = await _work.CreateProjectAsync();
        var bytes = Bytes(WorkHost.ChunkBytes + 5, 4);

        var added = await _work.SendAsModuleAsync(new AddDocument(project.Id, null, "asset.png", "image/png", new MemoryStream(bytes), "frameio-user"));
        var content = await _work.SendAsModuleAsync(new ReadDocumentContent(project.Id, added.Id, null));

        await using (content.Content)
        {
            using var copy = new MemoryStream();
            await content.Content.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        Assert.Equal(("asset.png", "image/png", 1), (content.Name, content.ContentType, content.Version));
        Assert.Equal("frameio-user", (await _work.SendAsModuleAsync(new GetDocumentSummary(project.Id, added.Id)))!.Versions[0].UploadedBy);
        Assert.Contains(new RegisterSecuredObject(InProject(project.Id, ObjectType.Document, added.Id),
            SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, project.Id)), "frameio-user"), _work.Access.Sent<RegisterSecuredObject>());
    }

    [Fact]
    public async Task A_document_added_for_a_task_is_attached_to_it_and_an_unknown_task_is_refused()
    {
        var project = await _work.CreateProjectAsync();
        var task = await _work.CreateTaskAsync(project.Id, "Grade");

        var added = await _work.SendAsModuleAsync(new AddDocument(project.Id, null, "grade.mov", "video/quicktime", new MemoryStream([1]), "frameio-user", task.Id));

        Assert.Equal(task.Id, added.TaskId);
        Assert.Equal(task.Id, (await _work.SendAsModuleAsync(new GetDocumentSummary(project.Id, added.Id)))!.TaskId);
        Assert.Equal(task.Id, (await _work.Admin.GetSuccessAsync<DocumentView>($"/api/v1/projects/{project.Id}/documents/{added.Id}")).TaskId);
        await Assert.ThrowsAsync<NotFoundException>(() => _work.SendAsModuleAsync(
            new AddDocument(project.Id, null, "lost.mov", "video/quicktime", new MemoryStream([1]), "frameio-user", "no-such-task")));
    }

    [Fact]
    public async Task Another_host_on_the_same_PostgreSQL_database_downloads_what_one_stored()
    {
        await using var database = await TestPostgresDatabase.CreateAsync();
        var bytes = Bytes(WorkHost.ChunkBytes * 2 + 1, 5);
        string projectId, documentId, adminToken;
        await using (var first = await WorkHost.StartAsync(database.ConnectionString))
        {
            adminToken = first.Host.AdminToken;
            projectId = (await first.CreateProjectAsync()).Id;
            documentId = (await (await first.UploadAsync($"/api/v1/projects/{projectId}/documents?name=a.bin", bytes, "application/octet-stream"))
                .ReadSuccessAsync<DocumentView>()).Id;
        }
        // The organization (and its administrator's token) came with the database.
        await using var second = await WorkHost.StartAsync(database.ConnectionString);

        using var admin = second.Host.Client(adminToken);
        Assert.Equal(bytes, await DownloadAsync(admin, projectId, documentId, 1, "application/octet-stream"));
    }

    private async Task<FolderView> CreateFolderAsync(string projectId, string name, string? parentFolderId) =>
        await (await Admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/folders", new { name, parentFolderId })).ReadSuccessAsync<FolderView>();

    private static async Task<byte[]> DownloadAsync(HttpClient client, string projectId, string documentId, int version, string contentType)
    {
        var response = await client.GetAsync($"/api/v1/projects/{projectId}/documents/{documentId}/versions/{version}/content",
            HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<long> TotalChunksAsync(WorkHost work)
    {
        await using var connection = await work.Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM work_document_chunks");
    }

    /// <summary>A body of the given length that records whether it was ever asked for.</summary>
    private sealed class UnreadContent(long declaredLength) : HttpContent
    {
        public bool WasSent { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            WasSent = true;
            return stream.WriteAsync(new byte[declaredLength]).AsTask();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = declaredLength;
            return true;
        }
    }

    /// <summary>A chunked body (no length) that sends its first part, then its second once resumed.</summary>
    private sealed class PausedContent(byte[] first, byte[] second) : HttpContent
    {
        private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Resume() => _resumed.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(first);
            await stream.FlushAsync();
            await _resumed.Task;
            await stream.WriteAsync(second);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static SecuredRef InProject(string projectId, ObjectType type, string id) => new(new ObjectRef(type, id), new ObjectRef(ObjectType.Project, projectId));
}
