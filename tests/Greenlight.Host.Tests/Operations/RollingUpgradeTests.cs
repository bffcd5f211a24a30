using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenlight.Kernel.Organization;
using Greenlight.Testing.Frameio;
using Greenlight.Testing.Smtp;
using Xunit.Abstractions;

namespace Greenlight.Host.Tests.Operations;

/// <summary>
/// A rolling upgrade: the host built at the commit that made the newest <see cref="UpgradeFixture"/> (the version someone
/// upgrades from, built once by <c>scripts/build-old-host.sh</c>) and today's host, as real processes on one PostgreSQL
/// database, form one Orleans cluster. Each writes every kind of object while it is the only host, so the grains and the
/// messages are its version's; the other reads them through its own API (calls that cross silos between versions),
/// activates them after the writer is killed, and delivers the e-mails the writer queued (each host has an SMTP relay of
/// its own, and the writer's refuses mail, so what a relay receives was sent by the other version). At the end the old
/// host is stopped and today's serves everything alone.
/// </summary>
public sealed class RollingUpgradeTests(ITestOutputHelper output)
{
    // Generous: after a kill, calls wait until the cluster declares the silo dead; hosts start slowly on a loaded machine.
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_old_and_a_new_host_in_one_cluster_read_each_others_state_and_deliver_each_others_messages()
    {
        var fixture = UpgradeFixture.All().Last();
        var oldHost = await OldHostDirectoryAsync(fixture.MadeByCommit);
        await using var database = await TestPostgresDatabase.CreateAsync();
        await using var frameio = await FakeFrameioServer.StartAsync();
        await using var oldRelay = SmtpSink.Start();
        await using var newRelay = SmtpSink.Start();
        var adminToken = "rolling-upgrade-" + Guid.NewGuid().ToString("N");
        await using var hosts = new Hosts(database.ConnectionString, frameio, adminToken, oldHost, oldRelay, newRelay);

        output.WriteLine($"Old version: {fixture.MadeByCommit} ({oldHost}).");
        oldRelay.RefuseMessages();
        using var old1 = await hosts.StartOldAsync();
        var before = await EveryKindOfObject.CreateAsync(old1, frameio);
        var beforeByOld = await before.ReadAsync(old1);

        using var new1 = await hosts.StartNewAsync();
        await EmailedAsync(newRelay, before, "queued by the old host alone, delivered by the new one");
        AssertNewerAnswers(beforeByOld, await before.ReadAsync(new1), "written by old, read through new");

        await hosts.KillOldAsync();
        AssertNewerAnswers(beforeByOld, await ReadOnceServingAsync(before, new1), "written by old, activated on new");
        newRelay.RefuseMessages();
        var after = await EveryKindOfObject.CreateAsync(new1, frameio: null, suffix: " upgraded");

        oldRelay.AcceptMessages();
        using var old2 = await hosts.StartOldAsync();
        await EmailedAsync(oldRelay, after, "queued by the new host alone, delivered by the old one");
        var byOld = await ReadBothAsync(old2, before, after);
        AssertNewerAnswers(byOld, await ReadBothAsync(new1, before, after), "both versions' objects, through old and through new");

        await hosts.KillNewAsync();
        var byOldAlone = await ReadBothAsync(old2, before, after, onceServing: true);
        AssertNewerAnswers(byOld, byOldAlone, "written by new, activated on old");

        using var new2 = await hosts.StartNewAsync();
        await hosts.KillOldAsync();
        AssertNewerAnswers(byOldAlone, await ReadBothAsync(new2, before, after, onceServing: true), "the new host alone, after the old one stopped");
        foreach (var project in new[] { before.ProjectId, after.ProjectId })
            await (await new2.PostAsJsonAsync($"/api/v1/projects/{project}/tasks", new { name = "Print" })).ReadSuccessAsync<JsonElement>();
        var test = await (await new2.PostAsync("/api/v1/frameio/connections/default/test", null)).ReadSuccessAsync<JsonElement>();
        Assert.True(test.GetProperty("ok").GetBoolean(), test.ToString());
    }

