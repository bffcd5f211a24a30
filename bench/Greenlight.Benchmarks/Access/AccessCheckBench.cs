using System.Diagnostics;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Benchmarks.Access;

/// <summary>
/// <c>access-check</c>: the permission check on an active project, in process, with 10 and with
/// 100,000 projects in the store. One check per sample, timed with a Stopwatch, after a warm-up
/// (at least <c>--warmup</c> checks and <c>--warmup-seconds</c>) before every round;
/// store sizes alternate (10, 100,000, 10, 100,000) so drift in the machine's load shows up as a
/// difference between rounds of the same size rather than as a store effect.
/// </summary>
public static class AccessCheckBench
{
    /// <summary>A request the policy checks as it checks any endpoint's: the action on the object.</summary>
    private sealed record UpdateObject(SecuredRef Target) : ISecuredRequest
    {
        public AccessCheck Check => AccessCheck.On(Target, AccessScenario.Action);
    }

    public static async Task RunAsync(string[] args)
    {
        var postgres = !args.Contains("--sqlite");
        var samples = IntOption(args, "--samples", 100_000);
        // Time-based as well as counted: tiered compilation promotes the hot path to optimized code in the
        // background, which on a loaded machine takes seconds, and a first round measured before that is slower.
        var warmup = IntOption(args, "--warmup", 10_000);
        var warmupTime = TimeSpan.FromSeconds(IntOption(args, "--warmup-seconds", 3));
        // The first warm-up is long: with dynamic PGO the path is instrumented, then recompiled by a
        // background thread that gets little CPU on a loaded machine; measured before that it is 2× slower.
        var firstWarmupTime = TimeSpan.FromSeconds(IntOption(args, "--first-warmup-seconds", 15));
        var bulk = IntOption(args, "--projects", 100_000) - 1 - AccessScenario.SmallProjects;
        Console.WriteLine($"access-check: nproc {Environment.ProcessorCount}, .NET {Environment.Version}, load average {Machine.LoadAverage()}");

        await using var scenario = await AccessScenario.StartAsync(postgres);
        var services = scenario.Host.Services;
        var policy = services.GetRequiredService<IAccessPolicy>();
        var principal = Principal.User(scenario.User.Id);
        var request = new UpdateObject(scenario.Task);
        var check = new CheckAccess(scenario.User.Id, AccessCheck.On(scenario.Task, AccessScenario.Action));
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentPrincipal>().Set(Principal.System);
        var sender = scope.ServiceProvider.GetRequiredService<IMediator>();

        var decision = await policy.DecideAsync(principal, request, CancellationToken.None);
        var answer = await sender.Send(check);
        Console.WriteLine($"The check: {AccessScenario.Action} on {scenario.Task} for {scenario.User.Id}: policy {(decision.Allowed ? "allows" : "denies")} " +
                          $"({decision.Reason}); CheckAccess answers {answer.Allowed}, holds {answer.Held}.");
        if (!decision.Allowed || !answer.Allowed) throw new InvalidOperationException("The scenario's check should be allowed.");

        var paths = new (string Name, Func<Task> Check)[]
        {
            ("IAccessPolicy.DecideAsync (ISecuredRequest)", async () => await policy.DecideAsync(principal, request, CancellationToken.None)),
            ("CheckAccess through the mediator", () => sender.Send(check)),
        };
        var results = paths.ToDictionary(p => p.Name, _ => new Dictionary<bool, List<Samples>> { [false] = [], [true] = [] });
        var storeTrips = 0;
        foreach (var large in new[] { false, true, false, true })
        {
            if (large) await TimedAsync($"Bulk insert of {bulk:N0} projects", () => scenario.BulkInsertProjectsAsync(bulk));
            else if (await scenario.ContainerRowsAsync() > 10) await TimedAsync("Delete of the bulk projects", scenario.DeleteBulkProjectsAsync);
            var projects = await scenario.ContainerRowsAsync();
            Console.WriteLine($"-- {projects:N0} projects in the store, load average {Machine.LoadAverage()}");
            foreach (var (name, run) in paths)
            {
                var warming = Stopwatch.StartNew();
                var warmFor = results[name][false].Count == 0 ? firstWarmupTime : warmupTime;
                for (var i = 0; i < warmup || warming.Elapsed < warmFor; i++) await run();
                var measured = new Samples(name);
                using (var trips = CountingStore.Watch())
                {
                    for (var i = 0; i < samples; i++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        await run();
                        measured.Add(Stopwatch.GetTimestamp() - start);
                    }
                    storeTrips += trips.Count;
                    Console.WriteLine($"   {name,-46} median {measured.MedianMicroseconds,8:F2} µs  p99 {measured.P99Microseconds,8:F2} µs  " +
                                      $"mean {measured.MeanMicroseconds,8:F2} µs  store round trips {trips.Count}");
                }
                results[name][large].Add(measured);
            }
            if (large) await ColdCheckAsync(scenario, bulk);
        }

        // Every check takes a turn on the user's grain, the one directory grain and the project's grain:
        // do concurrent checks of the same user on the same project queue behind each other?
        var policyPath = paths[0];
        foreach (var workers in new[] { 1, 2, 64 })
            Console.WriteLine($"   {policyPath.Name}, {workers,2} concurrent callers for 3 s: {await ThroughputAsync(policyPath.Check, workers, TimeSpan.FromSeconds(3)),9:F0} checks/s  (load average {Machine.LoadAverage()})");

        Console.WriteLine();
        Console.WriteLine($"Summary ({scenario.StoreName}; {samples:N0} checks per round, 2 rounds per store size; store round trips during all measured checks: {storeTrips}; load average {Machine.LoadAverage()})");
        Console.WriteLine("| path | projects | median (µs) | p99 (µs) | rounds' medians (µs) |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var (name, bySize) in results)
        {
            var pooled = bySize.ToDictionary(kv => kv.Key, kv => Pool(name, kv.Value));
            foreach (var large in new[] { false, true })
                Console.WriteLine($"| {name} | {(large ? 1 + AccessScenario.SmallProjects + bulk : 1 + AccessScenario.SmallProjects):N0} | " +
                                  $"{pooled[large].MedianMicroseconds:F2} | {pooled[large].P99Microseconds:F2} | " +
                                  $"{string.Join(", ", bySize[large].Select(s => s.MedianMicroseconds.ToString("F2")))} |");
            Console.WriteLine($"| {name} | ratio large/small | {pooled[true].MedianMicroseconds / pooled[false].MedianMicroseconds:F2} | " +
                              $"{pooled[true].P99Microseconds / pooled[false].P99Microseconds:F2} | |");
        }
    }

    /// <summary>A check on a project nobody has touched: the grain is activated from its row, which is a database read.</summary>
    private static async Task ColdCheckAsync(AccessScenario scenario, int bulk)
    {
        var grains = scenario.Host.Services.GetRequiredService<IGrainFactory>();
        var cold = new Samples("cold");
        for (var i = 0; i < 200; i++)
        {
            var project = AccessScenario.BulkProject(1 + Random.Shared.Next(bulk));
            var start = Stopwatch.GetTimestamp();
            var chain = await grains.Container(project.Container).ChainAsync(project.Object);
            cold.Add(Stopwatch.GetTimestamp() - start);
            if (chain is not { Count: 1 }) throw new InvalidOperationException($"The bulk row of {project} did not load as a container.");
        }
        Console.WriteLine($"   cold container chain (activation reads the row), 200 random bulk projects: median {cold.MedianMicroseconds:F0} µs  p99 {cold.P99Microseconds:F0} µs");
    }

    private static async Task<double> ThroughputAsync(Func<Task> check, int workers, TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var done = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var count = 0;
            for (; Stopwatch.GetTimestamp() < deadline; count++) await check();
            return count;
        })));
        return done.Sum() / clock.Elapsed.TotalSeconds;
    }

    private static Samples Pool(string name, IEnumerable<Samples> rounds)
    {
        var pooled = new Samples(name);
        foreach (var round in rounds) pooled.AddRange(round);
        return pooled;
    }

    private static async Task TimedAsync(string what, Func<Task> step)
    {
        var clock = Stopwatch.StartNew();
        await step();
        Console.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:F1} s");
    }

    internal static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
