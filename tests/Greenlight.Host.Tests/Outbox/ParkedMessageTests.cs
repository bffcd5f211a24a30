using System.Net;
using System.Net.Http.Json;
using Greenlight.Host.Tests.Support;
using Greenlight.Kernel.Outbox;
using Greenlight.Testing;

namespace Greenlight.Host.Tests.Outbox;

/// <summary>
/// A delivery that keeps failing is parked, shown to administrators and retried by them through the
/// API. The sample plugin's probe handler fails while its probe is switched to "failing".
/// </summary>
public sealed class ParkedMessageTests : IAsyncLifetime
{
    private const int MaxAttempts = 3;
    private const string Probe = "parking";
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Modules:PluginsPath"] = TestPaths.PluginsFolderWithSamplePlugin(),
        ["Outbox:MaxAttempts"] = MaxAttempts.ToString(),
        ["Outbox:BaseRetryDelay"] = "00:00:00.050",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_message_that_fails_every_attempt_is_parked_and_an_administrator_retries_it()
    {
        await SwitchProbeAsync(failing: true);
        await SendAsync(HttpMethod.Post, $"/api/v1/sample/probes/{Probe}/fire");

        var parked = await WaitForParkedProbeAsync();
        Assert.Equal(MaxAttempts, parked.Attempts);
        Assert.Contains($"Probe '{Probe}' is set to fail.", parked.LastError);
        Assert.Equal(0, await DeliveriesAsync());

        await SwitchProbeAsync(failing: false);
        await SendAsync(HttpMethod.Post, $"/api/v1/admin/outbox/parked/{parked.Id}/retry");

        await Eventually.MatchesAsync(DeliveriesAsync, count => count == 1, TimeSpan.FromSeconds(10), "delivered once after the retry");
        Assert.DoesNotContain(await ListParkedAsync(), m => m.Id == parked.Id);
    }

    [Fact]
    public async Task Only_an_administrator_may_retry_a_parked_message()
    {
        await SwitchProbeAsync(failing: true);
        await SendAsync(HttpMethod.Post, $"/api/v1/sample/probes/{Probe}/fire");
        var parked = await WaitForParkedProbeAsync();
        var (user, _) = await _host.SignInAnotherUserAsync("not-an-administrator");

        using (user)
        {
            await (await user.PostAsync($"/api/v1/admin/outbox/parked/{parked.Id}/retry", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await user.GetAsync("/api/v1/admin/outbox/parked")).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Contains(await ListParkedAsync(), m => m.Id == parked.Id);
    }

    private Task SwitchProbeAsync(bool failing) =>
        SendAsync(HttpMethod.Put, $"/api/v1/sample/probes/{Probe}", JsonContent.Create(new { failing }));

    private async Task SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var response = await _host.Admin.SendAsync(new HttpRequestMessage(method, path) { Content = content });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent,
            $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private Task<long> DeliveriesAsync() => _host.Admin.GetSuccessAsync<long>($"/api/v1/sample/probes/{Probe}/deliveries");

    private Task<List<ParkedMessage>> ListParkedAsync() => _host.Admin.GetSuccessAsync<List<ParkedMessage>>("/api/v1/admin/outbox/parked");

    private async Task<ParkedMessage> WaitForParkedProbeAsync()
    {
        var parked = await Eventually.MatchesAsync(ListParkedAsync, messages => messages.Any(IsProbeMessage),
            TimeSpan.FromSeconds(10), "parked");
        return parked.Single(IsProbeMessage);
    }

    private static bool IsProbeMessage(ParkedMessage message) => message.MessageType == "sample.probe-fired";
}
