using Greenlight.Host.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Greenlight.Host.OpenApi;

/// <summary>
/// An object's schema says what a body must carry as <see cref="StrictJson"/> decides it (a field declared
/// nullable or given a default is optional; every other one required); a field is nullable only where its
/// declared type is (strict reading leaves every reference nullable for writing, which the schema would
/// otherwise repeat); and a field that is only ever written (a property computed from others) is read-only,
/// so no client takes it for something a body can set.
/// </summary>
public sealed class DeclaredFields : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property)
        {
            if (!DeclaresNull(property) && schema.Type is { } type) schema.Type = type & ~JsonSchemaType.Null;
            if (property.Set is null && property.AssociatedParameter is null) schema.ReadOnly = true;
        }
        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && context.JsonTypeInfo.Properties.Count > 0)
        {
            var required = context.JsonTypeInfo.Properties.Where(StrictJson.IsRequired).Select(p => p.Name).ToHashSet();
            schema.Required = required.Count > 0 ? required : null;
        }
        return Task.CompletedTask;
    }

    private static bool DeclaresNull(JsonPropertyInfo property)
    {
        if (property.AssociatedParameter is { } parameter) return parameter.IsNullable;
        if (property.PropertyType.IsValueType) return Nullable.GetUnderlyingType(property.PropertyType) is not null;
        var nullability = new NullabilityInfoContext();
        var declared = property.AttributeProvider switch
        {
            PropertyInfo member => nullability.Create(member),
            FieldInfo member => nullability.Create(member),
            _ => null,
        };
        return declared?.ReadState != NullabilityState.NotNull;
    }
}
