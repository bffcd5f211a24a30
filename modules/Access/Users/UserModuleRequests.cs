using Greenlight.Kernel.Grains;
using MediatR;
using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;

namespace Greenlight.Modules.Access.Users;

/// <summary>What other modules ask of users.</summary>
public sealed class UserModuleRequests(AccessSnapshots snapshots, IStore store) :
    IRequestHandler<GetUserProfile, UserProfile?>, IRequestHandler<GetTeamMembers, IReadOnlyList<string>>
{
    public Task<UserProfile?> Handle(GetUserProfile request, CancellationToken cancellationToken) => snapshots.UserAsync(request.UserId).AsTask();

    public Task<IReadOnlyList<string>> Handle(GetTeamMembers request, CancellationToken cancellationToken) =>
        UserRows.TeamMembersAsync(store, request.TeamId, cancellationToken);
}

/// <summary>Stores the bootstrap System Administrator (a user from the first request on, stored once the organization is announced).</summary>
public sealed class StoreBootstrapAdministrator(IGrainFactory grains) : INotificationHandler<OrganizationCreated>
{
    public Task Handle(OrganizationCreated notification, CancellationToken cancellationToken) =>
        grains.User(notification.AdministratorUserId).StoreBootstrapAdministratorAsync();
}
