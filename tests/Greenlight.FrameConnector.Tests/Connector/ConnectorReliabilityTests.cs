using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Kernel.Organization;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Work.Contracts;
using Xunit.Abstractions;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>
/// 200 projects set Current while a fifth of Frame.io's answers are 5xx, and the host process is killed (SIGKILL)
/// midway through the mirroring and started again on the same PostgreSQL: exactly 200 Frame.io projects, each
/// with its folders, member and upload once, and no job lost or parked.
/// </summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class ConnectorReliabilityTests(ITestOutputHelper output)
{
    private const int Projects = 200;
    private const string Token = "fio-token-reliability";
    private static readonly string[] Creatives = ["ada", "ben", "cleo"];

    [Fact]
    public async Task Two_hundred_projects_are_mirrored_exactly_once_through_failures_and_a_killed_host()
    {
        await using var database = await TestPostgresDatabase.CreateAsync();
        await using var frameio = await FakeFrameioServer.StartAsync();
        var account = frameio.AddTokenUser(Token).Accounts[0].AccountId;
        // Paced project creation, so the mirroring lasts long enough to be cut midway.
        frameio.RateLimits.Set("POST", FakeFrameioRoutes.Projects, 20, TimeSpan.FromSeconds(1));
        var adminToken = "reliability-admin-" + Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:PostgreSql"] = database.ConnectionString,
            [OrganizationBootstrapper.TokenVariable] = adminToken,
            ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString(),
            ["FrameConnector:BaseBackoff"] = "00:00:00.050",
            ["FrameConnector:AttemptTimeout"] = "00:00:05",
            // Short, so that the jobs the killed host had claimed are delivered by the next within the test.
            ["Outbox:ClaimLease"] = "00:00:03",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:BaseRetryDelay"] = "00:00:00.100",
            ["Outbox:MaxRetryDelay"] = "00:00:02",
        };

        await using var first = await HostProcess.StartAsync(settings);
        using var admin = first.Client(adminToken);
        await (await admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = Token })).ReadSuccessAsync<JsonElement>();
        await (await admin.PutAsJsonAsync("/api/v1/frameio/connections/default/account", new { accountId = account })).ReadSuccessAsync<JsonElement>();
        var creatives = await FlagCreativesAsync(admin, frameio, account);
        var expected = new ExpectedMirror[Projects];
        await Parallel.ForEachAsync(Enumerable.Range(0, Projects), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => expected[i] = await CreateProjectAsync(admin, i, creatives[i % creatives.Count]));

        frameio.Faults.FailFraction(0.2, seed: 7);
        await Parallel.ForEachAsync(expected, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (project, _) =>
            await (await admin.PutAsJsonAsync($"/api/v1/projects/{project.ProjectId}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>());
        await Eventually.HoldsAsync(() => frameio.Snapshot().Projects.Count >= Projects / 4, "a quarter of the projects are mirrored",
            TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        await first.KillAsync();
        var mirroredWhenKilled = frameio.Snapshot().Projects.Count;
        Assert.InRange(mirroredWhenKilled, Projects / 4, Projects - 1);
        output.WriteLine($"Killed the host with {mirroredWhenKilled} of {Projects} projects mirrored.");

        await using var second = await HostProcess.StartAsync(settings);
        using var restarted = second.Client(adminToken);
        await Eventually.MatchesAsync(async () => await MissingAsync(frameio, expected, restarted), missing => missing.Count == 0,
            TimeSpan.FromSeconds(90), "every project, folder, member and upload in Frame.io", TimeSpan.FromMilliseconds(500));
        frameio.Faults.FailFraction(0);

        var mirrored = frameio.Snapshot().Projects;
        Assert.Equal(Projects, mirrored.Count);
        Assert.Equal(Projects, mirrored.Select(p => p.Name).Distinct().Count());
        foreach (var project in expected)
        {
            var mirror = Assert.Single(mirrored, p => p.Name == project.Name);
            Assert.Equal(new[] { ProjectMirrorGrain.ShareFolderName, project.TaskName }.Order(), mirror.Assets.Where(a => a.Type == "folder").Select(a => a.Name).Order());
            var upload = Assert.Single(mirror.Assets, a => a.Type == "file");
            Assert.Equal(project.DocumentName, upload.Name);
            Assert.Equal(project.Content, frameio.UploadedBytes(upload.Id));
            Assert.Equal([project.FrameioUserId], mirror.UserRoles.Keys);
        }
        Assert.Empty(await restarted.GetSuccessAsync<List<JsonElement>>("/api/v1/admin/outbox/parked"));
        foreach (var project in expected)
        {
            var sync = await restarted.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{project.ProjectId}");
            Assert.Empty(sync.Mirror.PendingSteps);
            Assert.Empty(sync.Mirror.ParkedSteps);
        }
    }

    /// <summary>What one project's mirror must hold: the task's folder, the share folder, the upload, the assignee as member.</summary>
    private sealed record ExpectedMirror(string ProjectId, string Name, string TaskName, string DocumentName, byte[] Content, string FrameioUserId);

    private sealed record Creative(string UserId, string FrameioUserId);

    /// <summary>Creates the creatives through the Access API, flags them for Frame.io, and gives them Frame.io identities in the account.</summary>
    private static async Task<IReadOnlyList<Creative>> FlagCreativesAsync(HttpClient admin, FakeFrameioServer frameio, string account)
    {
        var creatives = new List<Creative>();
        foreach (var name in Creatives)
            creatives.Add(new Creative(await admin.CreateUserAsync(name), frameio.AddAccountMember(account, AccessUsers.EmailOf(name))));
        var flagged = await admin.PutAsJsonAsync("/api/v1/access/users/frameio", new { userIds = creatives.Select(c => c.UserId), addToFrameioProjects = true });
        Assert.Equal(HttpStatusCode.OK, flagged.StatusCode);
        return creatives;
    }

    /// <summary>Through the Work API: the project, a task assigned to the creative, a document in the share folder.</summary>
    private static async Task<ExpectedMirror> CreateProjectAsync(HttpClient admin, int i, Creative creative)
    {
        var project = await (await admin.PostAsJsonAsync("/api/v1/projects", new { name = $"Project {i:000}" })).ReadSuccessAsync<ProjectView>();
        var task = await (await admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/tasks", new { name = $"Cut {i:000}" })).ReadSuccessAsync<TaskView>();
        var assigned = await admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/tasks/{task.Id}/assignments", new { kind = "User", assigneeId = creative.UserId });
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        var folder = await (await admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/folders", new { name = ProjectMirrorGrain.ShareFolderName })).ReadSuccessAsync<FolderView>();
        var bytes = BitConverter.GetBytes(i);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/octet-stream");
        var document = await (await admin.PostAsync($"/api/v1/projects/{project.Id}/documents?name=brief-{i:000}.bin&folderId={folder.Id}", content)).ReadSuccessAsync<DocumentView>();
        return new ExpectedMirror(project.Id, project.Name, task.Name, document.Name, bytes, creative.FrameioUserId);
    }

    /// <summary>The expected mirrors not complete in Frame.io yet, with what their sync view says is pending or parked.</summary>
    private static async Task<IReadOnlyList<string>> MissingAsync(FakeFrameioServer frameio, IReadOnlyList<ExpectedMirror> expected, HttpClient client)
    {
        var mirrored = frameio.Snapshot().Projects.ToLookup(p => p.Name);
        var missing = expected.Where(e => !mirrored[e.Name].Any(p =>
            p.Assets.Count(a => a.Type == "folder") >= 2 && p.UserRoles.Count >= 1
            && p.Assets.Any(a => a.Type == "file" && frameio.UploadedBytes(a.Id) is not null))).ToList();
        var described = new List<string>();
        foreach (var e in missing.Take(3))
        {
            var sync = await client.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{e.ProjectId}");
            described.Add($"{e.Name}: pending [{string.Join(", ", sync.Mirror.PendingSteps)}], parked [{string.Join(", ", sync.Mirror.ParkedSteps)}], {sync.Reason}");
        }
        return missing.Count == 0 ? [] : [$"{missing.Count} incomplete", .. described];
    }
}
