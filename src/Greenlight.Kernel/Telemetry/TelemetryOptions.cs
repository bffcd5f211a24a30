using Microsoft.Extensions.Configuration;

namespace Greenlight.Kernel.Telemetry;

/// <summary>The <c>Telemetry</c> settings: off unless an exporter is configured (or <see cref="Enabled"/> for one added in code).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Records spans and metrics even with no exporter configured here (an exporter registered in code, as tests do).</summary>
    public bool Enabled { get; set; }

    public OtlpSettings Otlp { get; set; } = new();

    public PrometheusSettings Prometheus { get; set; } = new();

    public bool IsOn => Enabled || Otlp.Endpoint is not null || Prometheus.Enabled;

    public static TelemetryOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

    public sealed class OtlpSettings
    {
        /// <summary>The collector's address (<c>http://collector:4317</c> for gRPC); traces and metrics go there.</summary>
        public Uri? Endpoint { get; set; }
    }

    public sealed class PrometheusSettings
    {
        /// <summary>Serves the metrics at <c>/metrics</c>, to System Administrators.</summary>
        public bool Enabled { get; set; }
    }
}
