using System.Text.Json;
using System.Text.RegularExpressions;
using Greenlight.Host.Http;
using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Greenlight.Host.Problems;

/// <summary>Turns the kernel's exceptions (and malformed bodies) into RFC 9457 problem responses.</summary>
public sealed partial class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestValidationException invalid => Validation(invalid.Errors),
            BadHttpRequestException { InnerException: JsonException json } when StrictJson.MissingFields(json) is { Count: > 0 } missing =>
                Validation(missing.ToDictionary(field => field, _ => new[] { "The field is required." })),
            BadHttpRequestException { InnerException: JsonException json } => Invalid(JsonField(json.Path)),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad => Invalid(BoundField(bad.Message)),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", bad.Message),
            NotAuthenticatedException e => Problem(StatusCodes.Status401Unauthorized, "Not authenticated", e.Message),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
            ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
            // A host of the cluster died while it held an object the request needed (or its second activation's write was
            // refused meanwhile); within seconds a survivor takes the object over.
            _ when ClusterChange.Caused(exception) => Unavailable(context, exception),
            ContentTooLargeException e => Problem(StatusCodes.Status413PayloadTooLarge, "Content too large", e.Message),
            UpstreamFailureException e => Upstream(e),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Internal error", "The server failed; the error is logged.");
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private ProblemDetails Unavailable(HttpContext context, Exception rejected)
    {
        // Expected while a host fails over; logged all the same, as a rejection can have other causes.
        logger.LogWarning(rejected, "The cluster rejected a grain call of {Method} {Path}", context.Request.Method, context.Request.Path);
        context.Response.Headers.RetryAfter = "1";
        return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            "A server of the cluster stopped while the request ran, so it may or may not have been applied; retry it in a moment.");
    }

    /// <summary>An outside service said no or was down: expected, so a warning with what it answered, and no stack trace.</summary>
    private ProblemDetails Upstream(UpstreamFailureException failure)
    {
        logger.LogWarning("A request failed in a service outside Greenlight: {Reason}", failure.Message);
        return Problem(StatusCodes.Status502BadGateway, "Bad gateway", failure.Message);
    }

    private static ValidationProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid",
            Detail = "Fields: " + string.Join(", ", errors.Keys),
        };

    private static ValidationProblemDetails Invalid(string field) =>
        Validation(new Dictionary<string, string[]> { [field] = ["The value is missing, malformed or of the wrong type."] });

    /// <summary>
    /// The parameter a binding failure names ("Failed to bind parameter \"int? limit\" from \"abc\"." is "limit"),
    /// or "body" when the body is what is missing or unreadable.
    /// </summary>
    private static string BoundField(string message) =>
        BodyMissing().IsMatch(message) ? "body" : BoundParameter().Match(message) is { Success: true } match ? match.Groups[1].Value : "request";

    [GeneratedRegex("from body|no body was provided|from the request body")]
    private static partial Regex BodyMissing();

    [GeneratedRegex("parameter \"[^\"]*?(\\w+)\"")]
    private static partial Regex BoundParameter();

    /// <summary>"$.stages[0].name" becomes "stages[0].name"; an unreadable body as a whole is "body".</summary>
    private static string JsonField(string? path) =>
        path is null or "$" ? "body" : FieldPath.ToCamelCase(path.TrimStart('$', '.'));
}
