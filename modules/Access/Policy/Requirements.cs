using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Modules.Access.Policy;

/// <summary>
/// Managing users (creating, changing, flagging for Frame.io, deactivating): a System Administrator, or a group
/// administrator when every group of every user concerned, before and after the request, is one they administer,
/// every team the request puts a user in is one they belong to, and every level concerned is within their own
/// (<see cref="GroupAdministration"/>).
/// </summary>
[AuthorizationRequirement]
public interface IUserAdministrationRequest
{
    /// <summary>Existing users the request changes; none for a create.</summary>
    IEnumerable<string?> ManagedUserIds { get; }

    /// <summary>The memberships and level the request gives each user.</summary>
    UserAssignment Assignment { get; }

    /// <summary>Whether the request makes a new user, who has no memberships before it.</summary>
    bool CreatesUser => false;
}

/// <summary>The memberships and level a request gives a user; a null field stays as it is (nothing, for a new user).</summary>
public sealed record UserAssignment(
    string? AccessLevelId = null, string? HomeGroupId = null, IReadOnlyList<string?>? GroupIds = null, string? HomeTeamId = null, IReadOnlyList<string?>? TeamIds = null)
{
    public static UserAssignment None { get; } = new();
}

/// <summary>Changing a group's subgroups: a System Administrator, or an administrator of the group (or of one above it).</summary>
[AuthorizationRequirement]
public interface IGroupAdministrationRequest
{
    /// <summary>Null for the top of the tree, which only a System Administrator administers.</summary>
    string? GroupId { get; }
}

/// <summary>About one user: a System Administrator may ask about anyone, a user about themself.</summary>
[AuthorizationRequirement]
public interface ISelfOrAdministratorRequest
{
    string UserId { get; }
}

/// <summary>
/// Reading the organization's directory (users, groups, teams): the caller's access level must give at
/// least View on <see cref="Area"/>; anyone may read their own profile.
/// </summary>
[AuthorizationRequirement]
public interface IDirectoryReadRequest
{
    AccessArea Area { get; }

    /// <summary>The user read about, when the request is about one user.</summary>
    string? AboutUserId => null;
}
