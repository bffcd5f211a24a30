using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Permissions;

/// <summary>One object on the way from the object asked about up to the root of the work tree.</summary>
/// <param name="InheritsFromParent">False when someone with Manage turned inherited permissions off: the object then takes nothing from above it.</param>
[GenerateSerializer, Immutable, Alias("access.access-node")]
public sealed record AccessNode([property: Id(0)] ObjectRef Object, [property: Id(1)] IReadOnlyList<Grant> Grants, [property: Id(2)] bool InheritsFromParent = true);
