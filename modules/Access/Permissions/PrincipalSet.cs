using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Permissions;

/// <summary>Everything a grant can be made to that reaches one user.</summary>
/// <param name="Groups">
/// Every group whose grants reach the user: the groups they belong to and every ancestor of those
/// (a grant to a group reaches the members of all its subgroups). The value is null for a group
/// the user belongs to, otherwise the user's own group through which the ancestor is reached.
/// Build it with <see cref="GroupMemberships.Expand"/>.
/// </param>
/// <param name="Email">For documents shared by email address; null when the user has none.</param>
/// <param name="ReachedBySystemWideGrants">Whether objects shared system-wide reach the user.</param>
public sealed record PrincipalSet(
    string UserId,
    IReadOnlySet<string> TeamIds,
    IReadOnlyDictionary<string, string?> Groups,
    string? Email,
    bool ReachedBySystemWideGrants = true)
{
    /// <summary>Every grantee naming the user or something they belong to: all that reaches them but system-wide grants.</summary>
    public IEnumerable<Grantee> NamedGrantees() =>
    [
        Grantee.User(UserId),
        .. Email is { } email ? [Grantee.Email(email)] : Array.Empty<Grantee>(),
        .. TeamIds.Select(Grantee.Team),
        .. Groups.Keys.Select(Grantee.Group),
    ];
}

public static class GroupMemberships
{
    /// <summary>
    /// The groups of <paramref name="memberOf"/> and all their ancestors, each ancestor with the first
    /// of the user's groups that reaches it. Stops at a group already seen, so a corrupt parent cycle cannot loop.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Expand(IEnumerable<string> memberOf, Func<string, string?> parentOf)
    {
        var own = memberOf.Distinct().ToList();
        var groups = own.ToDictionary(group => group, string? (_) => null);
        foreach (var group in own)
        {
            var seen = new HashSet<string> { group };
            for (var ancestor = parentOf(group); ancestor is not null && seen.Add(ancestor); ancestor = parentOf(ancestor))
                groups.TryAdd(ancestor, group);
        }
        return groups;
    }
}
