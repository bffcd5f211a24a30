using System.Diagnostics;

namespace Greenlight.Benchmarks.Access;

/// <summary>Per-operation latencies (Stopwatch ticks) and the order statistics reported from them.</summary>
public sealed class Samples(string name)
{
    private readonly List<long> _ticks = [];

    public string Name => name;

    public int Count => _ticks.Count;

    public void Add(long ticks) => _ticks.Add(ticks);

    public void AddRange(Samples other) => _ticks.AddRange(other._ticks);

    /// <summary>Nearest-rank percentile, in microseconds.</summary>
    public double PercentileMicroseconds(double percentile)
    {
        if (_ticks.Count == 0) return double.NaN;
        _ticks.Sort();
        var rank = (int)Math.Ceiling(percentile / 100 * _ticks.Count) - 1;
        return ToMicroseconds(_ticks[Math.Clamp(rank, 0, _ticks.Count - 1)]);
    }

    public double MedianMicroseconds => PercentileMicroseconds(50);

    public double P99Microseconds => PercentileMicroseconds(99);

    public double MeanMicroseconds => _ticks.Count == 0 ? double.NaN : ToMicroseconds((long)_ticks.Average());

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}

public static class Machine
{
    /// <summary>The 1-minute load average, from /proc/loadavg ("?" elsewhere).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
