using System.Net;
using Greenlight.Modules.FrameConnector.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Greenlight.FrameConnector.Tests.Webhooks;

/// <summary>The fake's signed deliveries, received over loopback and checked by the verifier with the secret the client got at creation.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private FrameioHarness _harness = null!;
    private WebApplication _receiver = null!;
    private string _secret = "";
    private readonly List<WebhookVerification> _verdicts = [];

    public async Task InitializeAsync()
    {
        _harness = await FrameioHarness.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        var verifier = new FrameioWebhookVerifier(TimeProvider.System);
        _receiver.MapPost("/hooks/frameio", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var verdict = verifier.Verify(_secret, context.Request.Headers[FrameioWebhookVerifier.TimestampHeader],
                context.Request.Headers[FrameioWebhookVerifier.SignatureHeader], body.ToArray());
            lock (_verdicts) _verdicts.Add(verdict);
            return verdict.IsGenuine ? Results.Ok() : Results.Unauthorized();
        });
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Theory]
    [InlineData("file.created", "file")]
    [InlineData("comment.created", "comment")]
    [InlineData("action.executed", "action")]
    public async Task A_fresh_signed_delivery_is_accepted_and_a_replayed_one_refused(string eventType, string resourceType)
    {
        var created = await _harness.Client().CreateWebhookAsync(_harness.AccountId, _harness.WorkspaceId, "Greenlight",
            new Uri(new Uri(_receiver.Urls.First()), "/hooks/frameio"), [eventType]);
        _secret = created.Secret;

        var fresh = await _harness.Fake.SendWebhookAsync(created.Webhook.Id, eventType, resourceType, "r-1");
        var replayed = await _harness.Fake.SendWebhookAsync(created.Webhook.Id, eventType, resourceType, "r-1", signedAt: DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (fresh, replayed));
        Assert.Equal([null, WebhookRejection.TimestampOutsideWindow], _verdicts.Select(v => v.Rejection));
    }
}
