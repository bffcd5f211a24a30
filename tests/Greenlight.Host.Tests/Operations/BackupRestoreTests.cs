using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Kernel.Organization;
using Greenlight.Testing.Frameio;

namespace Greenlight.Host.Tests.Operations;

/// <summary>
/// <c>backup</c> while writers keep writing through the HTTP API of a real host process, then <c>restore</c> into an
/// empty folder and a new host on it: every write acknowledged before the backup began is there, and the stored
/// Frame.io token still decrypts with the same master key.
/// </summary>
public sealed class BackupRestoreTests
{
    private const string FrameioToken = "frameio-token-backed-up";
    private readonly string _adminToken = "test-admin-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_backup_taken_while_writers_write_restores_every_acknowledged_write_and_its_secrets()
    {
        await using var frameio = await FakeFrameioServer.StartAsync();
        var seed = frameio.AddTokenUser(FrameioToken);
        var database = Path.Combine(TestPaths.NewTemporaryDirectory(), "data", "greenlight.db");
        var backup = Path.Combine(TestPaths.NewTemporaryDirectory(), "greenlight.backup");

        List<string> acknowledgedBeforeBackup;
        await using (var original = await StartAsync(database, frameio))
        {
            using var admin = original.Client(_adminToken);
            await (await admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = FrameioToken })).ReadSuccessAsync<JsonElement>();
            await (await admin.PutAsJsonAsync("/api/v1/frameio/connections/default/account", new { accountId = seed.Accounts[0].AccountId })).ReadSuccessAsync<JsonElement>();

            var acknowledged = new ConcurrentQueue<string>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 2).Select(_ => WriteProjectsAsync(admin, acknowledged, stop.Token)).ToList();
            await Eventually.HoldsAsync(() => acknowledged.Count >= 10, "the writers are writing", TimeSpan.FromMinutes(1));

            acknowledgedBeforeBackup = [.. acknowledged];
            var made = (await HostCommand.RunAsync("backup", backup, $"--Storage:SqlitePath={database}")).Succeeded();
            var countAfterBackup = acknowledged.Count;
            await Eventually.HoldsAsync(() => acknowledged.Count >= countAfterBackup + 5, "the writers go on after the backup", TimeSpan.FromMinutes(1));
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            Assert.Contains("master key", made.StandardOutput);
            Assert.DoesNotContain(TestSecrets.MasterKey, made.StandardOutput);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        }

        var occupied = Path.GetDirectoryName(database)!;
        var refused = await HostCommand.RunAsync("restore", backup, "--data", occupied);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"The data folder {occupied} is not empty: restore only into an empty folder (move the old one aside).", refused.StandardError.Trim());

        var emptyFolder = Path.Combine(TestPaths.NewTemporaryDirectory(), "restored");
        var restored = (await HostCommand.RunAsync("restore", backup, "--data", emptyFolder)).Succeeded();
        Assert.Contains("master key", restored.StandardOutput);

        await using var host = await StartAsync(Path.Combine(emptyFolder, "greenlight.db"), frameio);
        using var client = host.Client(_adminToken);
        foreach (var projectId in acknowledgedBeforeBackup)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/projects/{projectId}")).StatusCode);
        var test = await (await client.PostAsync("/api/v1/frameio/connections/default/test", null)).ReadSuccessAsync<JsonElement>();
        Assert.True(test.GetProperty("ok").GetBoolean(), test.ToString());
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task A_host_on_PostgreSQL_is_told_to_use_pg_dump_or_pg_restore(string command)
    {
        var refused = await HostCommand.RunAsync(command, "greenlight.backup", "--Storage:PostgreSql=Host=127.0.0.1;Database=none");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(command == "backup" ? "pg_dump" : "pg_restore", refused.StandardError);
        Assert.Single(refused.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public async Task Restore_names_a_missing_file_and_a_file_that_is_not_a_backup_in_one_line()
    {
        var folder = TestPaths.NewTemporaryDirectory();
        var missing = Path.Combine(folder, "missing.backup");
        var notBackup = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(notBackup, "not a database");
        var target = Path.Combine(folder, "data");

        var noFile = await HostCommand.RunAsync("restore", missing, "--data", target);
        var notDatabase = await HostCommand.RunAsync("restore", notBackup, "--data", target);

        Assert.Equal((1, $"There is no file {missing}."), (noFile.ExitCode, noFile.StandardError.Trim()));
        Assert.Equal((1, $"{notBackup} is not a Greenlight backup: it is not a SQLite database."), (notDatabase.ExitCode, notDatabase.StandardError.Trim()));
        Assert.False(Directory.Exists(target));
    }

    private Task<HostProcess> StartAsync(string database, FakeFrameioServer frameio) => HostProcess.StartAsync(
        new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = database,
            ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString(),
            ["Cluster:Dashboard"] = "false",
        },
        environment: new Dictionary<string, string?> { [OrganizationBootstrapper.TokenVariable] = _adminToken });

    /// <summary>Creates projects one after another until stopped; a project counts once the API answered 201.</summary>
    private static async Task WriteProjectsAsync(HttpClient admin, ConcurrentQueue<string> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/projects", new { name = $"project-{Guid.NewGuid():N}" }, CancellationToken.None);
            acknowledged.Enqueue((await response.ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
    }
}
