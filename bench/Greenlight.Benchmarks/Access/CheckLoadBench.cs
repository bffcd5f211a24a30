using System.Diagnostics;
using System.Net.Http.Headers;

namespace Greenlight.Benchmarks.Access;

/// <summary>
/// <c>load</c>: HTTP load on the host of <see cref="AccessScenario"/> (in this process, Kestrel on
/// 127.0.0.1): a fixed number of workers, each with one request in flight at a time, over as many
/// pooled connections, for a fixed duration after a warm-up. The check endpoint is measured against
/// the host's lightest authenticated GET, signed in as the same user through the same bearer token.
/// The two alternate (trivial, check, trivial, check) so drift in the machine's load hits both.
/// </summary>
public static class CheckLoadBench
{
    public static async Task RunAsync(string[] args)
    {
        var postgres = !args.Contains("--sqlite");
        var connections = AccessCheckBench.IntOption(args, "--connections", 64);
        var seconds = AccessCheckBench.IntOption(args, "--seconds", 10);
        var rounds = AccessCheckBench.IntOption(args, "--rounds", 2);
        Console.WriteLine($"load: nproc {Environment.ProcessorCount}, .NET {Environment.Version}, load average {Machine.LoadAverage()}");

        await using var scenario = await AccessScenario.StartAsync(postgres);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            BaseAddress = scenario.Host.Address,
        };
        if (!scenario.Host.Address.IsLoopback) throw new InvalidOperationException($"{scenario.Host.Address} is not a loopback address.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", scenario.User.Token.Token);

        var endpoints = new (string Name, string Path)[]
        {
            ("trivial: GET /api/v1/access/users/{own id}", $"/api/v1/access/users/{scenario.User.Id}"),
            ("check: GET …/check?action=Update", $"{AccessScenario.PathOf(scenario.Task)}/check?action={AccessScenario.Action}"),
        };
        foreach (var (name, path) in endpoints)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Console.WriteLine($"{name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 160)]}");
            response.EnsureSuccessStatusCode();
        }

        foreach (var (name, path) in endpoints) await DriveAsync(client, path, connections, TimeSpan.FromSeconds(3)); // warm-up: JIT, connections, token cache
        var results = endpoints.ToDictionary(e => e.Name, _ => new List<Run>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, path) in endpoints)
            {
                var load = Machine.LoadAverage();
                var run = await DriveAsync(client, path, connections, TimeSpan.FromSeconds(seconds));
                results[name].Add(run);
                Console.WriteLine($"round {round} {name,-44} {run.RequestsPerSecond,8:F0} req/s  median {run.Latencies.MedianMicroseconds / 1000,7:F2} ms  " +
                                  $"p99 {run.Latencies.P99Microseconds / 1000,7:F2} ms  errors {run.Errors}  load average {load}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Summary ({scenario.StoreName}; {connections} connections, {rounds} × {seconds} s per endpoint; load average {Machine.LoadAverage()})");
        Console.WriteLine("| endpoint | requests/s | median (ms) | p99 (ms) | errors | rounds' requests/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        var rps = new Dictionary<string, double>();
        foreach (var (name, runs) in results)
        {
            var latencies = new Samples(name);
            foreach (var run in runs) latencies.AddRange(run.Latencies);
            rps[name] = runs.Sum(r => r.Completed) / runs.Sum(r => r.Elapsed.TotalSeconds);
            Console.WriteLine($"| {name} | {rps[name]:F0} | {latencies.MedianMicroseconds / 1000:F2} | {latencies.P99Microseconds / 1000:F2} | " +
                              $"{runs.Sum(r => r.Errors)} | {string.Join(", ", runs.Select(r => r.RequestsPerSecond.ToString("F0")))} |");
        }
        Console.WriteLine($"Ratio check/trivial requests per second: {rps[endpoints[1].Name] / rps[endpoints[0].Name]:F2}");
    }

    private sealed record Run(int Completed, int Errors, TimeSpan Elapsed, Samples Latencies)
    {
        public double RequestsPerSecond => Completed / Elapsed.TotalSeconds;
    }

    private static async Task<Run> DriveAsync(HttpClient client, string path, int workers, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var samples = new Samples("worker");
            var errors = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                await response.Content.LoadIntoBufferAsync();
                if (response.IsSuccessStatusCode) samples.Add(Stopwatch.GetTimestamp() - start);
                else errors++;
            }
            return (samples, errors);
        })));
        var elapsed = clock.Elapsed;
        var all = new Samples(path);
        foreach (var (samples, _) in perWorker) all.AddRange(samples);
        return new Run(all.Count, perWorker.Sum(w => w.errors), elapsed, all);
    }
}
