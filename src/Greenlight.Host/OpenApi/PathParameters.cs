using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Greenlight.Host.OpenApi;

/// <summary>
/// Every parameter of an operation's path is declared, also those its handler reads from the route
/// (through a route group or the route values) rather than as a parameter of its own, which the
/// generator does not see.
/// </summary>
public sealed partial class PathParameters : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = (operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Path).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (Match parameter in RouteParameter().Matches(context.Description.RelativePath ?? ""))
        {
            var name = parameter.Groups["name"].Value;
            if (declared.Contains(name)) continue;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>"{taskId}", "{id:int}", "{*path}": the name without constraint or catch-all mark.</summary>
    [GeneratedRegex(@"\{\**(?<name>[^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
