using MediatR;
using Greenlight.Kernel.Security;

namespace Greenlight.Modules.Access.Contracts;

/// <summary>What other modules may know of a user.</summary>
[GenerateSerializer, Immutable, Alias("access.user-profile")]
public sealed record UserProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] string AccessLevelId,
    [property: Id(4)] License License,
    [property: Id(5)] bool IsSystemAdministrator,
    [property: Id(6)] bool Active,
    [property: Id(7)] bool AddToFrameioProjects,
    [property: Id(8)] string? HomeGroupId,
    [property: Id(9)] IReadOnlyList<string> GroupIds,
    [property: Id(10)] string? HomeTeamId,
    [property: Id(11)] IReadOnlyList<string> TeamIds);

public sealed record GetUserProfile(string UserId) : IRequest<UserProfile?>, IModuleRequest;

public sealed record GetTeamMembers(string TeamId) : IRequest<IReadOnlyList<string>>, IModuleRequest;

/// <summary>The active user with this e-mail (letter case aside); null when no active user, or more than one, has it.</summary>
public sealed record FindUserByEmail(string Email) : IRequest<UserProfile?>, IModuleRequest;

/// <summary>Whether the group exists.</summary>
public sealed record GroupExists(string GroupId) : IRequest<bool>, IModuleRequest;

[GenerateSerializer, Immutable, Alias("access.user-created")]
public sealed record UserCreated([property: Id(0)] UserProfile User) : INotification;

[GenerateSerializer, Immutable, Alias("access.user-changed")]
public sealed record UserChanged([property: Id(0)] UserProfile Before, [property: Id(1)] UserProfile After) : INotification;

[GenerateSerializer, Immutable, Alias("access.user-deactivated")]
public sealed record UserDeactivated([property: Id(0)] string UserId) : INotification;

[GenerateSerializer, Immutable, Alias("access.user-reactivated")]
public sealed record UserReactivated([property: Id(0)] string UserId) : INotification;
