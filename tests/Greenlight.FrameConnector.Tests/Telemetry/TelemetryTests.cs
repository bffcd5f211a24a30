using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Greenlight.Modules.FrameConnector.Inbound;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing.Logging;
using Greenlight.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Greenlight.FrameConnector.Tests.Telemetry;

/// <summary>
/// A host with telemetry on, exporting in memory: the trace of "set a project Current" reaches the Frame.io
/// calls its durable job makes (the job's span starts a trace of its own, linked to the request's), the
/// counters move, and no span, metric tag, scrape or log line carries a secret or an e-mail address.
/// </summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string Token = "fio-token-telemetry-5521";
    private readonly TelemetryCapture _telemetry = new();
    private readonly CapturedLogs _logs = new();
    private ConnectorHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ConnectorHost.StartAsync(TelemetryCapture.Settings, services =>
        {
            _telemetry.AddTo(services);
            services.AddSingleton<ILoggerProvider>(_logs);
        });
        _telemetry.Attach(_host.Host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Setting_a_project_Current_is_traced_from_the_request_through_its_jobs_links_to_the_Frame_io_calls_and_the_counters_move()
    {
        var account = (await _host.ConnectDefaultAsync(Token)).Accounts[0].AccountId;
        var aliceId = await _host.AddUserAsync("alice", frameio: true, frameioAccount: account);
        var project = await (await _host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Traced campaign" })).ReadSuccessAsync<ProjectView>();
        await _host.ShareProjectAsync(project.Id, aliceId, "Contribute");
        await _host.CreateTaskAsync(project.Id, "Storyboard", aliceId);
        // The first call to Frame.io after this is refused once with a 429: the client waits and tries again.
        _host.Frameio.Faults.Next(FakeFault.TooManyRequests);

        await (await _host.Admin.PutAsJsonAsync($"/api/v1/projects/{project.Id}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>();
        await _host.SyncSettledAsync(project.Id, s => s.Mirror.FrameioProjectId is not null && s.Mirror.Members.Count == 1);
        await _host.EmailsToAsync("alice", 1);

        // The request's trace: the HTTP server span, the mediator span with its outcome, a grain call.
        var statusPath = $"/api/v1/projects/{project.Id}/status";
        var request = await Eventually.MatchesAsync(() => Task.FromResult(_telemetry.Spans.FirstOrDefault(s =>
                s.Kind == ActivityKind.Server && Tag(s, "http.request.method") == "PUT" && Tag(s, "url.path") == statusPath)),
            s => s is not null, TimeSpan.FromSeconds(20), "the request's span is exported");
        var trace = request!.TraceId;
        var mediator = Assert.Single(_telemetry.Spans, s => s.TraceId == trace && s.Source.Name == "Greenlight" && Tag(s, "greenlight.request") is not null
            && Tag(s, "greenlight.request")!.Contains("Status", StringComparison.Ordinal));
        Assert.Equal(("allowed", "passed", "ok"), (Tag(mediator, "greenlight.authorization"), Tag(mediator, "greenlight.validation"), Tag(mediator, "greenlight.outcome")));
        Assert.Contains(_telemetry.Spans, s => s.TraceId == trace && s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));

        // Its jobs run in traces of their own, linked to the work that queued them; following the links leads to
        // the Frame.io calls that created the project and set alice's role there (the first answered 429, then 2xx).
        var frameioPort = _host.Frameio.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var calls = await Eventually.MatchesAsync(() => Task.FromResult(FrameioCallsLinkedTo(trace, frameioPort)),
            c => c.Any(s => Tag(s, "http.request.method") == "POST" && Tag(s, "url.full")!.EndsWith("/projects", StringComparison.Ordinal)
                    && Tag(s, "http.response.status_code") is "200" or "201")
                && c.Any(s => Tag(s, "http.request.method") == "PATCH" && Tag(s, "url.full")!.Contains("/users/", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20), "the Frame.io calls are reached from the request's trace through links");
        Assert.All(calls, call => Assert.NotEqual(trace, call.TraceId));
        Assert.Contains(calls, s => Tag(s, "http.response.status_code") == "429");

        // The counters moved: jobs queued and delivered, Frame.io calls by template and status, the 429 and its wait, the e-mail.
        var statusChanged = ("greenlight.job.kind", (object)"work.project-status-changed");
        Assert.True(_telemetry.Sum("greenlight.outbox.jobs.queued", statusChanged) >= 1);
        Assert.True(_telemetry.Sum("greenlight.outbox.jobs.completed", statusChanged) >= 1);
        Assert.True(_telemetry.Sum("greenlight.frameio.calls", ("greenlight.frameio.endpoint", "POST /accounts/{account_id}/workspaces/{workspace_id}/projects")) >= 1);
        Assert.True(_telemetry.Sum("greenlight.frameio.calls", ("greenlight.frameio.status", 429)) >= 1);
        Assert.True(_telemetry.Sum("greenlight.frameio.rate_limited") >= 1);
        Assert.True(_telemetry.Count("greenlight.frameio.rate_limit.wait", ("greenlight.frameio.wait", "retry_after")) >= 1);
        Assert.True(_telemetry.Sum("greenlight.email.sent") >= 1);
        Assert.True(_telemetry.Sum("greenlight.access.checks", ("greenlight.access.decision", "allow")) >= 1);
        Assert.True(_telemetry.Count("greenlight.access.check.duration") >= 1);
    }

    [Fact]
    public async Task Refused_deliveries_and_requests_are_counted_by_reason_and_the_metrics_are_scraped_by_administrators_only()
    {
        await _host.ConnectDefaultAsync(Token);
        var forged = new ByteArrayContent("""{"type":"file.ready","resource":{"type":"file","id":"f1"}}"""u8.ToArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Host.Anonymous.PostAsync("/api/v1/frameio/webhooks/default", forged)).StatusCode);
        using var bob = await _host.Host.SignInNewUserAsync("bob");

        // A standard user may not read the metrics, nor may an anonymous caller; a System Administrator may.
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.Client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Host.Anonymous.GetAsync("/metrics")).StatusCode);
        var scrape = await _host.Admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        var exposition = await scrape.Content.ReadAsStringAsync();
        Assert.Contains("greenlight_frameio_webhook_deliveries", exposition, StringComparison.Ordinal);
        Assert.Contains("greenlight_access_checks", exposition, StringComparison.Ordinal);

        Assert.True(_telemetry.Sum("greenlight.frameio.webhook.deliveries", ("greenlight.webhook.outcome", "unauthenticated")) >= 1);
        Assert.True(_telemetry.Sum("greenlight.access.checks", ("greenlight.access.decision", "deny")) >= 1);
        Assert.DoesNotContain(bob.Token.Token, exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_span_metric_tag_or_log_line_carries_a_token_a_webhook_secret_or_an_e_mail_address()
    {
        var account = (await _host.ConnectDefaultAsync(Token)).Accounts[0].AccountId;
        var aliceId = await _host.AddUserAsync("alice", frameio: true, frameioAccount: account);
        using var bob = await _host.Host.SignInNewUserAsync("bob");
        var project = await (await _host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Quiet campaign", status = "Current" })).ReadSuccessAsync<ProjectView>();
        await _host.ShareProjectAsync(project.Id, aliceId, "Contribute");
        await _host.CreateTaskAsync(project.Id, "Storyboard", aliceId);
        await _host.SyncSettledAsync(project.Id, s => s.Mirror.FrameioProjectId is not null && s.Mirror.Members.Count == 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.Client.GetAsync("/metrics")).StatusCode);
        var webhook = Assert.Single(_host.Frameio.Snapshot().Webhooks);
        Assert.Equal(HttpStatusCode.Accepted, await _host.Frameio.SendWebhookAsync(webhook.Id, "comment.created", "comment", "c1", project.Id));
        await _host.EmailsToAsync("alice", 1);
        var scrape = await (await _host.Admin.GetAsync("/metrics")).Content.ReadAsStringAsync();

        string[] secrets = [Token, webhook.Secret, _host.Host.AdminToken, bob.Token.Token, AccessUsers.EmailOf("alice"), AccessUsers.EmailOf("bob"), "creative@example.com"];
        var texts = _telemetry.Texts().Append(scrape).Concat(_logs.Lines).ToList();
        Assert.NotEmpty(_telemetry.Spans);
        foreach (var secret in secrets) Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task On_PostgreSQL_a_request_s_trace_reaches_the_store()
    {
        await using var database = await TestPostgresDatabase.CreateAsync();
        var telemetry = new TelemetryCapture();
        var settings = new Dictionary<string, string?>(TelemetryCapture.Settings) { ["Storage:PostgreSql"] = database.ConnectionString };
        await using var host = await ConnectorHost.StartAsync(settings, telemetry.AddTo);

        await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Stored campaign" })).ReadSuccessAsync<ProjectView>();

        var request = await Eventually.MatchesAsync(() => Task.FromResult(telemetry.Spans.FirstOrDefault(s =>
                s.Kind == ActivityKind.Server && Tag(s, "http.request.method") == "POST" && Tag(s, "url.path") == "/api/v1/projects")),
            s => s is not null, TimeSpan.FromSeconds(20), "the request's span is exported");
        // The project grain's state write (Orleans's storage span) and its rows: Npgsql's spans, in the request's trace.
        Assert.Contains(telemetry.Spans, s => s.TraceId == request!.TraceId && s.Source.Name == "Npgsql");
        Assert.Contains(telemetry.Spans, s => s.TraceId == request!.TraceId && s.Source.Name == "Microsoft.Orleans.Storage");
    }

    /// <summary>The Frame.io client spans in every trace reached from <paramref name="trace"/> by following links forward.</summary>
    private List<Activity> FrameioCallsLinkedTo(ActivityTraceId trace, string frameioPort)
    {
        var spans = _telemetry.Spans;
        var reached = new HashSet<ActivityTraceId> { trace };
        bool grew;
        do
        {
            grew = false;
            foreach (var span in spans.Where(s => !reached.Contains(s.TraceId) && s.Links.Any(l => reached.Contains(l.Context.TraceId))))
                grew |= reached.Add(span.TraceId);
        } while (grew);
        return [.. spans.Where(s => s.Kind == ActivityKind.Client && reached.Contains(s.TraceId) && Tag(s, "server.port") == frameioPort)];
    }

    private static string? Tag(Activity span, string key) => span.GetTagItem(key)?.ToString();
}
