using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Mediator;
using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Outbox;
using Greenlight.Modules.Access.Audit;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Modules.Access.Users;

/// <summary>One user's profile and memberships; key: the user's id.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Null when no such user exists.</summary>
    Task<UserProfile?> GetAsync();

    Task<UserProfile> CreateAsync(UserProfile profile, string actorId);

    /// <summary>Stores the bootstrap administrator this grain started as, unless already stored.</summary>
    Task StoreBootstrapAdministratorAsync();

    /// <summary>Applies the changes to the profile as it is now; no write when nothing changes.</summary>
    Task<UserProfile> ChangeAsync(UserChanges changes, string actorId);
}

/// <summary>A change to a profile: each field given replaces the current value; a level brings its license.</summary>
public sealed record UserChanges(
    string? Name = null,
    string? Email = null,
    AccessLevel? Level = null,
    string? HomeGroupId = null,
    IReadOnlyList<string>? GroupIds = null,
    string? HomeTeamId = null,
    IReadOnlyList<string>? TeamIds = null,
    bool? AddToFrameioProjects = null,
    bool? Active = null)
{
    public UserProfile ApplyTo(UserProfile user) => user with
    {
        Name = Name ?? user.Name,
        Email = Email ?? user.Email,
        AccessLevelId = Level?.Id ?? user.AccessLevelId,
        License = Level?.License ?? user.License,
        IsSystemAdministrator = Level?.IsSystemAdministrator ?? user.IsSystemAdministrator,
        HomeGroupId = HomeGroupId ?? user.HomeGroupId,
        GroupIds = GroupIds ?? user.GroupIds,
        HomeTeamId = HomeTeamId ?? user.HomeTeamId,
        TeamIds = TeamIds ?? user.TeamIds,
        AddToFrameioProjects = AddToFrameioProjects ?? user.AddToFrameioProjects,
        Active = Active ?? user.Active,
    };
}

public sealed class UserState
{
    public UserProfile? Profile { get; set; }
}

/// <summary>
/// Each write also upserts the user's rows in the query tables, records the audit entry and enqueues
/// the notification, in one transaction. The organization's bootstrap administrator exists from the
/// first call: the grain whose key is that id starts as a System Administrator before anything is stored.
/// </summary>
[GrainType("access.user")]
public sealed class UserGrain(IOrganization organization, IOutbox outbox, AuditLog audit) : AuditedGrain<UserState>(audit), IUserGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Profile is null && (await organization.GetAsync(cancellationToken))?.AdministratorUserId == GetPrimaryKeyString())
            State.Profile = BootstrapAdministrator(GetPrimaryKeyString());
    }

    public Task<UserProfile?> GetAsync() => Task.FromResult(State.Profile);

    public async Task<UserProfile> CreateAsync(UserProfile profile, string actorId)
    {
        if (Etag is not null)
            throw new ConflictException($"The user '{profile.Id}' already exists.");
        await WriteAsync(profile, new UserCreated(profile), new AuditChange(actorId, AuditSubject.User, profile.Id, "created", null, profile));
        return profile;
    }

    public Task StoreBootstrapAdministratorAsync() => Etag is null && State.Profile is { } administrator
        ? WriteAsync(administrator, new UserCreated(administrator), new AuditChange(administrator.Id, AuditSubject.User, administrator.Id, "created", null, administrator))
        : Task.CompletedTask;

    public async Task<UserProfile> ChangeAsync(UserChanges changes, string actorId)
    {
        var before = State.Profile ?? throw new NotFoundException($"User '{GetPrimaryKeyString()}'");
        var changed = changes.ApplyTo(before);
        if (Same(before, changed)) return before;
        var (notification, action) = (before.Active, changed.Active) switch
        {
            (true, false) => ((INotification)new UserDeactivated(changed.Id), "deactivated"),
            (false, true) => (new UserReactivated(changed.Id), "reactivated"),
            _ => (new UserChanged(before, changed), "changed"),
        };
        await WriteAsync(changed, notification, new AuditChange(actorId, AuditSubject.User, changed.Id, action, before, changed));
        return changed;
    }

    private Task WriteAsync(UserProfile profile, INotification notification, AuditChange change)
    {
        State.Profile = profile;
        return WriteAuditedAsync(change, async tx =>
        {
            await UserRows.SaveAsync(tx, profile);
            await outbox.EnqueueAsync(tx, notification);
        });
    }

    private static bool Same(UserProfile a, UserProfile b) =>
        a with { GroupIds = [], TeamIds = [] } == b with { GroupIds = [], TeamIds = [] } && a.GroupIds.SequenceEqual(b.GroupIds) && a.TeamIds.SequenceEqual(b.TeamIds);

    public static UserProfile BootstrapAdministrator(string userId) => new(
        userId, "System Administrator", "", BuiltInAccessLevels.SystemAdministrator.Id, License.Standard,
        IsSystemAdministrator: true, Active: true, AddToFrameioProjects: false, null, [], null, []);
}