    /// <summary>The hosts of both versions on one database, each with its own SMTP relay; every client they hand out is the administrator's.</summary>
    private sealed class Hosts(string connectionString, FakeFrameioServer frameio, string adminToken, string oldHostDirectory, SmtpSink oldRelay, SmtpSink newRelay)
        : IAsyncDisposable
    {
        private HostProcess? _old;
        private HostProcess? _new;

        public async Task<HttpClient> StartOldAsync()
        {
            _old = await HostProcess.StartAsync(Settings(oldRelay), hostDirectory: oldHostDirectory);
            return _old.Client(adminToken);
        }

        public async Task<HttpClient> StartNewAsync()
        {
            _new = await HostProcess.StartAsync(Settings(newRelay));
            return _new.Client(adminToken);
        }

        public Task KillOldAsync() => KillAsync(ref _old);

        public Task KillNewAsync() => KillAsync(ref _new);

        private static Task KillAsync(ref HostProcess? host)
        {
            var killed = host ?? throw new InvalidOperationException("That host is not running.");
            host = null;
            return killed.DisposeAsync().AsTask();
        }

        private Dictionary<string, string?> Settings(SmtpSink relay) => new()
        {
            ["Storage:PostgreSql"] = connectionString,
            [OrganizationBootstrapper.TokenVariable] = adminToken,
            ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString(),
            ["Email:Host"] = relay.Host, ["Email:Port"] = relay.Port.ToString(), ["Email:From"] = "greenlight@example.test",
            // Short, so that what a killed host had claimed goes to the other within the test; no e-mail parked while a relay refuses.
            ["Outbox:ClaimLease"] = "00:00:03",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:BaseRetryDelay"] = "00:00:00.100",
            ["Outbox:MaxRetryDelay"] = "00:00:01",
            ["Outbox:MaxAttempts"] = "10000",
        };

        public async ValueTask DisposeAsync()
        {
            if (_old is not null) await _old.DisposeAsync();
            if (_new is not null) await _new.DisposeAsync();
        }
    }

    /// <summary>The approval e-mailed its approver through <paramref name="relay"/>: only the other version's host sends through it.</summary>
    private static Task EmailedAsync(SmtpSink relay, EveryKindOfObject objects, string what) => Eventually.HoldsAsync(
        () => relay.Messages.Any(m => m.Recipients.Contains(objects.ReviewerEmail!, StringComparer.OrdinalIgnoreCase)), $"an e-mail {what}", Within);

    /// <summary>Both sets' reads through <paramref name="client"/>; <paramref name="onceServing"/>: waiting for them after a kill.</summary>
    private static async Task<Dictionary<string, JsonNode?>> ReadBothAsync(HttpClient client, EveryKindOfObject before, EveryKindOfObject after, bool onceServing = false)
    {
        var reads = onceServing ? await ReadOnceServingAsync(before, client) : await before.ReadAsync(client);
        foreach (var (path, answer) in await after.ReadAsync(client)) reads[path] = answer;
        return reads;
    }

    /// <summary>Reads once every read succeeds: right after a kill, calls to the dead silo's activations fail until the cluster declares it dead.</summary>
    private static async Task<Dictionary<string, JsonNode?>> ReadOnceServingAsync(EveryKindOfObject objects, HttpClient client) => (await Eventually.MatchesAsync<Dictionary<string, JsonNode?>?>(
        async () =>
        {
            try
            {
                return await objects.ReadAsync(client);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
            {
                return null;
            }
        },
        reads => reads is not null, Within, "every read answers after the kill"))!;

    /// <summary>The newer answer says everything the older one said (a newer version may add fields, not change or drop them).</summary>
    private static void AssertNewerAnswers(Dictionary<string, JsonNode?> older, Dictionary<string, JsonNode?> newer, string what)
    {
        foreach (var (path, answer) in older)
            Assert.True(UpgradeTests.Contains(answer, newer[path]), $"{what}: GET {path}\nolder: {answer?.ToJsonString()}\nnewer: {newer[path]?.ToJsonString()}");
    }

    /// <summary>The folder of the old version's Greenlight.Host.dll, built by the script once per commit (test.sh builds it before the tests).</summary>
    private static async Task<string> OldHostDirectoryAsync(string commit)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = UpgradeFixture.RepositoryFolder };
        start.ArgumentList.Add(Path.Combine(UpgradeFixture.RepositoryFolder, "scripts", "build-old-host.sh"));
        start.ArgumentList.Add(commit);
        using var build = Process.Start(start)!;
        var standardError = build.StandardError.ReadToEndAsync();
        var folder = (await build.StandardOutput.ReadToEndAsync()).Trim();
        await build.WaitForExitAsync();
        Assert.True(build.ExitCode == 0, $"scripts/build-old-host.sh {commit}: {await standardError}");
        return folder;
    }
}
