using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Greenlight.Host.Problems;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the request's Accept header says:
/// ASP.NET Core's own writer declines a client that asks only for, say, XML, which left an error with
/// no body at all (and a failed exception handler). A client always learns what went wrong.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context) =>
        new(context.HttpContext.Response.WriteAsJsonAsync(context.ProblemDetails, context.ProblemDetails.GetType(),
            json.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
}
