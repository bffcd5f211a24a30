using System.Net.Http.Json;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>
/// 200 projects set Current while a fifth of Frame.io's answers are 5xx and the host is replaced midway by another
/// on the same PostgreSQL: every project is mirrored exactly once, with its share folder and upload, and no job is lost.
/// </summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class ConnectorReliabilityTests
{
    private const int Projects = 200;
    private const string Token = "fio-token-reliability";

    [Fact]
    public async Task Two_hundred_projects_are_mirrored_exactly_once_through_failures_and_a_host_restart()
    {
        await using var database = await TestPostgresDatabase.CreateAsync();
        await using var frameio = await FakeFrameioServer.StartAsync();
        var seed = frameio.AddTokenUser(Token);
        var first = await ConnectorHost.StartAsync(frameio, database.ConnectionString);
        await (await first.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = Token })).ReadSuccessAsync<object>();
        await (await first.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default/account", new { accountId = seed.Accounts[0].AccountId })).ReadSuccessAsync<object>();
        frameio.Faults.FailFraction(0.2, seed: 7);

        var ids = new List<string>();
        for (var i = 0; i < Projects; i++)
        {
            var project = await (await first.Admin.PostAsJsonAsync("/api/v1/projects", new { name = $"Project {i:000}" })).ReadSuccessAsync<ProjectView>();
            var folder = await (await first.Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/folders", new { name = "Share with Frame.io" })).ReadSuccessAsync<FolderView>();
            using var content = new ByteArrayContent([1, 2, 3]);
            content.Headers.ContentType = new("application/octet-stream");
            await (await first.Admin.PostAsync($"/api/v1/projects/{project.Id}/documents?name=brief-{i}.bin&folderId={folder.Id}", content)).ReadSuccessAsync<DocumentView>();
            await (await first.Admin.PutAsJsonAsync($"/api/v1/projects/{project.Id}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>();
            ids.Add(project.Id);
        }
        await Eventually.HoldsAsync(() => frameio.Snapshot().Projects.Count >= Projects / 4, "a quarter of the projects are mirrored", TimeSpan.FromSeconds(60));
        var adminToken = first.Host.AdminToken;
        await first.StopHostAsync();

        var second = await ConnectorHost.StartAsync(frameio, database.ConnectionString);
        await Eventually.HoldsAsync(() => frameio.Snapshot().Projects.Sum(p => p.Assets.Count(a => a.Type == "file")) >= Projects,
            "every upload is in Frame.io", TimeSpan.FromSeconds(90));
        frameio.Faults.FailFraction(0);

        var mirrored = frameio.Snapshot().Projects;
        Assert.Equal(Projects, mirrored.Count);
        Assert.Equal(Projects, mirrored.Select(p => p.Name).Distinct().Count());
        Assert.All(mirrored, p =>
        {
            Assert.Single(p.Assets, a => a.Type == "folder" && a.Name == "Share with Frame.io");
            Assert.Single(p.Assets, a => a.Type == "file");
        });
        // The store was bootstrapped by the first host: its administrator's token still holds.
        using var admin = second.Host.Client(adminToken);
        foreach (var id in ids)
        {
            var sync = await admin.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{id}");
            Assert.Empty(sync.Mirror.PendingSteps);
            Assert.Empty(sync.Mirror.ParkedSteps);
        }
        await second.StopHostAsync();
    }
}
