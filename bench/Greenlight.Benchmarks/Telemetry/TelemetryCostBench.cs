using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Benchmarks.Access;
using Greenlight.Testing;

namespace Greenlight.Benchmarks.Telemetry;

/// <summary>
/// <c>telemetry-cost</c>: what turning telemetry on costs a request. A host (<see cref="TestHost"/>, SQLite) answers
/// <c>GET /api/v1/projects/{id}</c> for the System Administrator (authentication, the mediator, the Access check,
/// the project grain) one request at a time from this process. Rounds alternate: telemetry off (the default), then
/// on (<c>Telemetry:Enabled</c> and the Prometheus exporter: every span recorded — HTTP server and client, mediator,
/// grain calls — and every metric aggregated; nothing exported, so no network in the figure), each on a host of its
/// own started for the round, so no listener of one round is left in the other. Reported: each round's median and
/// p99, and on/off ratios of the pooled medians and p99s.
/// </summary>
public static class TelemetryCostBench
{
    public const string Command = "telemetry-cost";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = AccessCheckBench.IntOption(args, "--requests", 5_000);
        var warmup = AccessCheckBench.IntOption(args, "--warmup", 1_000);
        var rounds = AccessCheckBench.IntOption(args, "--rounds", 2);
        Console.WriteLine($"{Command}: nproc {Environment.ProcessorCount}, .NET {Environment.Version}, load average {Machine.LoadAverage()}");
        var pooled = new Dictionary<bool, Samples> { [false] = new("off"), [true] = new("on") };
        for (var round = 0; round < rounds; round++)
        {
            foreach (var on in new[] { false, true })
            {
                var measured = await RoundAsync(on, requests, warmup);
                pooled[on].AddRange(measured);
                Console.WriteLine($"   round {round + 1}, telemetry {(on ? "on " : "off")}: median {measured.MedianMicroseconds,8:F1} µs  p99 {measured.P99Microseconds,8:F1} µs  (load average {Machine.LoadAverage()})");
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Summary ({rounds} rounds of {requests:N0} requests each way; load average {Machine.LoadAverage()})");
        Console.WriteLine("| telemetry | median (µs) | p99 (µs) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var on in new[] { false, true })
            Console.WriteLine($"| {(on ? "on" : "off")} | {pooled[on].MedianMicroseconds:F1} | {pooled[on].P99Microseconds:F1} |");
        Console.WriteLine($"| ratio on/off | {pooled[true].MedianMicroseconds / pooled[false].MedianMicroseconds:F2} | {pooled[true].P99Microseconds / pooled[false].P99Microseconds:F2} |");
        return 0;
    }

    private static async Task<Samples> RoundAsync(bool on, int requests, int warmup)
    {
        var settings = new Dictionary<string, string?>();
        if (on) (settings["Telemetry:Enabled"], settings["Telemetry:Prometheus:Enabled"]) = ("true", "true");
        await using var host = await TestHost.StartAsync(settings);
        var created = await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Measured" })).ReadSuccessAsync<JsonElement>();
        var path = $"/api/v1/projects/{created.GetProperty("id").GetString()}";
        for (var i = 0; i < warmup; i++) (await host.Admin.GetAsync(path)).EnsureSuccessStatusCode();
        var samples = new Samples(on ? "on" : "off");
        for (var i = 0; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await host.Admin.GetAsync(path);
            samples.Add(Stopwatch.GetTimestamp() - start);
            response.EnsureSuccessStatusCode();
        }
        return samples;
    }
}
