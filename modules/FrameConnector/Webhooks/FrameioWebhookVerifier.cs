using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Greenlight.Modules.FrameConnector.Webhooks;

/// <summary>Why a delivery was rejected; the connector answers 401 to all of them, the reason goes to the log.</summary>
public enum WebhookRejection
{
    MissingTimestamp,
    MalformedTimestamp,
    TimestampOutsideWindow,
    MissingSignature,
    MalformedSignature,
    SignatureMismatch,
}

/// <summary>The verdict on one delivery: <see cref="Rejection"/> is null when it is genuine.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.webhook-verification")]
public sealed record WebhookVerification([property: Id(0)] WebhookRejection? Rejection, [property: Id(1)] string Reason)
{
    public static readonly WebhookVerification Genuine = new(null, "signature valid");

    public bool IsGenuine => Rejection is null;
}

/// <summary>
/// Checks a Frame.io webhook delivery: <c>X-Frameio-Signature: v0=&lt;hex&gt;</c> must be
/// HMAC-SHA256(secret, "v0:" + <c>X-Frameio-Request-Timestamp</c> + ":" + raw body), and the timestamp
/// (Unix seconds) within five minutes of now, so a captured delivery cannot be replayed later.
/// Pure: the clock is injected, nothing is stored.
/// </summary>
public sealed class FrameioWebhookVerifier(TimeProvider time)
{
    public const string TimestampHeader = "X-Frameio-Request-Timestamp";
    public const string SignatureHeader = "X-Frameio-Signature";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Version = "v0";

    public WebhookVerification Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrWhiteSpace(timestampHeader)) return Reject(WebhookRejection.MissingTimestamp, $"no {TimestampHeader} header");
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return Reject(WebhookRejection.MalformedTimestamp, $"{TimestampHeader} is not Unix seconds");
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > Window)
            return Reject(WebhookRejection.TimestampOutsideWindow, $"{TimestampHeader} is {age.TotalSeconds:0} s from now, more than {Window.TotalMinutes:0} minutes");
        if (string.IsNullOrWhiteSpace(signatureHeader)) return Reject(WebhookRejection.MissingSignature, $"no {SignatureHeader} header");
        if (!TryReadSignature(signatureHeader, out var claimed))
            return Reject(WebhookRejection.MalformedSignature, $"{SignatureHeader} is not {Version}=<64 hex digits>");
        var expected = Sign(secret, timestampHeader, rawBody);
        return CryptographicOperations.FixedTimeEquals(expected, claimed)
            ? WebhookVerification.Genuine
            : Reject(WebhookRejection.SignatureMismatch, "signature does not match the body and the secret");
    }

    private static byte[] Sign(string secret, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(message, 0);
        rawBody.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    private static bool TryReadSignature(string header, out byte[] signature)
    {
        signature = [];
        var value = header.Trim();
        if (!value.StartsWith(Version + "=", StringComparison.Ordinal) || value.Length != Version.Length + 1 + SHA256.HashSizeInBytes * 2) return false;
        try
        {
            signature = Convert.FromHexString(value.AsSpan(Version.Length + 1));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static WebhookVerification Reject(WebhookRejection rejection, string reason) => new(rejection, reason);
}
