using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Greenlight.Host.OpenApi;

/// <summary>
/// Every operation lists the problems any request can meet on its way through the host (see
/// <see cref="Problems.ExceptionProblems"/>), each as <c>application/problem+json</c>: an invalid field, no
/// token, no right, no such object (or one the caller may not know of), a conflict, a body over the limit
/// where a body is taken, a host of the cluster stopping mid-request. An operation's own declaration of a
/// status stays as it is.
/// </summary>
public sealed class ProblemResponses : IOpenApiDocumentTransformer
{
    public const string MediaType = "application/problem+json";
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "ValidationProblemDetails";

    private static readonly (string Status, string Description, string Schema)[] Always =
    [
        ("400", "The request is malformed or a field is invalid; `errors` names each field.", ValidationProblemSchema),
        ("401", "No bearer token, or one that is unknown or revoked.", ProblemSchema),
        ("403", "The caller's rights do not allow this.", ProblemSchema),
        ("404", "No such object, or one the caller may not know exists.", ProblemSchema),
        ("409", "The request conflicts with the object's state, or the object changed while it ran; retry it.", ProblemSchema),
    ];

    private static readonly (string Status, string Description, string Schema) TooLarge =
        ("413", "The body is larger than the host accepts (setting Http:MaxRequestBodyBytes).", ProblemSchema);

    private static readonly (string Status, string Description, string Schema) Unavailable =
        ("503", "A host of the cluster stopped while the request ran, so it may or may not have been applied; retry after Retry-After.", ProblemSchema);

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ProblemSchema, Problem(withErrors: false));
        document.Components.Schemas.TryAdd(ValidationProblemSchema, Problem(withErrors: true));

        foreach (var path in document.Paths.Values)
        foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
        {
            operation.Responses ??= new OpenApiResponses();
            (string Status, string Description, string Schema)[] problems = operation.RequestBody is null ? [.. Always, Unavailable] : [.. Always, TooLarge, Unavailable];
            foreach (var (status, description, schema) in problems)
            {
                operation.Responses.TryAdd(status, new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { [MediaType] = new() { Schema = new OpenApiSchemaReference(schema, document) } },
                });
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>RFC 9457 problem details as the host writes them, with the validation errors by field when <paramref name="withErrors"/>.</summary>
    private static OpenApiSchema Problem(bool withErrors)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        if (withErrors)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The messages for each invalid field, by the field's path in the body (\"stages[0].dueDate\") or the parameter's name.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = properties,
            Required = withErrors ? new HashSet<string> { "title", "status", "errors" } : new HashSet<string> { "title", "status" },
        };
    }
}
