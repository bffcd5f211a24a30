using Greenlight.Kernel.Grains;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Sharing;

/// <summary>How objects are named in grain keys, audit entries and node maps: "Project:p1".</summary>
public static class ObjectKeys
{
    public static string Of(ObjectRef obj) => $"{obj.Type}:{obj.Id}";

    public static ObjectRef Parse(string key)
    {
        var colon = key.IndexOf(':');
        return new ObjectRef(Enum.Parse<ObjectType>(key[..colon]), key[(colon + 1)..]);
    }

    /// <summary>Portfolios, programs and projects hold their own grain; everything else sits in one of theirs.</summary>
    public static bool IsContainerType(ObjectType type) => type is ObjectType.Portfolio or ObjectType.Program or ObjectType.Project;
}

[GenerateSerializer, Immutable, Alias("access.grant-data")]
public sealed record GrantData([property: Id(0)] GranteeKind Kind, [property: Id(1)] string GranteeId, [property: Id(2)] Permission Permission)
{
    public static GrantData From(Grant grant) => new(grant.Grantee.Kind, grant.Grantee.Id, grant.Permission);

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

/// <summary>One object of the container: its parent inside the container (null for the container itself), grants and inheritance flag.</summary>
[GenerateSerializer, Alias("access.node-data")]
public sealed class NodeData
{
    [Id(0)]
    public ObjectType Type { get; set; }
    [Id(1)]
    public string Id { get; set; } = "";
    [Id(2)]
    public string? ParentKey { get; set; }
    [Id(3)]
    public bool Inherits { get; set; } = true;
    [Id(4)]
    public List<GrantData> Grants { get; set; } = [];

    public ObjectRef Ref => new(Type, Id);
}

/// <summary>A portfolio's, program's or project's share of the work tree.</summary>
[GenerateSerializer, Alias("access.container-state")]
public sealed class ContainerState : DurableState
{
    /// <summary>Every object of the container, the container itself included, by <see cref="ObjectKeys"/> key.</summary>
    [Id(0)]
    public Dictionary<string, NodeData> Nodes { get; set; } = [];

    /// <summary>The container above (a program or portfolio), whose grants this one inherits.</summary>
    [Id(1)]
    public string? ParentContainerKey { get; set; }

    /// <summary>The containers directly below, for removals and revocations that reach children.</summary>
    [Id(2)]
    public List<string> ChildContainerKeys { get; set; } = [];
}
