using System.Diagnostics.Metrics;

namespace Greenlight.Kernel.Telemetry;

/// <summary>
/// Greenlight's instruments on <see cref="GreenlightTelemetry.Meter"/>, declared in one line each by the kernel's and
/// the modules' metrics classes, and the tag of a measurement (<see cref="Tag"/>, for the <c>Add</c>/<c>Record</c>
/// overloads that take tags without allocating a list).
/// </summary>
public static class GreenlightMetrics
{
    public static Counter<long> Counter(string name, string unit, string description) =>
        GreenlightTelemetry.Meter.CreateCounter<long>(name, unit, description);

    public static UpDownCounter<long> UpDownCounter(string name, string unit, string description) =>
        GreenlightTelemetry.Meter.CreateUpDownCounter<long>(name, unit, description);

    public static Histogram<double> Histogram(string name, string unit, string description) =>
        GreenlightTelemetry.Meter.CreateHistogram<double>(name, unit, description);

    public static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
