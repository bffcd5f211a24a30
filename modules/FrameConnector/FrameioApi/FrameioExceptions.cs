using System.Net;

namespace Greenlight.Modules.FrameConnector.FrameioApi;

/// <summary>Any failure of a Frame.io call. The message names the method and path template, never the token.</summary>
public abstract class FrameioException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One entry of Frame.io's <c>{"errors":[…]}</c> body; <see cref="Pointer"/> names the offending field, if any.</summary>
public sealed record FrameioError(string? Title, string? Detail, string? Pointer);

/// <summary>Frame.io answered with an error status (after any retries the status allowed).</summary>
public sealed class FrameioApiException(string endpoint, HttpStatusCode status, IReadOnlyList<FrameioError> errors, TimeSpan? retryAfter)
    : FrameioException(Describe(endpoint, status, errors))
{
    public HttpStatusCode Status { get; } = status;

    public IReadOnlyList<FrameioError> Errors { get; } = errors;

    /// <summary>For a 429: how long the rate-limit headers say to wait before the next try.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    private static string Describe(string endpoint, HttpStatusCode status, IReadOnlyList<FrameioError> errors)
    {
        var reasons = errors.Select(e => string.Join(": ", new[] { e.Pointer, e.Title, e.Detail }.Where(s => !string.IsNullOrEmpty(s))));
        return $"Frame.io {endpoint} answered {(int)status} {status}" + (errors.Count == 0 ? "." : $": {string.Join("; ", reasons)}");
    }
}

/// <summary>
/// The call would have had to wait longer than <see cref="FrameioClientOptions.MaxWaitPerCall"/> (rate limit
/// spent, or back-off after failures). Nothing was changed by the waiting; reschedule at <see cref="RetryAt"/>.
/// </summary>
public sealed class FrameioTryLaterException(string endpoint, DateTimeOffset retryAt)
    : FrameioException($"Frame.io {endpoint} is busy; try again after {retryAt:O}.")
{
    public DateTimeOffset RetryAt { get; } = retryAt;
}

/// <summary>
/// A create (POST) was sent but no answer came (timeout, dropped connection). Frame.io creates are not
/// idempotent, so the client does not repeat it: the object may or may not exist. Look it up by name
/// before creating it again.
/// </summary>
public sealed class FrameioOutcomeUnknownException(string endpoint, Exception inner)
    : FrameioException($"Frame.io {endpoint} was sent but not answered; it may or may not have taken effect.", inner);

/// <summary>Frame.io could not be reached, or kept failing in transport, for a call that is safe to repeat later.</summary>
public sealed class FrameioUnreachableException(string endpoint, Exception inner)
    : FrameioException($"Frame.io {endpoint} could not be reached: {inner.Message}", inner);
