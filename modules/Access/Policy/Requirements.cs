using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Modules.Access.Policy;

/// <summary>
/// Managing users: a System Administrator, or a group administrator when every user touched belongs
/// to a group they administer and every group given is one they administer. A group administrator
/// holds a Standard license and never hands out the System Administrator level.
/// </summary>
[AuthorizationRequirement]
public interface IUserAdministrationRequest
{
    /// <summary>Existing users the request changes.</summary>
    IEnumerable<string> ManagedUserIds { get; }

    /// <summary>Groups the request puts users in.</summary>
    IEnumerable<string> AssignedGroupIds { get; }

    /// <summary>The access level the request gives, if any.</summary>
    string? AssignedAccessLevelId { get; }
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
