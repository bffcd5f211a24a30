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

public sealed record GrantData(GranteeKind Kind, string GranteeId, Permission Permission)
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
public sealed class NodeData
{
    public ObjectType Type { get; set; }
    public string Id { get; set; } = "";
    public string? ParentKey { get; set; }
    public bool Inherits { get; set; } = true;
    public List<GrantData> Grants { get; set; } = [];

    public ObjectRef Ref => new(Type, Id);
}

/// <summary>A portfolio's, program's or project's share of the work tree.</summary>
public sealed class ContainerState
{
    /// <summary>Every object of the container, the container itself included, by <see cref="ObjectKeys"/> key.</summary>
    public Dictionary<string, NodeData> Nodes { get; set; } = [];

    /// <summary>The container above (a program or portfolio), whose grants this one inherits.</summary>
    public string? ParentContainerKey { get; set; }

    /// <summary>The containers directly below, for removals and revocations that reach children.</summary>
    public List<string> ChildContainerKeys { get; set; } = [];
}
