using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Grains.Snapshots;
using MediatR;
using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Audit;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Orleans.Concurrency;

namespace Greenlight.Modules.Access.Users;

/// <summary>One user's profile and memberships; key: the user's id. Read through <see cref="AccessSnapshots.UserAsync"/>.</summary>
[Alias("access.user")]
public interface IUserGrain : IGrainWithStringKey
{
    [Alias("snapshot"), ReadOnly]
    Task<Snapshot<StoredUser>> SnapshotAsync();

    [Alias("create")]
    Task<UserProfile> CreateAsync(UserProfile profile, string actorId);

    /// <summary>Stores the bootstrap administrator this grain started as, unless already stored.</summary>
    [Alias("store-bootstrap-administrator")]
    Task StoreBootstrapAdministratorAsync();

    /// <summary>Applies the changes to the profile as it is now; no write when nothing changes.</summary>
    [Alias("change")]
    Task<UserProfile> ChangeAsync(UserChanges changes, string actorId);
}

/// <summary>What a silo keeps of a user: the profile, null when no such user exists.</summary>
[GenerateSerializer, Immutable, Alias("access.stored-user")]
public sealed record StoredUser([property: Id(0)] UserProfile? Profile);

/// <summary>A change to a profile: each field given replaces the current value; a level brings its license.</summary>
[GenerateSerializer, Immutable, Alias("access.user-changes")]
public sealed record UserChanges(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? Email = null,
    [property: Id(2)] AccessLevel? Level = null,
    [property: Id(3)] string? HomeGroupId = null,
    [property: Id(4)] IReadOnlyList<string>? GroupIds = null,
    [property: Id(5)] string? HomeTeamId = null,
    [property: Id(6)] IReadOnlyList<string>? TeamIds = null,
    [property: Id(7)] bool? AddToFrameioProjects = null,
    [property: Id(8)] bool? Active = null)
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

[GenerateSerializer, Alias("access.user-state")]
public sealed class UserState : VersionedState
{
    [Id(0)]
    public UserProfile? Profile { get; set; }
}

/// <summary>The user as stored, for the query tables (<see cref="UserRowsProjection"/>).</summary>
[GenerateSerializer, Immutable, Alias("access.user-stored")]
public sealed record UserStored([property: Id(0)] UserProfile Profile) : INotification;

public sealed class UserRowsProjection : IProjection<UserStored>
{
    public Task ApplyAsync(UserStored message, IStoreTransaction tx) => UserRows.SaveAsync(tx, message.Profile);
}

/// <summary>
/// Each write also upserts the user's rows in the query tables, records the audit entry and enqueues
/// the notification, in one transaction. The organization's bootstrap administrator exists from the
/// first call: the grain whose key is that id starts as a System Administrator before anything is stored.
/// </summary>
[GrainType("access.user")]
public sealed class UserGrain(IOrganization organization, AuditLog audit, SnapshotInvalidation invalidation) : AuditedGrain<UserState>(audit, invalidation), IUserGrain
{
    protected override string SnapshotKey => AccessSnapshots.UserKey(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Profile is null && (await organization.GetAsync(cancellationToken))?.AdministratorUserId == this.GetPrimaryKeyString())
            State.Profile = BootstrapAdministrator(this.GetPrimaryKeyString());
    }

    public Task<Snapshot<StoredUser>> SnapshotAsync() => Task.FromResult(SnapshotOf(new StoredUser(State.Profile)));

    public async Task<UserProfile> CreateAsync(UserProfile profile, string actorId)
    {
        if (RecordExists)
            throw new ConflictException($"The user '{profile.Id}' already exists.");
        await WriteAsync(profile, new UserCreated(profile), new AuditChange(actorId, AuditSubject.User, profile.Id, "created", null, profile));
        return profile;
    }

    public Task StoreBootstrapAdministratorAsync() => !RecordExists && State.Profile is { } administrator
        ? WriteAsync(administrator, new UserCreated(administrator), new AuditChange(administrator.Id, AuditSubject.User, administrator.Id, "created", null, administrator))
        : Task.CompletedTask;

    public async Task<UserProfile> ChangeAsync(UserChanges changes, string actorId)
    {
        var before = State.Profile ?? throw new NotFoundException($"User '{this.GetPrimaryKeyString()}'");
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
        return WriteAuditedAsync(change, new UserStored(profile), notification);
    }

    private static bool Same(UserProfile a, UserProfile b) =>
        a with { GroupIds = [], TeamIds = [] } == b with { GroupIds = [], TeamIds = [] } && a.GroupIds.SequenceEqual(b.GroupIds) && a.TeamIds.SequenceEqual(b.TeamIds);

    public static UserProfile BootstrapAdministrator(string userId) => new(
        userId, "System Administrator", "", BuiltInAccessLevels.SystemAdministrator.Id, License.Standard,
        IsSystemAdministrator: true, Active: true, AddToFrameioProjects: false, null, [], null, []);
}
