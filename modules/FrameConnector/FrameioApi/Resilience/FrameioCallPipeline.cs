using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Greenlight.Modules.FrameConnector.FrameioApi.Resilience;

/// <summary>
/// Everything between "send this request" and an answer worth reading: pacing to the endpoint's rate
/// limit, a timeout per attempt, retries of 5xx and transport failures (bounded), retries of 429 after
/// the wait the headers imply, and a bound on the total waiting of one call.
/// </summary>
/// <remarks>
/// Layers, outermost first: 429 retry → failure retry → [pacing, then per-attempt timeout → send].
/// A 429 or 5xx is an answer, so retrying it is safe even for a create. A timeout or a dropped
/// connection after a POST was sent is not: Frame.io may have created the object, so that failure
/// surfaces as <see cref="FrameioOutcomeUnknownException"/> instead of being retried.
/// </remarks>
internal sealed class FrameioCallPipeline
{
    /// <summary>Jitter adds up to this fraction on top of the doubled back-off, so waits never drop below Frame.io's minimum.</summary>
    private const double JitterFraction = 0.25;

    private static readonly ResiliencePropertyKey<FrameioEndpoint> EndpointKey = new("frameio.endpoint");
    private static readonly ResiliencePropertyKey<DateTimeOffset> DeadlineKey = new("frameio.deadline");

    private readonly FrameioClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimitPacer _pacer;
    private readonly ResiliencePipeline<HttpResponseMessage> _retries;
    private readonly ResiliencePipeline _attemptTimeout;

    public FrameioCallPipeline(FrameioClientOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _pacer = new RateLimitPacer(time);
        var retries = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        // Polly refuses a retry strategy of zero retries; zero means "no such strategy".
        if (options.MaxRateLimitRetries > 0)
            retries.AddRetry(Retry(options.MaxRateLimitRetries, (outcome, _) => outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests));
        if (options.MaxServerFailureRetries > 0) retries.AddRetry(Retry(options.MaxServerFailureRetries, IsRetryableFailure));
        _retries = retries.Build();
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>Runs <paramref name="send"/> (called once per attempt, with a fresh request) until it yields an answer to read.</summary>
    public async Task<HttpResponseMessage> SendAsync(FrameioEndpoint endpoint, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var deadline = _time.GetUtcNow() + _options.MaxWaitPerCall;
        context.Properties.Set(EndpointKey, endpoint);
        context.Properties.Set(DeadlineKey, deadline);
        try
        {
            return await _retries.ExecuteAsync(async attempt =>
            {
                await PaceAsync(endpoint, deadline, attempt.CancellationToken);
                var response = await AttemptAsync(endpoint, send, attempt.CancellationToken);
                if (RateLimitHeaders.From(response) is { } headers) _pacer.Observe(endpoint, headers);
                return response;
            }, context);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw endpoint.IsIdempotent ? new FrameioUnreachableException(endpoint.ToString(), timeout) : new FrameioOutcomeUnknownException(endpoint.ToString(), timeout);
        }
        catch (HttpRequestException failure)
        {
            throw endpoint.IsIdempotent || CertainlyNotSent(failure)
                ? new FrameioUnreachableException(endpoint.ToString(), failure)
                : new FrameioOutcomeUnknownException(endpoint.ToString(), failure);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt within its timeout, counted by its answer or its failure.</summary>
    private async Task<HttpResponseMessage> AttemptAsync(FrameioEndpoint endpoint, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _attemptTimeout.ExecuteAsync(async token => await send(token), cancellationToken);
            FrameioMetrics.Answered(endpoint, (int)response.StatusCode);
            return response;
        }
        catch (Exception failure) when (failure is TimeoutRejectedException or HttpRequestException)
        {
            FrameioMetrics.Unanswered(endpoint, failure is TimeoutRejectedException ? "timeout" : "unreachable");
            throw;
        }
    }

    private async Task PaceAsync(FrameioEndpoint endpoint, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var pacing = _pacer.Reserve(endpoint, deadline);
        if (!pacing.Reserved) throw new FrameioTryLaterException(endpoint.ToString(), _time.GetUtcNow() + pacing.Wait);
        if (pacing.Wait <= TimeSpan.Zero) return;
        FrameioMetrics.Waited(endpoint, pacing.Wait, "pacing");
        await Task.Delay(pacing.Wait, _time, cancellationToken);
    }

    private RetryStrategyOptions<HttpResponseMessage> Retry(int maxRetries, Func<Outcome<HttpResponseMessage>, FrameioEndpoint, bool> shouldRetry) => new()
    {
        MaxRetryAttempts = maxRetries,
        ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome, EndpointOf(args.Context))),
        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayWithinDeadline(args.Outcome, args.Context, args.AttemptNumber)),
        OnRetry = args =>
        {
            _logger.LogWarning("Frame.io {Endpoint} {Failure}; retry {Retry} in {Delay} ms.", EndpointOf(args.Context),
                Describe(args.Outcome), args.AttemptNumber + 1, (int)args.RetryDelay.TotalMilliseconds);
            if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests) FrameioMetrics.Waited(EndpointOf(args.Context), args.RetryDelay, "retry_after");
            args.Outcome.Result?.Dispose();
            return default;
        },
    };

    /// <summary>A 5xx is an answer, safe to repeat; a lost answer is safe to repeat only for an idempotent call or one never sent.</summary>
    private static bool IsRetryableFailure(Outcome<HttpResponseMessage> outcome, FrameioEndpoint endpoint) => outcome switch
    {
        { Result: { } response } => (int)response.StatusCode >= 500,
        { Exception: TimeoutRejectedException } => endpoint.IsIdempotent,
        { Exception: HttpRequestException failure } => endpoint.IsIdempotent || CertainlyNotSent(failure),
        _ => false,
    };

    /// <summary>The retry callbacks are shared by every call; Polly hands each the call's endpoint through its context.</summary>
    private static FrameioEndpoint EndpointOf(ResilienceContext context) => context.Properties.GetValue(EndpointKey, null!);

    /// <summary>Back-off from <see cref="FrameioClientOptions.BaseBackoff"/>, doubling, with jitter; for a 429 at least what the headers imply.</summary>
    private TimeSpan DelayWithinDeadline(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attemptNumber)
    {
        var backoff = _options.BaseBackoff * Math.Pow(2, attemptNumber) * (1 + Random.Shared.NextDouble() * JitterFraction);
        var delay = outcome.Result is { } response && RateLimitHeaders.RetryAfter(response) is { } implied && implied > backoff ? implied : backoff;
        var resumeAt = _time.GetUtcNow() + delay;
        if (resumeAt <= context.Properties.GetValue(DeadlineKey, DateTimeOffset.MaxValue)) return delay;
        outcome.Result?.Dispose();
        throw new FrameioTryLaterException(EndpointOf(context).ToString(), resumeAt);
    }

    /// <summary>Failures that happen before any byte of the request left: repeating them cannot create anything twice.</summary>
    private static bool CertainlyNotSent(HttpRequestException failure) =>
        failure.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"answered {(int)response.StatusCode}" : $"failed ({outcome.Exception?.GetType().Name})";
}
