using System.Diagnostics;
using System.Net.Http.Json;
using Greenlight.Benchmarks.Access;
using Greenlight.Benchmarks.Load;
using Greenlight.Testing;

namespace Greenlight.Benchmarks.Cluster;

/// <summary>
/// <c>failover</c>: host processes on one PostgreSQL database (<see cref="HostCluster"/>, three by default,
/// with the sample plugin). Each round picks a victim host and sample counters whose activations live on
/// it (asked through the plugin's activation endpoint), kills the victim with SIGKILL, and reads every one
/// of those counters through the survivors without pause until it answers: the time from the kill to
/// that first successful call is the failover time. The victim is started again before the next round.
/// <c>--setting key=value</c> passes more configuration to every host (e.g. <c>Cluster:Membership:ProbeTimeout=00:00:01</c>).
/// </summary>
public static class FailoverBench
{
    public const string Command = "failover";

    // A bound on each round's wait: far beyond any failover worth measuring; a round past it is reported as failed.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new LoadOptions(args);
        var (rounds, hostCount, grains) = (options.Int("--rounds", 5), options.Int("--hosts", 3), options.Int("--grains", 6));
        var settings = new Dictionary<string, string?> { ["Modules:PluginsPath"] = TestPaths.PluginsFolderWithSamplePlugin() };
        foreach (var setting in options.All("--setting"))
        {
            var (key, value) = (setting[..setting.IndexOf('=')], setting[(setting.IndexOf('=') + 1)..]);
            settings[key] = value;
        }
        BenchmarkKernel.RequirePostgres();
        Console.WriteLine($"{Command}: nproc {Environment.ProcessorCount}, load average {Machine.LoadAverage()}; {hostCount} hosts, {rounds} rounds, " +
                          $"{grains} grains on the victim; settings: {string.Join(", ", settings.Skip(1).Select(s => $"{s.Key}={s.Value}"))}");

        await using var cluster = await HostCluster.StartAsync(hostCount, settings);
        var firsts = new List<TimeSpan>();
        var alls = new List<TimeSpan>();
        for (var round = 1; round <= rounds; round++)
        {
            await cluster.EnsureAllRunningAsync();
            var victim = (round - 1) % hostCount;
            var survivors = cluster.Running.Where(h => h != victim).ToList();
            var counters = await CountersLivingOnAsync(cluster, victim, survivors, grains);
            var load = Machine.LoadAverage();

            var killedAt = Stopwatch.GetTimestamp();
            await cluster.KillAsync(victim);
            var answered = await Task.WhenAll(counters.Select((counter, i) => FirstAnswerAsync(cluster, survivors, i, counter, killedAt)));

            firsts.Add(answered.Min());
            alls.Add(answered.Max());
            Console.WriteLine($"round {round}: killed host {victim} holding {counters.Count} of the counters; first answer on a survivor after " +
                              $"{Ms(answered.Min())}, all answered after {Ms(answered.Max())} (each: {string.Join(", ", answered.Select(Ms))}); " +
                              $"load average {load}");
        }

        Console.WriteLine();
        Console.WriteLine($"| kill -9 → answered on a survivor | median (ms) | max (ms) | rounds |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| first of the victim's grains | {Ms(Median(firsts))} | {Ms(firsts.Max())} | {rounds} |");
        Console.WriteLine($"| all {grains} of the victim's grains | {Ms(Median(alls))} | {Ms(alls.Max())} | {rounds} |");
        Console.WriteLine($"load average at the end: {Machine.LoadAverage()}");
        return alls.Max() < GiveUpAfter ? 0 : 1;
    }

    /// <summary>New counters, incremented once (so they have stored state), until <paramref name="count"/> of them live on the victim.</summary>
    private static async Task<List<string>> CountersLivingOnAsync(HostCluster cluster, int victim, IReadOnlyList<int> survivors, int count)
    {
        var found = new List<string>();
        for (var attempt = 0; found.Count < count; attempt++)
        {
            if (attempt >= 100 * count) throw new InvalidOperationException($"The cluster placed only {found.Count} of {attempt} new counters on host {victim}.");
            var counter = $"failover-{Guid.NewGuid().ToString("N")[..12]}";
            var client = cluster[attempt % 2 == 0 ? victim : survivors[attempt % survivors.Count]];
            (await client.PostAsync($"/api/v1/sample/counters/{counter}/increment", null)).EnsureSuccessStatusCode();
            var activation = await client.GetFromJsonAsync<Activation>($"/api/v1/sample/counters/{counter}/activation");
            if (cluster.IndexOfSilo(activation!.Silo) == victim) found.Add(counter);
        }
        return found;
    }

    /// <summary>Reads the counter through the survivors in turn, without pause, until one answers 200.</summary>
    private static async Task<TimeSpan> FirstAnswerAsync(HostCluster cluster, IReadOnlyList<int> survivors, int offset, string counter, long killedAt)
    {
        for (var attempt = offset; ; attempt++)
        {
            try
            {
                using var response = await cluster[survivors[attempt % survivors.Count]].GetAsync($"/api/v1/sample/counters/{counter}");
                if (response.IsSuccessStatusCode) return Stopwatch.GetElapsedTime(killedAt);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
            }
            if (Stopwatch.GetElapsedTime(killedAt) > GiveUpAfter) return GiveUpAfter;
        }
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt((values.Count - 1) / 2);

    private static string Ms(TimeSpan value) => $"{value.TotalMilliseconds:F0}";

    private sealed record Activation(string Silo, string ActivationId);
}
