using System.Diagnostics;
using Greenlight.Kernel.Errors;
using MediatR;

namespace Greenlight.Kernel.Telemetry;

/// <summary>
/// A span per mediator request, named after the request type, outermost in the pipeline: the authorization
/// and validation behaviours inside it tag it with their outcome (<see cref="RequestSpan"/>), and it ends
/// with the request's outcome. Registered only when telemetry is on.
/// </summary>
public sealed class RequestTracingBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse> where TRequest : notnull
{
    private static readonly string SpanName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = GreenlightTelemetry.Source.StartActivity(SpanName);
        if (activity is null) return await next();
        activity.SetTag(RequestSpan.RequestTag, SpanName);
        activity.SetCustomProperty(RequestSpan.Marker, true);
        try
        {
            var response = await next();
            activity.SetTag(RequestSpan.OutcomeTag, "ok");
            return response;
        }
        catch (Exception error)
        {
            activity.SetTag(RequestSpan.OutcomeTag, Outcome(error));
            // The type only: an exception's message may quote what the caller sent.
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            throw;
        }
    }

    private static string Outcome(Exception error) => error switch
    {
        NotAuthenticatedException => "unauthenticated",
        ForbiddenException => "forbidden",
        NotFoundException => "not_found",
        RequestValidationException => "invalid",
        ConflictException => "conflict",
        OperationCanceledException => "canceled",
        _ => "error",
    };
}

/// <summary>Tags the current request's span, when there is one: how the behaviours inside it decided.</summary>
public static class RequestSpan
{
    public const string RequestTag = "greenlight.request";
    public const string AuthorizationTag = "greenlight.authorization";
    public const string ValidationTag = "greenlight.validation";
    public const string OutcomeTag = "greenlight.outcome";

    internal const string Marker = "greenlight.request-span";

    /// <summary>"allowed", "denied", "hidden" (denied as not found) or "system" (the system principal is not checked).</summary>
    public static void Authorization(string outcome) => Tag(AuthorizationTag, outcome);

    /// <summary>"passed" or "failed".</summary>
    public static void Validation(string outcome) => Tag(ValidationTag, outcome);

    private static void Tag(string key, string value)
    {
        if (Activity.Current is { } span && span.GetCustomProperty(Marker) is not null) span.SetTag(key, value);
    }
}
