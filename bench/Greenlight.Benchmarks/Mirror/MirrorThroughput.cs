using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Testing;
using Greenlight.Testing.Frameio;

namespace Greenlight.Benchmarks.Mirror;

/// <summary>
/// Mirror throughput against the fake Frame.io: a host (in this process, on SQLite) connected to a fake answering
/// after <c>--latency-ms</c> with project creation limited to <c>--limit</c> per <c>--window-ms</c>; projects are
/// set Current faster than the limit allows, and for <c>--seconds</c> after a warm-up the bench counts the Frame.io
/// projects created and the create requests refused with 429. Not a BenchmarkDotNet benchmark: run with
/// <c>dotnet run -c Release --project bench/Greenlight.Benchmarks -- mirror-throughput</c>.
/// </summary>
public static class MirrorThroughput
{
    public const string Command = "mirror-throughput";
    private const string Token = "fio-token-bench-0001";

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
        Console.WriteLine($"Fake Frame.io: {latency.TotalMilliseconds} ms latency, create project {limit} per {window.TotalMilliseconds} ms ({limitRate:0.##}/s); {projects} projects set Current.");

        await using var frameio = await FakeFrameioServer.StartAsync();
        frameio.Faults.Latency = latency;
        frameio.RateLimits.Set("POST", FakeFrameioRoutes.Projects, limit, window);
        var account = frameio.AddTokenUser(Token).Accounts[0].AccountId;
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString() });
        await (await host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = Token })).ReadSuccessAsync<JsonElement>();
        await (await host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default/account", new { accountId = account })).ReadSuccessAsync<JsonElement>();

        var feeding = Parallel.ForEachAsync(Enumerable.Range(0, projects), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = $"Bench {i:0000}", status = "Current" }, ct)).ReadSuccessAsync<JsonElement>());

        // Warm-up: the bucket's first burst is free; measure the steady rate after it.
        while (Created(frameio) < limit) await Task.Delay(50);
        await Task.Delay(window);
        var (created0, refused0) = (Created(frameio), frameio.RateLimitedCount);
        var clock = Stopwatch.StartNew();
        await Task.Delay(measured);
        var (created1, refused1) = (Created(frameio), frameio.RateLimitedCount);
        var elapsed = clock.Elapsed.TotalSeconds;
        await feeding;
        var backlog = projects - created1;

        var achieved = (created1 - created0) / elapsed;
        Console.WriteLine($"Measured {elapsed:0.0} s: {created1 - created0} projects created, {achieved:0.00}/s = {achieved / limitRate:0.000} of the limit; " +
            $"{refused1 - refused0} requests answered 429 (all endpoints; {frameio.RateLimitedCount} in the whole run); backlog at the end {backlog} (must be > 0: the limit was saturated).");
        Console.WriteLine($"load average {LoadAverage()}");
        return backlog > 0 ? 0 : 1;
    }

    private static int Created(FakeFrameioServer frameio) => frameio.Snapshot().Projects.Count;

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        var at = args.ToList().IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
