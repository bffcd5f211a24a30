using Greenlight.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using Greenlight.Host.Tests.Support;
using Xunit.Abstractions;

namespace Greenlight.Host.Tests.MultiHost;

/// <summary>Two hosts sharing one PostgreSQL store: no write is lost, writes are seen everywhere, and a crash loses nothing.</summary>
public sealed class TwoHostTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(20);
    private HostPair _hosts = null!;

    public async Task InitializeAsync() => _hosts = await HostPair.StartAsync();

    public async Task DisposeAsync() => await _hosts.DisposeAsync();

    [Fact]
    public async Task Concurrent_increments_of_one_counter_through_both_hosts_lose_none()
    {
        const string counter = "contended";
        const int writersPerHost = 3, incrementsPerWriter = 10, maxRounds = 5;
        var applied = new ConcurrentBag<long>();
        var conflicts = 0;
        var rounds = 0;

        // Rounds until the hosts have raced at least once: on a loaded machine one round may run without overlap.
        for (; conflicts == 0 && rounds < maxRounds; rounds++)
        {
            await Task.WhenAll(Enumerable.Range(0, 2 * writersPerHost).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; i < incrementsPerWriter; i++)
                    applied.Add(await _hosts[writer % 2].IncrementUntilAppliedAsync(counter, () => Interlocked.Increment(ref conflicts)));
            })));
        }

        // Every 200 answered a value of its own, and together they are 1..N: none lost, none applied twice.
        var expected = rounds * 2 * writersPerHost * incrementsPerWriter;
        Assert.Equal(Enumerable.Range(1, expected).Select(v => (long)v), applied.Order());
        output.WriteLine($"{expected} increments applied in {rounds} rounds after {conflicts} conflicts.");
        Assert.True(conflicts > 0, $"The hosts never raced in {maxRounds} rounds, so this test proved nothing about conflicts.");
        await AssertBothHostsReadAsync(counter, expected);
        await _hosts[0].WaitForDeliveriesUpToAsync(counter, expected, DeliveryWait);
    }

    [Fact]
    public async Task A_write_on_one_host_is_read_on_the_other_within_a_second()
    {
        const string counter = "watched";
        for (var round = 1; round <= 3; round++)
        {
            Assert.Equal(round - 1, await _hosts[1].GetCounterAsync(counter));

            Assert.Equal(round, await _hosts[0].IncrementUntilAppliedAsync(counter));

            var seen = Stopwatch.StartNew();
            await Eventually.MatchesAsync(() => _hosts[1].GetCounterAsync(counter), value => value == round,
                TimeSpan.FromSeconds(1), $"read {round} on the other host");
            Assert.True(seen.Elapsed < TimeSpan.FromSeconds(1), $"Seen after {seen.Elapsed}");
        }
    }

    [Fact]
    public async Task Killing_a_host_mid_stream_loses_no_write_and_no_delivery()
    {
        var writers = Enumerable.Range(1, 4).Select(i => new CounterWriter($"crash-{i}")).ToList();
        using var stop = new CancellationTokenSource();
        var streams = writers.Select((writer, i) => Task.Run(async () =>
        {
            for (var n = i; !stop.IsCancellationRequested; n++) await writer.IncrementAsync(_hosts, preferredHost: n % 2);
        })).ToList();

        await WhenEveryWriterAppliedAsync(writers, streams, 10);
        await _hosts.KillAsync(0);
        await WhenEveryWriterAppliedAsync(writers, streams, 10);
        await _hosts.StartAsync(0);
        await WhenEveryWriterAppliedAsync(writers, streams, 10);
        await stop.CancelAsync();
        await Task.WhenAll(streams);

        foreach (var writer in writers)
        {
            output.WriteLine($"'{writer.Counter}': {writer.Applied} applied, {writer.AnswersLostWithTheHost} answers lost with the killed host.");
            await AssertBothHostsReadAsync(writer.Counter, writer.Applied);
            await _hosts[1].WaitForDeliveriesUpToAsync(writer.Counter, writer.Applied, DeliveryWait);
        }
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
            reached => reached.All(r => r), TimeSpan.FromSeconds(30), $"{more} more increments by every writer");
    }

    private async Task AssertBothHostsReadAsync(string counter, long expected)
    {
        foreach (var host in new[] { _hosts[0], _hosts[1] })
            await Eventually.MatchesAsync(() => host.GetCounterAsync(counter), value => value == expected, TimeSpan.FromSeconds(1),
                $"read {expected} for '{counter}'");
    }
}
