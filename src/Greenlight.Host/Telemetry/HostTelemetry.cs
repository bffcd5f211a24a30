using Greenlight.Host.Http;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Telemetry;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Greenlight.Host.Telemetry;

/// <summary>Reading the metrics at <see cref="HostTelemetry.MetricsPath"/>: a System Administrator's right, decided by the host's access policy.</summary>
public sealed record ScrapeMetrics : IAdministrativeRequest;

/// <summary>
/// Logs with the trace and span id on every line (JSON lines with <c>Logging:Json</c>), and, when the
/// <c>Telemetry</c> settings turn it on, OpenTelemetry: Greenlight's, Orleans's, ASP.NET Core's, HttpClient's,
/// Npgsql's and the runtime's spans and metrics, to an OTLP collector and/or a Prometheus scrape endpoint.
/// Off (the default), nothing of OpenTelemetry is registered, so nothing listens and nothing is recorded.
/// </summary>
public static class HostTelemetry
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddGreenlightTelemetry(this WebApplicationBuilder builder)
    {
        AddLogging(builder.Logging, builder.Configuration);
        var options = TelemetryOptions.From(builder.Configuration);
        if (!options.IsOn) return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(GreenlightTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(GreenlightTelemetry.Name).AddSource(GreenlightTelemetry.OrleansSources)
                    // Probes and scrapes every few seconds would drown the traces that matter.
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsPlumbing(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    // Before any exporter: processors run in the order added.
                    .AddProcessor(new ExceptionTextRedaction());
                if (options.Otlp.Endpoint is { } endpoint) tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GreenlightTelemetry.Name, GreenlightTelemetry.OrleansMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (options.Otlp.Endpoint is { } endpoint) metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
                if (options.Prometheus.Enabled) metrics.AddPrometheusExporter();
            });
        return builder;
    }

    /// <summary>Serves <see cref="MetricsPath"/> to System Administrators when the Prometheus exporter is on.</summary>
    public static void MapGreenlightMetrics(this WebApplication app)
    {
        if (!TelemetryOptions.From(app.Configuration).Prometheus.Enabled) return;
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireSystemAdministrator(new ScrapeMetrics());
    }

    /// <summary>
    /// Each line carries the trace and span id of the work it belongs to (as a scope, so the console prints
    /// scopes, on the entry's one line); <c>Logging:Json=true</c> writes JSON lines instead of text.
    /// </summary>
    private static void AddLogging(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (configuration.GetValue<bool>("Logging:Json")) logging.AddJsonConsole(o => o.IncludeScopes = true);
        else logging.AddSimpleConsole(o => (o.IncludeScopes, o.SingleLine) = (true, true));
    }

    private static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);
}
