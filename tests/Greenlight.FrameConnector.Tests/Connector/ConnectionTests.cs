using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Greenlight.Modules.FrameConnector.Connections;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>
/// Connecting an account through the HTTP API when the input or Frame.io is wrong: never a 5xx without explanation, never
/// a duplicate webhook, nothing registered for a group that does not exist, and no log line an outsider can forge.
/// </summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class ConnectionTests : IAsyncLifetime
{
    private const string Token = "fio-token-connect-4410";
    private readonly CapturedLogs _logs = new();
    private ConnectorHost _host = null!;

    public async Task InitializeAsync() => _host = await ConnectorHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(_logs));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("fio-token\0-with-nul")]
    [InlineData("fio-token-ünïcode")]
    [InlineData("fio token with spaces")]
    [InlineData("fio-token\r\nX-Injected: 1")]
    public async Task A_token_Frame_io_could_never_have_issued_is_a_400_naming_it_and_nothing_is_sent(string token)
    {
        var refused = await _host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token });

        await refused.AssertInvalidFieldAsync("token");
        Assert.Empty(_host.Frameio.Requests);
    }

    [Fact]
    public async Task A_token_Frame_io_refuses_is_a_400_naming_it_and_Frame_io_down_a_502_saying_what_it_answered()
    {
        var refused = await _host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = "nobody-knows-this" });
        await refused.AssertInvalidFieldAsync("token");

        // Frame.io down (more 5xx than the client retries): a 502 with its status and its error's title, no stack trace logged.
        _host.Frameio.AddTokenUser(Token);
        _host.Frameio.Faults.Next(FakeFault.ServerError, times: 4, template: FakeFrameioRoutes.Me);
        var down = await _host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = Token });
        var problem = await down.AssertProblemAsync(HttpStatusCode.BadGateway);
        Assert.Contains("answered 503 ServiceUnavailable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Service Unavailable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(Token, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Admin.GetAsync("/api/v1/frameio/connections/default")).StatusCode);

        // Frame.io unreachable altogether: a 502 too.
        _host.Frameio.Faults.Next(FakeFault.DropConnection, times: 10, template: FakeFrameioRoutes.Me);
        await (await _host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = Token })).AssertProblemAsync(HttpStatusCode.BadGateway);
    }

    [Fact]
    public async Task A_connection_for_a_group_that_does_not_exist_is_a_404_naming_it_and_registers_nothing()
    {
        _host.Frameio.AddTokenUser(Token);

        var missing = await _host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/groups/no-such-group", new { token = Token });

        var problem = await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no-such-group", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(_host.Frameio.Requests);
        Assert.Empty(_host.Frameio.Snapshot().Webhooks);
        var malformed = await _host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/groups/bad%20id", new { token = Token });
        await malformed.AssertInvalidFieldAsync("groupId");
    }

    [Fact]
    public async Task A_webhook_create_whose_answer_is_lost_and_one_left_by_an_earlier_connection_leave_exactly_one_webhook()
    {
        var seed = _host.Frameio.AddTokenUser(Token);
        var account = seed.Accounts[0];
        await (await _host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = Token })).ReadSuccessAsync<ConnectionView>();
        // Frame.io makes the webhook, the answer never arrives: the secret is lost with it, so that one must go.
        _host.Frameio.Faults.Next(FakeFault.LoseAnswer, template: FakeFrameioRoutes.Webhooks);
        await (await _host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default/account", new { accountId = account.AccountId })).ReadSuccessAsync<ConnectionView>();
        var webhook = Assert.Single(_host.Frameio.Snapshot().Webhooks);

        // The webhook it keeps is the one whose secret it holds: a delivery signed with it is accepted.
        Assert.Equal(HttpStatusCode.Accepted, await _host.Frameio.SendWebhookAsync(webhook.Id, "comment.created", "comment", "comment-0"));

        // Connecting again while the old webhook's removal fails: the old one is cleared before the new one is made.
        _host.Frameio.Faults.Next(FakeFault.ServerError, times: 4, template: FakeFrameioRoutes.Webhook);
        await (await _host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default", new { token = Token })).ReadSuccessAsync<ConnectionView>();
        await (await _host.Admin.PutAsJsonAsync("/api/v1/frameio/connections/default/account", new { accountId = account.AccountId })).ReadSuccessAsync<ConnectionView>();
        Assert.NotEqual(webhook.Id, Assert.Single(_host.Frameio.Snapshot().Webhooks).Id);
    }

    [Fact]
    public async Task A_delivery_path_with_line_breaks_is_refused_and_cannot_forge_a_log_entry()
    {
        var forged = "default\r\nCritical Greenlight: forged entry";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/frameio/webhooks/{Uri.EscapeDataString(forged)}")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };

        using var response = await _host.Host.Anonymous.SendAsync(request);

        // The host refuses a route value holding control characters before the webhook inbox sees it.
        await response.AssertInvalidFieldAsync("connectionKey");
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("forged entry", StringComparison.Ordinal) && (l.Contains('\r') || l.Contains('\n')));
    }

    [Fact]
    public async Task A_project_of_a_group_without_a_connection_says_it_is_not_connected()
    {
        var group = await _host.AddGroupAsync("Unplugged group");
        var project = await (await _host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Unplugged", groupId = group, status = "Current" })).ReadSuccessAsync<ProjectView>();

        var sync = await _host.Admin.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{project.Id}");

        Assert.Null(sync.ConnectionKey);
        Assert.Contains("not connected", sync.Reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Admin.GetAsync("/api/v1/frameio/projects/no-such-project")).StatusCode);
        await (await _host.Admin.GetAsync($"/api/v1/frameio/projects/{new string('x', 65)}")).AssertInvalidFieldAsync("projectId");
    }
}
