using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Greenlight.Testing.Telemetry;

/// <summary>What a host's OpenTelemetry exports, held in memory: the ended spans, and the metrics on demand.</summary>
public sealed class TelemetryCapture
{
    // The exporter adds one span at a time (its processor serializes exports); readers take a copy.
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private IServiceProvider _services = null!;

    /// <summary>Telemetry on, with no exporter but these.</summary>
    public static readonly Dictionary<string, string?> Settings = new() { ["Telemetry:Enabled"] = "true", ["Telemetry:Prometheus:Enabled"] = "true" };

    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        // No periodic export: only Metrics() exports, so the list holds one snapshot of each metric, never two.
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics,
            reader => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = Timeout.Infinite));
    }

    public void Attach(TestHost host) => _services = host.Services;

    public IReadOnlyList<Activity> Spans => _spans.ToArray();

    /// <summary>The metrics as of now (cumulative since the host started).</summary>
    public IReadOnlyList<MetricSnapshot> Metrics()
    {
        lock (_metrics)
        {
            _metrics.Clear();
            _services.GetRequiredService<MeterProvider>().ForceFlush();
            return [.. _metrics];
        }
    }

    /// <summary>The sum of a counter over the points whose tags include every one of <paramref name="tags"/>.</summary>
    public long Sum(string name, params (string Key, object Value)[] tags) => Metrics()
        .Where(m => m.Name == name)
        .SelectMany(m => m.MetricPoints)
        .Where(p => tags.All(t => Tags(p).Any(kv => kv.Key == t.Key && Equals(kv.Value, t.Value))))
        .Sum(p => p.GetSumLong());

    /// <summary>How many values a histogram recorded over the points whose tags include every one of <paramref name="tags"/>.</summary>
    public long Count(string name, params (string Key, object Value)[] tags) => Metrics()
        .Where(m => m.Name == name)
        .SelectMany(m => m.MetricPoints)
        .Where(p => tags.All(t => Tags(p).Any(kv => kv.Key == t.Key && Equals(kv.Value, t.Value))))
        .Sum(p => p.GetHistogramCount());

    /// <summary>Every text a span or a metric point carries: names, tags, events, status; where no secret may appear.</summary>
    public IEnumerable<string> Texts()
    {
        foreach (var span in Spans)
        {
            yield return span.DisplayName;
            yield return span.StatusDescription ?? "";
            foreach (var tag in span.TagObjects) yield return $"{tag.Key}={tag.Value}";
            foreach (var e in span.Events)
            {
                yield return e.Name;
                foreach (var tag in e.Tags) yield return $"{tag.Key}={tag.Value}";
            }
            foreach (var item in span.Baggage) yield return $"{item.Key}={item.Value}";
        }
        foreach (var metric in Metrics())
        {
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in Tags(point)) yield return $"{metric.Name} {tag.Key}={tag.Value}";
            }
        }
    }

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags) tags.Add(tag);
        return tags;
    }
}
