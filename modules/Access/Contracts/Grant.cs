namespace Greenlight.Modules.Access.Contracts;

public enum GranteeKind
{
    User,
    Team,

    /// <summary>A group; the grant also reaches the members of every subgroup below it.</summary>
    Group,
    SystemWide,

    /// <summary>Someone without an account, by email address (documents only).</summary>
    Email,
}

/// <summary>Who a grant is made to. Emails compare without regard to case, every other id exactly.</summary>
[GenerateSerializer, Immutable, Alias("access.grantee")]
public sealed record Grantee
{
    private Grantee(GranteeKind kind, string id) => (Kind, Id) = (kind, id);

    [Id(0)]
    public GranteeKind Kind { get; }

    [Id(1)]
    public string Id { get; }

    public static Grantee User(string userId) => new(GranteeKind.User, userId);
    public static Grantee Team(string teamId) => new(GranteeKind.Team, teamId);
    public static Grantee Group(string groupId) => new(GranteeKind.Group, groupId);
    public static Grantee SystemWide { get; } = new(GranteeKind.SystemWide, "*");
    public static Grantee Email(string address) => new(GranteeKind.Email, address.Trim().ToLowerInvariant());

    public override string ToString() => $"{Kind} {Id}";
}

/// <summary>An explicit permission on one object, made by sharing it.</summary>
[GenerateSerializer, Immutable, Alias("access.grant")]
public sealed record Grant([property: Id(0)] Grantee Grantee, [property: Id(1)] Permission Permission);
