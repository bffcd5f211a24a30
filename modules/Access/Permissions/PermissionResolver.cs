using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Permissions;

/// <summary>How a grant reaches the user.</summary>
public enum GrantRoute
{
    /// <summary>Made to the user.</summary>
    Direct,
    Team,

    /// <summary>Made to a group the user belongs to.</summary>
    Group,

    /// <summary>Made to an ancestor of a group the user belongs to.</summary>
    Subgroup,
    SystemWide,
    Email,
}

/// <summary>A grant that reaches the user, and from where.</summary>
/// <param name="Permission">What the grant gives on the object asked about (Contribute reads as Manage on documents and folders).</param>
/// <param name="ViaGroupId">For <see cref="GrantRoute.Subgroup"/>: the user's own group, a subgroup of the granted one.</param>
/// <param name="InheritedFrom">The ancestor holding the grant; null when it is on the object itself.</param>
public sealed record CountedGrant(Grant Grant, Permission Permission, GrantRoute Route, string? ViaGroupId, ObjectRef? InheritedFrom);

/// <param name="Grants">Every grant that reaches the user, highest first.</param>
public sealed record ResolvedPermission(Permission Best, IReadOnlyList<CountedGrant> Grants);

/// <summary>The best permission a user holds on an object, from the grants on it and on the ancestors it inherits from.</summary>
public static class PermissionResolver
{
    /// <param name="chain">The object first, then its parent, up to the root.</param>
    public static ResolvedPermission Resolve(IReadOnlyList<AccessNode> chain, PrincipalSet principal)
    {
        if (chain.Count == 0)
            throw new ArgumentException("The chain starts with the object asked about.", nameof(chain));
        var target = chain[0].Object;
        var counted = new List<CountedGrant>();
        foreach (var node in chain)
        {
            var inheritedFrom = node.Object == target ? null : node.Object;
            foreach (var grant in node.Grants)
            {
                if (Route(grant.Grantee, principal) is var (route, via))
                    counted.Add(new CountedGrant(grant, ObjectTypeRules.OnObjectOf(target.Type, grant.Permission), route, via, inheritedFrom));
            }
            if (!node.InheritsFromParent)
                break;
        }
        // Across memberships the highest grant wins.
        var best = counted.Count == 0 ? Permission.None : counted.Max(c => c.Permission);
        return new ResolvedPermission(best, [.. counted.OrderByDescending(c => c.Permission)]);
    }

    private static (GrantRoute Route, string? Via)? Route(Grantee grantee, PrincipalSet principal) => grantee.Kind switch
    {
        GranteeKind.User when grantee.Id == principal.UserId => (GrantRoute.Direct, null),
        GranteeKind.Team when principal.TeamIds.Contains(grantee.Id) => (GrantRoute.Team, null),
        GranteeKind.Group when principal.Groups.TryGetValue(grantee.Id, out var via) => via is null ? (GrantRoute.Group, null) : (GrantRoute.Subgroup, via),
        GranteeKind.SystemWide when principal.ReachedBySystemWideGrants => (GrantRoute.SystemWide, null),
        GranteeKind.Email when principal.Email is { } email && Grantee.Email(email).Id == grantee.Id => (GrantRoute.Email, null),
        _ => null,
    };
}
