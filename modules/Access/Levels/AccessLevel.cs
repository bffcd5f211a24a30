using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Levels;

public enum BuiltInLevel
{
    SystemAdministrator,
    Standard,
    Light,
    Contributor,
    External,
}

/// <summary>What a user may do with each object type and area; every user has exactly one.</summary>
/// <param name="BuiltIn">Which built-in level this is; null for a custom level (even one copied from a built-in).</param>
[GenerateSerializer, Immutable, Alias("access.access-level")]
public sealed record AccessLevel([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] License License, [property: Id(3)] BuiltInLevel? BuiltIn, [property: Id(4)] IReadOnlyDictionary<AccessArea, AreaAccess> Areas)
{
    /// <summary>
    /// Full administrative access: the Setup area and every object of every user. Derived from the
    /// built-in kind rather than stored, because that level cannot be copied, so no custom level can carry it.
    /// </summary>
    public bool IsSystemAdministrator => BuiltIn == BuiltInLevel.SystemAdministrator;

    /// <summary>An area the level does not list is No Access.</summary>
    public AreaAccess Area(AccessArea area) => Areas.TryGetValue(area, out var access) ? access : AreaAccess.NoAccess;

    public AccessLevel WithArea(AccessArea area, AreaAccess access) =>
        this with { Areas = new Dictionary<AccessArea, AreaAccess>(Areas) { [area] = access } };
}
