using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Permissions;

namespace Greenlight.Modules.Access.Sharing;

/// <summary>How objects are named in grain keys, audit entries and the objects table: "Project:p1".</summary>
public static class ObjectKeys
{
    public static string Of(ObjectRef obj) => $"{obj.Type}:{obj.Id}";

    public static ObjectRef Parse(string key)
    {
        var colon = key.IndexOf(':');
        return new ObjectRef(Enum.Parse<ObjectType>(key[..colon]), key[(colon + 1)..]);
    }

    /// <summary>Portfolios, programs and projects contain the objects below them; everything else sits in one of them.</summary>
    public static bool IsContainerType(ObjectType type) => type is ObjectType.Portfolio or ObjectType.Program or ObjectType.Project;
}

/// <param name="SharedBy">Who shared it: the External users it names may see that person. Null for the creator's grant (and grants stored before it was kept).</param>
[GenerateSerializer, Immutable, Alias("access.grant-data")]
public sealed record GrantData([property: Id(0)] GranteeKind Kind, [property: Id(1)] string GranteeId, [property: Id(2)] Permission Permission, [property: Id(3)] string? SharedBy = null)
{
    public static GrantData From(Grant grant, string? sharedBy = null) => new(grant.Grantee.Kind, grant.Grantee.Id, grant.Permission, sharedBy);

    public Grant ToGrant() => new(ToGrantee(Kind, GranteeId), Permission);

    public static Grantee ToGrantee(GranteeKind kind, string id) => kind switch
    {
        GranteeKind.User => Grantee.User(id),
        GranteeKind.Team => Grantee.Team(id),
        GranteeKind.Group => Grantee.Group(id),
        GranteeKind.SystemWide => Grantee.SystemWide,
        GranteeKind.Email => Grantee.Email(id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// One secured object: where it sits (its parent; null for a portfolio, program or project at top level), its grants and
/// its inheritance flag. Its type and id are its grain's key; the container it is in is the nearest container at or above it.
/// </summary>
[GenerateSerializer, Alias("access.secured-object-state")]
public sealed class SecuredObjectState : VersionedState
{
    /// <summary>False before registration and after removal (the version keeps counting, so silos drop what they cached).</summary>
    [Id(0)]
    public bool Registered { get; set; }

    /// <summary>The parent object's <see cref="ObjectKeys"/> key.</summary>
    [Id(1)]
    public string? ParentKey { get; set; }

    [Id(2)]
    public bool Inherits { get; set; } = true;

    [Id(3)]
    public List<GrantData> Grants { get; set; } = [];
}

/// <summary>What a silo keeps of a secured object: its node (null when it is not registered) and its parent's key.</summary>
[GenerateSerializer, Immutable, Alias("access.secured-node")]
public sealed record SecuredNode([property: Id(0)] AccessNode? Node, [property: Id(1)] string? ParentKey);
