using System.Text.Json;
using Greenlight.Kernel.Security.Tokens;
using Greenlight.Kernel.Telemetry;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Greenlight.Host.Tests.Telemetry;

/// <summary>The host's log lines and its telemetry switch, as an operator meets them.</summary>
public sealed class LogLineTests
{
    [Fact]
    public async Task With_Logging_Json_every_log_line_is_JSON_and_a_request_s_lines_carry_its_trace_and_span_id_even_with_telemetry_off()
    {
        var folder = TestPaths.NewTemporaryDirectory();
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(folder, "greenlight.db"),
            ["Logging:Json"] = "true",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Client("no-token").GetAsync("/health/live")).StatusCode);
        await host.KillAsync();

        // The bootstrap token's one-time notice is written to the console on purpose, never to the log: it is the one line that is not JSON.
        var lines = host.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("Greenlight: System Administrator API token", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var requestLines = entries.Where(e => e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics").ToList();
        Assert.NotEmpty(requestLines);
        Assert.All(requestLines, line =>
        {
            var scopes = line.GetProperty("Scopes").EnumerateArray().ToList();
            Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var t) && t.GetString()!.Length == 32
                && s.TryGetProperty("SpanId", out var span) && span.GetString()!.Length == 16);
        });
    }

    [Fact]
    public async Task Telemetry_is_off_by_default_and_then_registers_nothing()
    {
        await using var off = await TestHost.StartAsync();
        Assert.Null(off.Services.GetService<TracerProvider>());
        Assert.Null(off.Services.GetService<MeterProvider>());
        await using var scope = off.Services.CreateAsyncScope();
        var behaviours = scope.ServiceProvider.GetServices<IPipelineBehavior<ListApiTokens, IReadOnlyList<ApiTokenInfo>>>().ToList();
        Assert.NotEmpty(behaviours);
        Assert.DoesNotContain(behaviours, b => b is RequestTracingBehavior<ListApiTokens, IReadOnlyList<ApiTokenInfo>>);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await off.Admin.GetAsync("/metrics")).StatusCode);
    }
}
