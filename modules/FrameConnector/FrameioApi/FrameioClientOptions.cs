namespace Greenlight.Modules.FrameConnector.FrameioApi;

/// <summary>How the client reaches Frame.io and how patiently. Defaults follow Frame.io's guidance; tests shrink the times.</summary>
public sealed record FrameioClientOptions
{
    /// <summary>The V4 API root; configurable so tests can point it at a local fake.</summary>
    public Uri BaseUrl { get; init; } = new("https://api.frame.io/v4/");

    /// <summary>The first wait after a 429 or a failure; each further retry doubles it (plus jitter). Frame.io asks for at least 1 s.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a 5xx answer or a transport failure is retried before the call fails.</summary>
    public int MaxServerFailureRetries { get; init; } = 3;

    /// <summary>How often a 429 is retried; the <see cref="MaxWaitPerCall"/> bound usually ends the waiting first.</summary>
    public int MaxRateLimitRetries { get; init; } = 8;

    /// <summary>How long one attempt (send and read the answer) may take before it counts as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most one call may spend waiting (pacing and back-off together). A wait that would go past it
    /// fails at once with <see cref="FrameioTryLaterException"/>, so an outbox job reschedules instead of blocking a worker.
    /// </summary>
    public TimeSpan MaxWaitPerCall { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Items per page when listing; Frame.io allows 1 to 100.</summary>
    public int PageSize { get; init; } = 100;
}
