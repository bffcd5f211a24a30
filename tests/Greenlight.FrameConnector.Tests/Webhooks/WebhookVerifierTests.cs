using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Greenlight.Modules.FrameConnector.Webhooks;

namespace Greenlight.FrameConnector.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    private const string Secret = "whsec-7d1e";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"comment.created","resource":{"type":"comment","id":"c-1"}}""");

    private readonly ManualTimeProvider _clock = new();
    private readonly FrameioWebhookVerifier _verifier;

    public WebhookVerifierTests() => _verifier = new FrameioWebhookVerifier(_clock);

    private string Now => _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Signed here from the spec's formula, independently of the verifier.</summary>
    private static string Sign(string timestamp, byte[] body, string secret = Secret) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes($"v0:{timestamp}:"), .. body]));

    [Fact]
    public void A_delivery_signed_with_the_secret_within_the_window_is_genuine()
    {
        var verdict = _verifier.Verify(Secret, Now, Sign(Now, Body), Body);

        Assert.True(verdict.IsGenuine, verdict.Reason);
    }

    [Fact]
    public void A_delivery_signed_four_minutes_ago_is_still_genuine()
    {
        var timestamp = Now;
        _clock.Advance(TimeSpan.FromMinutes(4));

        Assert.True(_verifier.Verify(Secret, timestamp, Sign(timestamp, Body), Body).IsGenuine);
    }

    [Theory]
    [InlineData("other-secret", false)]
    [InlineData(Secret, true)]
    public void A_wrong_secret_or_a_changed_body_is_a_signature_mismatch(string signingSecret, bool tamperBody)
    {
        var body = tamperBody ? Encoding.UTF8.GetBytes("""{"type":"comment.deleted"}""") : Body;

        var verdict = _verifier.Verify(Secret, Now, Sign(Now, Body, signingSecret), body);

        Assert.Equal(WebhookRejection.SignatureMismatch, verdict.Rejection);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void A_timestamp_more_than_five_minutes_away_is_rejected_even_when_correctly_signed(int minutes)
    {
        var timestamp = _clock.GetUtcNow().AddMinutes(minutes).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var verdict = _verifier.Verify(Secret, timestamp, Sign(timestamp, Body), Body);

        Assert.Equal(WebhookRejection.TimestampOutsideWindow, verdict.Rejection);
        Assert.Contains("5 minutes", verdict.Reason);
    }

    [Theory]
    [InlineData(null, "v0=00", WebhookRejection.MissingTimestamp)]
    [InlineData("yesterday", "v0=00", WebhookRejection.MalformedTimestamp)]
    [InlineData("-5", "v0=00", WebhookRejection.MalformedTimestamp)]
    [InlineData("now", null, WebhookRejection.MissingSignature)]
    [InlineData("now", "sha256=abc", WebhookRejection.MalformedSignature)]
    [InlineData("now", "v0=not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex", WebhookRejection.MalformedSignature)]
    [InlineData("now", "v0=abcd", WebhookRejection.MalformedSignature)]
    public void Malformed_or_missing_headers_are_rejected_with_a_reason(string? timestamp, string? signature, WebhookRejection expected)
    {
        var verdict = _verifier.Verify(Secret, timestamp == "now" ? Now : timestamp, signature, Body);

        Assert.Equal(expected, verdict.Rejection);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
    }
}
