using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Greenlight.Kernel.Validation;

namespace Greenlight.Host.Http;

/// <summary>
/// Request bodies say what they mean. A value-type constructor parameter (a flag, an enum, a number, a
/// date) that is neither nullable nor given a default must be present, since its missing value would
/// otherwise read as a meaningful default (a missing <c>"decision"</c> would be <c>Approved</c>, the
/// enum's first value; a missing <c>"inheritsFromParent"</c> false). Null is refused where the declared
/// type does not allow it. A missing text or list reaches the validators, which name it. Optional
/// fields are those declared nullable or given a default.
/// </summary>
public static partial class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.RespectNullableAnnotations = true;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Strict);
    }

    /// <summary>What a client must send: the fields binding requires, and the non-nullable ones without a default that validators require.</summary>
    public static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false };

    private static void Strict(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false, ParameterType.IsValueType: true }) property.IsRequired = true;
            // Strict when reading only: an answer is never refused because a view holds a null its type does not declare.
            if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null) property.IsGetNullable = true;
        }
    }

    /// <summary>
    /// The fields a "missing required properties" error names, as paths from the body's root in the names
    /// the client sends (<c>"stages[0].decision"</c>). Empty for any other error. System.Text.Json names the
    /// missing properties only in its message, and stops listing them after about 60 characters.
    /// </summary>
    public static IReadOnlyList<string> MissingFields(JsonException error)
    {
        const string marker = "missing required properties including:";
        var at = error.Message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return [];
        var parent = error.Path is null or "$" ? "" : error.Path.TrimStart('$', '.') + ".";
        return [.. QuotedNames().Matches(error.Message[(at + marker.Length)..]).Select(m => FieldPath.ToCamelCase(parent + m.Groups[1].Value))];
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedNames();
}
