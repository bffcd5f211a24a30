using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Modules.FrameConnector.FrameioApi;
using Greenlight.Testing;
using Greenlight.Testing.Frameio;

namespace Greenlight.Benchmarks.Mirror;

/// <summary>
/// Mirror throughput against the fake Frame.io, which answers after <c>--latency-ms</c> and lets each token create
/// <c>--limit</c> projects per <c>--window-ms</c>. Baseline, in the same run: the Frame.io client alone, eight calls at once
/// (as many as the outbox delivers), creating projects as fast as the limit lets it. Then the mirror: a host (in this
/// process, on SQLite: a silo, grains, the outbox) whose projects are set Current faster than the limit allows, so its
/// project steps queue up. For <c>--seconds</c> after a warm-up each counts the Frame.io projects created; the figure is
/// the mirror's rate over the baseline's (and over the limit), with the 429s the fake answered. Not a BenchmarkDotNet
/// benchmark: run with <c>dotnet run -c Release --project bench/Greenlight.Benchmarks -- mirror-throughput</c>.
/// </summary>
public static class MirrorThroughput
{
    public const string Command = "mirror-throughput";
    private const string Token = "fio-token-bench-0001";
    private const string BaselineToken = "fio-token-bench-baseline";
    private const int CallsAtOnce = 8;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var limit = Option(args, "--limit", 10);
        var window = TimeSpan.FromMilliseconds(Option(args, "--window-ms", 1000));
        var measured = TimeSpan.FromSeconds(Option(args, "--seconds", 30));
        var latency = TimeSpan.FromMilliseconds(Option(args, "--latency-ms", 50));
        var limitRate = limit / window.TotalSeconds;
        // Enough for the warm-up burst, the measured time at the limit, and a backlog left at the end.
        var projects = (int)(limit + limitRate * (measured.TotalSeconds + 5) * 1.5);
        Console.WriteLine($"nproc {Environment.ProcessorCount}, load average {LoadAverage()}");
        Console.WriteLine($"Fake Frame.io: {latency.TotalMilliseconds} ms latency, create project {limit} per {window.TotalMilliseconds} ms ({limitRate:0.##}/s) per token.");

        await using var frameio = await FakeFrameioServer.StartAsync();
        frameio.Faults.Latency = latency;
        frameio.RateLimits.Set("POST", FakeFrameioRoutes.Projects, limit, window);

        var baseline = await ClientAloneAsync(frameio, limit, window, measured);
        Console.WriteLine($"Baseline, the client alone ({CallsAtOnce} calls at once): {baseline.Rate:0.00}/s = {baseline.Rate / limitRate:0.000} of the limit; {baseline.Refused} answered 429.");

        var mirror = await MirrorAsync(frameio, limit, window, measured, projects);
        Console.WriteLine($"Mirror ({projects} projects set Current): {mirror.Rate:0.00}/s = {mirror.Rate / baseline.Rate:0.000} of the baseline, {mirror.Rate / limitRate:0.000} of the limit; " +
            $"{mirror.Refused} answered 429; backlog at the end {mirror.Backlog} (must be > 0: the limit was saturated).");
        Console.WriteLine($"load average {LoadAverage()}");
        return mirror.Backlog > 0 ? 0 : 1;
    }

    private sealed record Measurement(double Rate, int Refused, int Backlog = 0);

    /// <summary>The same calls without Greenlight: a client creating projects in a loop, eight at once, rescheduling when paced out.</summary>
    private static async Task<Measurement> ClientAloneAsync(FakeFrameioServer frameio, int limit, TimeSpan window, TimeSpan measured)
    {
        var account = frameio.AddTokenUser(BaselineToken, "baseline@example.com").Accounts[0];
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new FrameioClient(http, new FrameioCredentials(BaselineToken, isLegacyDeveloperToken: false), new FrameioClientOptions { BaseUrl = frameio.BaseUrl });
        using var stop = new CancellationTokenSource();
        var next = 0;
        var creating = Enumerable.Range(0, CallsAtOnce).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var wait = TimeSpan.Zero;
                try
                {
                    await client.CreateProjectAsync(account.AccountId, account.WorkspaceId, $"Baseline {Interlocked.Increment(ref next):00000}", stop.Token);
                }
                catch (FrameioTryLaterException busy)
                {
                    wait = busy.RetryAt - DateTimeOffset.UtcNow;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                // As the outbox reschedules a paced-out job: the next call waits for the time the pacer named.
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }).ToList();
        var measurement = await MeasureAsync(frameio, account.AccountId, limit, window, measured);
        await stop.CancelAsync();
        await Task.WhenAll(creating);
        return measurement;
    }

    private static async Task<Measurement> MirrorAsync(FakeFrameioServer frameio, int limit, TimeSpan window, TimeSpan measured, int projects)
    {
        var account = frameio.AddTokenUser(Token).Accounts[0].AccountId;
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString() });
        await (await host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = Token })).ReadSuccessAsync<JsonElement>();
        await (await host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default/account", new { accountId = account })).ReadSuccessAsync<JsonElement>();

        var feeding = Parallel.ForEachAsync(Enumerable.Range(0, projects), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = $"Bench {i:0000}", status = "Current" }, ct)).ReadSuccessAsync<JsonElement>());
        var measurement = await MeasureAsync(frameio, account, limit, window, measured);
        await feeding;
        return measurement with { Backlog = projects - Created(frameio, account) };
    }

    /// <summary>After a warm-up (the bucket's first burst is free, then one window), the projects created per second in the account.</summary>
    private static async Task<Measurement> MeasureAsync(FakeFrameioServer frameio, string account, int limit, TimeSpan window, TimeSpan measured)
    {
        while (Created(frameio, account) < limit) await Task.Delay(50);
        await Task.Delay(window);
        var (created0, refused0) = (Created(frameio, account), frameio.RateLimitedCount);
        var clock = Stopwatch.StartNew();
        await Task.Delay(measured);
        var (created1, refused1) = (Created(frameio, account), frameio.RateLimitedCount);
        return new Measurement((created1 - created0) / clock.Elapsed.TotalSeconds, refused1 - refused0);
    }

    private static int Created(FakeFrameioServer frameio, string account) => frameio.Snapshot().Projects.Count(p => p.AccountId == account);

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        var at = args.ToList().IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
