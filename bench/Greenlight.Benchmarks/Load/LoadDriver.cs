using System.Diagnostics;
using Greenlight.Benchmarks.Access;

namespace Greenlight.Benchmarks.Load;

/// <summary>What one worker does next: a named kind of operation ("read", "write") and the call.</summary>
public readonly record struct Operation(string Kind, Func<Task<bool>> Call);

/// <summary>One phase's outcome: per kind of operation, the latency of each success and the failures.</summary>
public sealed class PhaseResult(string name, TimeSpan elapsed, IReadOnlyDictionary<string, Samples> latencies, IReadOnlyDictionary<string, int> errors)
{
    public string Name => name;

    public TimeSpan Elapsed => elapsed;

    public IReadOnlyDictionary<string, Samples> Latencies => latencies;

    public int Errors => errors.Values.Sum();

    public int Completed => latencies.Values.Sum(s => s.Count);

    public double PerSecond(string? kind = null) => (kind is null ? Completed : Latencies.GetValueOrDefault(kind)?.Count ?? 0) / elapsed.TotalSeconds;
}

/// <summary>
/// Runs workers, each with one operation in flight, until a deadline or a total count, and times every
/// operation (Stopwatch ticks; <see cref="Samples"/> gives the percentiles). Stops by itself.
/// </summary>
public static class LoadDriver
{
    /// <summary>A bound on any phase, whatever its duration: no harness runs away.</summary>
    public const int MaxOperationsPerPhase = 2_000_000;

    /// <param name="next">Worker index and the worker's random source → its next operation.</param>
    public static async Task<PhaseResult> RunAsync(string name, int workers, TimeSpan duration, Func<int, Random, Operation> next)
    {
        var started = 0;
        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var latencies = new Dictionary<string, Samples>();
            var errors = new Dictionary<string, int>();
            while (Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref started) <= MaxOperationsPerPhase)
            {
                var operation = next(worker, random);
                var start = Stopwatch.GetTimestamp();
                bool succeeded;
                try
                {
                    succeeded = await operation.Call();
                }
                catch (HttpRequestException)
                {
                    succeeded = false;
                }
                if (succeeded) Of(latencies, operation.Kind, k => new Samples(k)).Add(Stopwatch.GetTimestamp() - start);
                else errors[operation.Kind] = errors.GetValueOrDefault(operation.Kind) + 1;
            }
            return (latencies, errors);
        })));
        var elapsed = clock.Elapsed;

        var all = new Dictionary<string, Samples>();
        var allErrors = new Dictionary<string, int>();
        foreach (var (latencies, errors) in perWorker)
        {
            foreach (var (kind, samples) in latencies) Of(all, kind, k => new Samples(k)).AddRange(samples);
            foreach (var (kind, count) in errors) allErrors[kind] = allErrors.GetValueOrDefault(kind) + count;
        }
        return new PhaseResult(name, elapsed, all, allErrors);
    }

    private static TValue Of<TValue>(Dictionary<string, TValue> map, string key, Func<string, TValue> create)
    {
        if (!map.TryGetValue(key, out var value)) map[key] = value = create(key);
        return value;
    }
}
