using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Greenlight.Kernel.Telemetry;

/// <summary>
/// The one activity source and the one meter of Greenlight's own code, kernel and modules alike, both named
/// <see cref="Name"/>. Nothing is recorded unless an exporter listens (<see cref="TelemetryOptions"/>).
/// Tags stay few-valued and carry no id, address or secret: a request type, an endpoint template, an outcome.
/// </summary>
public static class GreenlightTelemetry
{
    public const string Name = "Greenlight";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Orleans's own activity sources (grain calls, activation, storage) and meter, as Orleans 10 names them.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Storage", "Microsoft.Orleans.Lifecycle"];

    public const string OrleansMeter = "Microsoft.Orleans";
}
