using Microsoft.AspNetCore.OpenApi;
using System.Text.Json.Serialization.Metadata;

namespace Greenlight.Host.OpenApi;

/// <summary>
/// A nested type is named with the types that declare it: the <c>Body</c> records of create-approval,
/// edit-message and publication become <c>CreateApprovalBody</c>, <c>EditApprovalMessageBody</c> and
/// <c>PublishToExperienceManagerBody</c>, instead of one schema <c>Body</c> that describes only one of them.
/// </summary>
public static class SchemaNames
{
    public static string? ReferenceId(JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (id is null) return null;
        for (var declaring = type.Type.DeclaringType; declaring is not null; declaring = declaring.DeclaringType)
            id = BaseName(declaring) + id;
        return id;
    }

    /// <summary>"Outer`1" is "Outer".</summary>
    private static string BaseName(Type type) => type.Name.Split('`')[0];
}
