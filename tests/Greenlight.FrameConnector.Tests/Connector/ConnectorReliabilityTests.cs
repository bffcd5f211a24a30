using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Kernel.Organization;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing.Smtp;
using Npgsql;
using Xunit.Abstractions;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>
/// 200 projects set Current while a fifth of Frame.io's answers are 5xx, mirrored by host processes that share one
/// PostgreSQL and form one Orleans cluster of two. A host is killed (SIGKILL) at three points of the run, each time while
/// Frame.io holds the answers to creates it has made: before the mirror projects exist, while folders are being made,
/// while uploads run. A host starts again after each kill. In the end every project, folder, member and upload exists
/// in Frame.io exactly once, every work-assigned e-mail went out, and no job is parked or pending.
/// </summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class ConnectorReliabilityTests(ITestOutputHelper output)
{
    private const int Projects = 200;
    private const string Token = "fio-token-reliability";

    /// <summary>Creates whose answer is held back at each kill point: enough that the host killed holds some of them.</summary>
    private const int HeldPerKill = 6;

    private static readonly string[] Creatives = ["ada", "ben", "cleo"];

    [Fact]
    public async Task Two_hundred_projects_are_mirrored_exactly_once_though_hosts_die_at_three_points_of_the_run()
    {
        await using var database = await TestPostgresDatabase.CreateAsync();
        await using var frameio = await FakeFrameioServer.StartAsync();
        await using var smtp = SmtpSink.Start();
        var account = frameio.AddTokenUser(Token).Accounts[0].AccountId;
        // Frame.io paces creates per endpoint; paced here so that each stage of the run lasts long enough to be cut.
        frameio.RateLimits.Set("POST", FakeFrameioRoutes.Projects, 10, TimeSpan.FromSeconds(1));
        frameio.RateLimits.Set("POST", FakeFrameioRoutes.Folders, 20, TimeSpan.FromSeconds(1));
        frameio.RateLimits.Set("POST", FakeFrameioRoutes.LocalUpload, 4, TimeSpan.FromSeconds(1));
        var adminToken = "reliability-admin-" + Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:PostgreSql"] = database.ConnectionString,
            [OrganizationBootstrapper.TokenVariable] = adminToken,
            ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString(),
            ["FrameConnector:BaseBackoff"] = "00:00:00.050",
            ["FrameConnector:AttemptTimeout"] = "00:00:05",
            ["FrameConnector:StepRetryDelay"] = "00:00:00.200",
            ["FrameConnector:MaxStepRetryDelay"] = "00:00:02",
            ["Email:Host"] = smtp.Host,
            ["Email:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:From"] = "greenlight@example.test",
            // Short, so that the jobs a killed host had claimed are delivered by another within the test.
            ["Outbox:ClaimLease"] = "00:00:03",
            ["Outbox:PollInterval"] = "00:00:00.100",
            // Jobs that reach a grain of the killed silo before it is declared dead fail and are retried: their ten
            // attempts must outlast a slow declaration on a loaded machine, or they would be parked for nothing.
            ["Outbox:BaseRetryDelay"] = "00:00:00.100",
            ["Outbox:MaxRetryDelay"] = "00:00:05",
        };
        var hosts = new Queue<HostProcess>([await HostProcess.StartAsync(settings), await HostProcess.StartAsync(settings)]);
        try
        {
            using var admin = hosts.Last().Client(adminToken);
            await (await admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = Token })).ReadSuccessAsync<JsonElement>();
            await (await admin.PutAsJsonAsync("/api/v1/frameio/connections/default/account", new { accountId = account })).ReadSuccessAsync<JsonElement>();
            var creatives = await FlagCreativesAsync(admin, frameio, account);
            var expected = new ExpectedMirror[Projects];
            await Parallel.ForEachAsync(Enumerable.Range(0, Projects), new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (i, _) => expected[i] = await CreateProjectAsync(admin, i, creatives[i % creatives.Count]));

            frameio.Faults.FailFraction(0.2, seed: 7);
            await Parallel.ForEachAsync(expected, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (project, _) =>
                await (await admin.PutAsJsonAsync($"/api/v1/projects/{project.ProjectId}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>());

            frameio.Faults.Next(FakeFault.HoldAnswer, HeldPerKill, FakeFrameioRoutes.Projects);
            await KillWhenHeldAsync(hosts, frameio, HeldPerKill, "before the mirror projects exist");
            hosts.Enqueue(await HostProcess.StartAsync(settings));

            frameio.Faults.Next(FakeFault.HoldAnswer, HeldPerKill, FakeFrameioRoutes.Folders);
            await KillWhenHeldAsync(hosts, frameio, 2 * HeldPerKill, "while folders are being made");
            hosts.Enqueue(await HostProcess.StartAsync(settings));

            frameio.Faults.Next(FakeFault.HoldAnswer, HeldPerKill, FakeFrameioRoutes.LocalUpload);
            await KillWhenHeldAsync(hosts, frameio, 3 * HeldPerKill, "while uploads run");

            using var survivor = hosts.Last().Client(adminToken);
            await Eventually.MatchesAsync(() => MissingAsync(frameio, expected, survivor), missing => missing.Count == 0,
                TimeSpan.FromSeconds(180), "every project, folder, member and upload in Frame.io", TimeSpan.FromMilliseconds(500));
            frameio.Faults.FailFraction(0);
            await Eventually.HoldsAsync(async () => await UndeliveredAsync(database) == 0, "no outbox job is left", TimeSpan.FromSeconds(60));

            AssertMirroredExactlyOnce(frameio, expected);
            Assert.Empty(await survivor.GetSuccessAsync<List<JsonElement>>("/api/v1/admin/outbox/parked"));
            foreach (var project in expected)
            {
                var sync = await survivor.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{project.ProjectId}");
                Assert.Empty(sync.Mirror.PendingSteps);
                Assert.Empty(sync.Mirror.ParkedSteps);
                Assert.Empty(sync.Mirror.AwaitingInvite);
            }
            AssertEveryEmailSent(smtp, expected);
        }
        catch
        {
            foreach (var host in hosts) output.WriteLine(string.Join('\n', host.StandardOutput.Split('\n').TakeLast(60)));
            // The outbox's parked jobs say why a step that nothing drives any more stopped.
            using var last = hosts.Last().Client(adminToken);
            output.WriteLine("Parked jobs: " + await (await last.GetAsync("/api/v1/admin/outbox/parked")).Content.ReadAsStringAsync());
            throw;
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    /// <summary>Once Frame.io holds <paramref name="held"/> answers in all, kills the oldest host (SIGKILL) mid-call.</summary>
    private async Task KillWhenHeldAsync(Queue<HostProcess> hosts, FakeFrameioServer frameio, int held, string when)
    {
        await Eventually.HoldsAsync(() => frameio.AnswersHeld >= held, $"{held} answers held {when}", TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(20));
        await hosts.Dequeue().DisposeAsync();
        output.WriteLine($"Killed a host {when}: {frameio.Snapshot().Projects.Count} of {Projects} projects in Frame.io.");
    }

    private static void AssertMirroredExactlyOnce(FakeFrameioServer frameio, IReadOnlyList<ExpectedMirror> expected)
    {
        var mirrored = frameio.Snapshot().Projects;
        Assert.Equal(Projects, mirrored.Count);
        Assert.Equal(expected.Select(e => e.Name).Order(), mirrored.Select(p => p.Name).Order());
        foreach (var project in expected)
        {
            var mirror = Assert.Single(mirrored, p => p.Name == project.Name);
            Assert.Equal(new[] { ProjectMirrorGrain.ShareFolderName, project.TaskName }.Order(), mirror.Assets.Where(a => a.Type == "folder").Select(a => a.Name).Order());
            var upload = Assert.Single(mirror.Assets, a => a.Type == "file");
            Assert.Equal(3, mirror.Assets.Count); // two folders and the file: no second copy, no unfinished placeholder, no stack
            Assert.Equal(project.DocumentName, upload.Name);
            Assert.Equal(project.Content, frameio.UploadedBytes(upload.Id));
            Assert.Equal([project.FrameioUserId], mirror.UserRoles.Keys);
        }
    }

    /// <summary>
    /// Each creative hears once per project and once per task folder. An e-mail is sent at least once: one whose host died
    /// between sending it and recording that it was sent goes out again, which no SMTP relay can prevent.
    /// </summary>
    private void AssertEveryEmailSent(SmtpSink smtp, IReadOnlyList<ExpectedMirror> expected)
    {
        var sent = smtp.Messages.SelectMany(m => m.Recipients.Select(r => (Recipient: r, m.Subject))).ToList();
        var wanted = expected.SelectMany(e => new[]
        {
            (e.Email, $"Work assigned: project {e.Name} is in Frame.io"),
            (e.Email, $"Work assigned: task {e.TaskName} is in Frame.io"),
        }).ToList();
        Assert.Empty(wanted.Except(sent));
        output.WriteLine($"{sent.Count} work-assigned e-mails for {wanted.Count} assignments.");
    }

    /// <summary>What one project's mirror must hold: the task's folder, the share folder, the upload, the assignee as member.</summary>
    private sealed record ExpectedMirror(string ProjectId, string Name, string TaskName, string DocumentName, byte[] Content, string FrameioUserId, string Email);

    private sealed record Creative(string UserId, string FrameioUserId, string Email);

    /// <summary>Creates the creatives through the Access API, flags them for Frame.io, and gives them Frame.io identities in the account.</summary>
    private static async Task<IReadOnlyList<Creative>> FlagCreativesAsync(HttpClient admin, FakeFrameioServer frameio, string account)
    {
        var creatives = new List<Creative>();
        foreach (var name in Creatives)
            creatives.Add(new Creative(await admin.CreateUserAsync(name), frameio.AddAccountMember(account, AccessUsers.EmailOf(name)), AccessUsers.EmailOf(name)));
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
        return new ExpectedMirror(project.Id, project.Name, task.Name, document.Name, bytes, creative.FrameioUserId, creative.Email);
    }

    /// <summary>The expected mirrors not complete in Frame.io yet, each with what Frame.io holds of it and what its mirror believes.</summary>
    private static async Task<IReadOnlyList<string>> MissingAsync(FakeFrameioServer frameio, IReadOnlyList<ExpectedMirror> expected, HttpClient client)
    {
        var mirrored = frameio.Snapshot().Projects.ToLookup(p => p.Name);
        var missing = expected.Where(e => !mirrored[e.Name].Any(p =>
            p.Assets.Count(a => a.Type == "folder") >= 2 && p.UserRoles.Count >= 1
            && p.Assets.Any(a => a.Type == "file" && frameio.UploadedBytes(a.Id) is not null))).ToList();
        var described = new List<string>();
        foreach (var e in missing.Take(3))
        {
            var inFrameio = string.Join("; ", mirrored[e.Name].Select(p => $"{p.Id}: members [{string.Join(", ", p.UserRoles.Keys)}], " +
                $"assets [{string.Join(", ", p.Assets.Select(a => $"{a.Type} {a.Name} {a.Id}{(a.Type == "file" && frameio.UploadedBytes(a.Id) is null ? " (parts missing)" : "")}"))}]"));
            described.Add($"{e.Name} in Frame.io: {(inFrameio.Length == 0 ? "no project" : inFrameio)}");
            try
            {
                var sync = await client.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{e.ProjectId}");
                var mirror = sync.Mirror;
                described.Add($"{e.Name} mirror: project {mirror.FrameioProjectId}, share folder {mirror.ShareFolderId} (here {mirror.ProjectShareFolderId}), " +
                    $"task folders [{string.Join(", ", mirror.TaskFolders.Values)}], members [{string.Join(", ", mirror.Members.Values)}], " +
                    $"uploads [{string.Join(", ", mirror.Uploads.Values)}], awaiting invite [{string.Join(", ", mirror.AwaitingInvite.Keys)}], " +
                    $"not connected: {mirror.NotConnectedReason ?? "-"}, pending [{string.Join(", ", mirror.PendingSteps)}], " +
                    $"parked [{string.Join(", ", mirror.ParkedSteps)}], {sync.Reason}");
            }
            catch (Exception unavailable)
            {
                // Only a description: right after a kill, the cluster may not have declared the dead silo dead yet.
                described.Add($"{e.Name}: sync view unavailable ({unavailable.Message})");
            }
        }
        return missing.Count == 0 ? [] : [$"{missing.Count} incomplete", .. described];
    }

    /// <summary>Outbox jobs not delivered yet, parked or not: mirror steps, e-mails, anything.</summary>
    private static async Task<long> UndeliveredAsync(TestPostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM outbox_messages", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
