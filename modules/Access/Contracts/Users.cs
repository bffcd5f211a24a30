using Greenlight.Kernel.Mediator;
using Greenlight.Kernel.Security;

namespace Greenlight.Modules.Access.Contracts;

/// <summary>What other modules may know of a user.</summary>
public sealed record UserProfile(
    string Id,
    string Name,
    string Email,
    string AccessLevelId,
    License License,
    bool IsSystemAdministrator,
    bool Active,
    bool AddToFrameioProjects,
    string? HomeGroupId,
    IReadOnlyList<string> GroupIds,
    string? HomeTeamId,
    IReadOnlyList<string> TeamIds);

public sealed record GetUserProfile(string UserId) : IRequest<UserProfile?>, IModuleRequest;

public sealed record GetTeamMembers(string TeamId) : IRequest<IReadOnlyList<string>>, IModuleRequest;

public sealed record UserCreated(UserProfile User) : INotification;

public sealed record UserChanged(UserProfile Before, UserProfile After) : INotification;

public sealed record UserDeactivated(string UserId) : INotification;

public sealed record UserReactivated(string UserId) : INotification;
