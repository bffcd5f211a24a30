using System.Collections.Concurrent;
using System.Net;
using Greenlight.Host.Tests.Support;
using Greenlight.Kernel.Outbox;
using Xunit.Abstractions;

namespace Greenlight.Host.Tests.Cluster;

/// <summary>
/// Host processes on one PostgreSQL database form one Orleans cluster, and through any host's HTTP API
/// it behaves as one: every grain has one activation wherever it is called, no update is lost or
/// applied twice, a revocation made through one host holds on every host at once, and a kill -9 in
/// the middle of writes loses nothing acknowledged and no message. Run with two and with three hosts.
/// </summary>
public abstract class ClusterTests(SampleClusterFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    // Generous: delivery after a kill waits for the killed host's claims to lapse, on a loaded machine.
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RecoveryWait = TimeSpan.FromSeconds(90);

    private HostCluster Cluster => fixture.Cluster;

    // A test that kills a host starts it again at its end; this covers one that failed before it could.
    public Task InitializeAsync() => Cluster.EnsureAllRunningAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_host_reaches_the_one_activation_of_each_grain()
    {
        var placements = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var counter = Unique($"placed-{i}");
            // Every host asks at once for a grain nobody has activated yet, then each asks again.
            var first = await Task.WhenAll(Cluster.Running.Select(host => Cluster[host].GetActivationAsync(counter)));
            var again = await Task.WhenAll(Cluster.Running.Select(host => Cluster[host].GetActivationAsync(counter)));

            var activation = Assert.Single(first.Concat(again).Distinct());
            placements.Add(Cluster.IndexOfSilo(activation.Silo));
        }
        output.WriteLine("Activations per host: " + string.Join(", ", placements.GroupBy(h => h).OrderBy(g => g.Key).Select(g => $"host {g.Key}: {g.Count()}")));
    }

    [Fact]
    public async Task Concurrent_increments_through_every_host_lose_none()
    {
        const int writersPerHost = 4, incrementsPerWriter = 15;
        var counter = Unique("contended");
        var answers = new ConcurrentBag<long>();

        await Task.WhenAll(Cluster.Running.SelectMany(host => Enumerable.Range(0, writersPerHost).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < incrementsPerWriter; i++) answers.Add(await Cluster[host].IncrementOkAsync(counter));
        }))));

        // Every answer is a value of its own, and together they are 1..N: none lost, none applied twice.
        var expected = Cluster.Size * writersPerHost * incrementsPerWriter;
        Assert.Equal(Enumerable.Range(1, expected).Select(v => (long)v), answers.Order());
        await AssertEverywhereAsync(counter, expected);
        await AssertDeliveredOnceAsync(counter, expected);
    }

    [Fact]
    public async Task A_write_through_one_host_is_read_through_every_host_at_once()
    {
        var counter = Unique("watched");
        for (var value = 1; value <= 2 * Cluster.Size; value++)
        {
            Assert.Equal(value, await Cluster[value % Cluster.Size].IncrementOkAsync(counter));

            // No waiting: every host reaches the one activation, which answers with the write it made.
            foreach (var host in Cluster.Running) Assert.Equal(value, await Cluster[host].GetCounterAsync(counter));
        }
    }

    [Fact]
    public async Task A_revocation_through_one_host_is_enforced_by_every_other_on_the_next_request()
    {
        foreach (var granting in Cluster.Running)
        foreach (var reading in Cluster.Running.Where(host => host != granting))
        {
            var admin = Cluster[granting];
            var project = await admin.CreateProjectAsync(Unique("shared"));
            var (userId, token) = await admin.CreateUserWithTokenAsync(Unique("reader"));
            using var user = Cluster.Host(reading).Client(token);
            var path = ProjectSharing.ProjectPath(project);
            await (await user.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound, "before the share:");

            await admin.ShareProjectAsync(project, userId, "View");
            // The reading host now holds whatever it keeps of the project, the user and the grant.
            for (var read = 0; read < 2; read++) Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(path)).StatusCode);
            await admin.RevokeProjectShareAsync(project, userId);

            await (await user.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound,
                $"shared and revoked through host {granting}, read through host {reading}:");
        }
    }

    [Fact]
    public async Task A_token_revoked_through_one_host_is_refused_by_every_other_on_the_next_request()
    {
        foreach (var revoking in Cluster.Running)
        foreach (var reading in Cluster.Running.Where(host => host != revoking))
        {
            var (_, token) = await Cluster[revoking].CreateUserWithTokenAsync(Unique("holder"));
            using var onReading = Cluster.Host(reading).Client(token);
            using var onRevoking = Cluster.Host(revoking).Client(token);
            // The reading host now holds whatever it keeps of the token.
            var tokens = await onReading.GetJsonAsync("/api/v1/tokens");
            Assert.Equal(HttpStatusCode.OK, (await onReading.GetAsync("/api/v1/tokens")).StatusCode);

            var id = tokens.EnumerateArray().Single().GetProperty("id").GetString();
            Assert.Equal(HttpStatusCode.NoContent, (await onRevoking.DeleteAsync($"/api/v1/tokens/{id}")).StatusCode);

            await (await onReading.GetAsync("/api/v1/tokens")).AssertProblemAsync(HttpStatusCode.Unauthorized,
                $"revoked through host {revoking}, used through host {reading}:");
        }
    }

    [Fact]
    public async Task Killing_a_host_mid_writes_loses_no_acknowledged_write_and_no_message()
    {
        var writers = Enumerable.Range(1, 2 * Cluster.Size).Select(i => new CounterWriter(Unique($"crash-{i}"))).ToList();
        using var stop = new CancellationTokenSource();
        var streams = writers.Select((writer, i) => Task.Run(async () =>
        {
            for (var n = i; !stop.IsCancellationRequested; n++) await writer.IncrementAsync(Cluster, preferredHost: n % Cluster.Size);
        })).ToList();

        await WhenEveryWriterAppliedAsync(writers, streams, 10);
        var victim = await HostHoldingMostAsync(writers.Select(w => w.Counter));
        await Cluster.KillAsync(victim);
        // Calls succeed again on the survivors, the killed host's grains included.
        await WhenEveryWriterAppliedAsync(writers, streams, 10);
        await Cluster.StartAsync(victim);
        await WhenEveryWriterAppliedAsync(writers, streams, 10);
        await stop.CancelAsync();
        await Task.WhenAll(streams);

        var redelivered = 0;
        foreach (var writer in writers)
        {
            var value = await Cluster[victim].GetCounterAsync(writer.Counter);
            output.WriteLine($"'{writer.Counter}': {value} applied, {writer.AnswersLost} answers lost with host {victim}.");
            writer.AssertFinalValue(value);
            await AssertEverywhereAsync(writer.Counter, value);
            var deliveries = await WhenAllDeliveredAsync(writer.Counter, value);
            redelivered += deliveries.Count(d => d.Deliveries > 1);
        }
        // The outbox delivers at least once: a message the killed host was delivering as it died (at most
        // its Outbox:Concurrency) may be delivered again by a survivor. Nothing else may be.
        output.WriteLine($"{redelivered} messages delivered twice.");
        Assert.InRange(redelivered, 0, new OutboxOptions().Concurrency);
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The counter reads <paramref name="expected"/> through every host, and its grain stored it.</summary>
    private async Task AssertEverywhereAsync(string counter, long expected)
    {
        foreach (var host in Cluster.Running) Assert.Equal(expected, await Cluster[host].GetCounterAsync(counter));
        Assert.Equal(expected, await Cluster.StoredValueAsync(counter));
    }

    private async Task AssertDeliveredOnceAsync(string counter, long value)
    {
        var deliveries = await WhenAllDeliveredAsync(counter, value);
        Assert.All(deliveries, d => Assert.True(d.Deliveries == 1, $"'{counter}' value {d.Value} was delivered {d.Deliveries} times."));
    }

    /// <summary>Waits until the values 1..<paramref name="value"/> were delivered and the outbox holds none of the counter's messages.</summary>
    private async Task<List<CounterDelivery>> WhenAllDeliveredAsync(string counter, long value)
    {
        await Cluster.Live(0).WaitForDeliveriesUpToAsync(counter, value, DeliveryWait);
        await Eventually.MatchesAsync(() => Cluster.QueuedDeliveriesAsync(counter), queued => queued == 0, DeliveryWait,
            $"done with the outbox messages of '{counter}'");
        return await Cluster.Live(0).GetDeliveriesAsync(counter);
    }

    private async Task<int> HostHoldingMostAsync(IEnumerable<string> counters)
    {
        var holders = new List<int>();
        foreach (var counter in counters) holders.Add(Cluster.IndexOfSilo((await Cluster.Live(0).GetActivationAsync(counter)).Silo));
        return holders.GroupBy(h => h).MaxBy(g => g.Count())!.Key;
    }

    /// <summary>Waits until each writer has applied <paramref name="more"/> increments beyond what it has now.</summary>
    private static Task WhenEveryWriterAppliedAsync(IReadOnlyList<CounterWriter> writers, IReadOnlyList<Task> streams, int more)
    {
        var targets = writers.Select(w => w.Applied + more).ToList();
        return Eventually.MatchesAsync(async () =>
            {
                // A writer that failed (a lost write, an error answer) stops; report that, not a timeout.
                if (streams.FirstOrDefault(s => s.IsFaulted) is { } failed) await failed;
                return writers.Select((w, i) => w.Applied >= targets[i]).ToList();
            },
            reached => reached.All(r => r), RecoveryWait, $"{more} more increments by every writer");
    }
}

[Collection(TwoHostCollection.Name)]
public sealed class TwoHostClusterTests(TwoHostCluster fixture, ITestOutputHelper output) : ClusterTests(fixture, output);

public sealed class ThreeHostClusterTests(ThreeHostCluster fixture, ITestOutputHelper output)
    : ClusterTests(fixture, output), IClassFixture<ThreeHostCluster>;
