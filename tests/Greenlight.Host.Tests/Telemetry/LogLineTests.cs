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
        var lines = await RequestLogLinesAsync(json: true);

        Assert.All(lines, line =>
        {
            var scopes = JsonDocument.Parse(line).RootElement.GetProperty("Scopes").EnumerateArray().ToList();
            Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var t) && t.GetString()!.Length == 32
                && s.TryGetProperty("SpanId", out var span) && span.GetString()!.Length == 16);
        });
    }

    [Fact]
    public async Task In_text_each_log_entry_is_one_line_carrying_its_trace_and_span_id()
    {
        var lines = await RequestLogLinesAsync(json: false);

        Assert.All(lines, line => Assert.Matches("SpanId:[0-9a-f]{16}, TraceId:[0-9a-f]{32}", line));
    }

    /// <summary>The lines the ASP.NET Core request log wrote for one request to a host process, which is then killed.</summary>
    private static async Task<List<string>> RequestLogLinesAsync(bool json)
    {
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(TestPaths.NewTemporaryDirectory(), "greenlight.db"),
            ["Logging:Json"] = json ? "true" : "false",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.Client("no-token").GetAsync("/health/live")).StatusCode);
        await host.KillAsync();

        // The bootstrap token's one-time notice is written to the console on purpose, never to the log: the one line not of the log.
        var lines = host.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("Greenlight: System Administrator API token", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        if (json) Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        var requestLines = lines.Where(line => line.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(requestLines);
        return requestLines;
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
