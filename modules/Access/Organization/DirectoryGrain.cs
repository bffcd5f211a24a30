using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Grains.Snapshots;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Audit;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Levels;
using Orleans.Concurrency;

namespace Greenlight.Modules.Access.Organization;

/// <summary>The organization's levels, groups, teams and preferences. One activation, key <see cref="Key"/>. Read through <see cref="AccessSnapshots.DirectoryAsync"/>.</summary>
[Alias("access.directory")]
public interface IDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "organization";

    [Alias("snapshot"), ReadOnly]
    Task<Snapshot<DirectoryView>> SnapshotAsync();

    [Alias("save-level")]
    Task SaveLevelAsync(AccessLevelData level, string actorId);

    [Alias("delete-level")]
    Task DeleteLevelAsync(string levelId, string actorId);

    [Alias("save-group")]
    Task SaveGroupAsync(GroupData group, string actorId);

    /// <summary>Replaces the group's own administrators; returns the group.</summary>
    [Alias("set-group-administrators")]
    Task<GroupData> SetGroupAdministratorsAsync(string groupId, IReadOnlyList<string> userIds, string actorId);

    [Alias("save-team")]
    Task SaveTeamAsync(TeamData team, string actorId);

    [Alias("save-preferences")]
    Task SavePreferencesAsync(Preferences preferences, string actorId);
}

/// <summary>
/// Holds the directory and writes each change with its audit entry. Callers check the rules
/// (validators and handlers); this grain checks only what needs its state to be current: a level
/// in use is not deleted.
/// </summary>
[GrainType("access.directory")]
public sealed class DirectoryGrain(AuditLog audit, SnapshotInvalidation invalidation, IStore store) : AuditedGrain<DirectoryState>(audit, invalidation), IDirectoryGrain
{
    protected override string SnapshotKey => AccessSnapshots.DirectoryKey;

    private DirectoryView? _view;

    private DirectoryView View => _view ??= new DirectoryView(State);

    public Task<Snapshot<DirectoryView>> SnapshotAsync() => Task.FromResult(SnapshotOf(View));

    public Task SaveLevelAsync(AccessLevelData level, string actorId)
    {
        var before = View.Level(level.Id) is { } current ? AccessLevelData.From(current) : null;
        State.Levels[level.Id] = level;
        return WriteAsync(new AuditChange(actorId, AuditSubject.Level, level.Id, before is null ? "created" : "changed", before, level));
    }

    public async Task DeleteLevelAsync(string levelId, string actorId)
    {
        if (!State.Levels.TryGetValue(levelId, out var level) || level.BuiltIn is not null)
            throw new NotFoundException($"Custom access level '{levelId}'");
        await using (var connection = await store.OpenConnectionAsync())
        {
            var users = await connection.ScalarAsync<long>("SELECT COUNT(*) FROM access_users WHERE access_level_id = @id", ("id", levelId));
            if (users > 0)
                throw new ConflictException($"The access level '{level.Name}' is in use by {users} user(s); give them another level first.");
        }
        State.Levels.Remove(levelId);
        await WriteAsync(new AuditChange(actorId, AuditSubject.Level, levelId, "deleted", level, null));
    }

    public Task SaveGroupAsync(GroupData group, string actorId)
    {
        var before = State.Groups.GetValueOrDefault(group.Id);
        State.Groups[group.Id] = group;
        return WriteAsync(new AuditChange(actorId, AuditSubject.Group, group.Id, before is null ? "created" : "changed", before, group));
    }

    public async Task<GroupData> SetGroupAdministratorsAsync(string groupId, IReadOnlyList<string> userIds, string actorId)
    {
        var group = State.Groups.GetValueOrDefault(groupId) ?? throw new NotFoundException($"Group '{groupId}'");
        var changed = group with { AdministratorIds = [.. userIds.Distinct()] };
        await SaveGroupAsync(changed, actorId);
        return changed;
    }

    public Task SaveTeamAsync(TeamData team, string actorId)
    {
        var before = State.Teams.GetValueOrDefault(team.Id);
        State.Teams[team.Id] = team;
        return WriteAsync(new AuditChange(actorId, AuditSubject.Team, team.Id, before is null ? "created" : "changed", before, team));
    }

    public Task SavePreferencesAsync(Preferences preferences, string actorId)
    {
        var before = State.Preferences;
        State.Preferences = preferences;
        return WriteAsync(new AuditChange(actorId, AuditSubject.Preferences, IDirectoryGrain.Key, "changed", before, preferences));
    }

    private Task WriteAsync(AuditChange change)
    {
        _view = null;
        return WriteAuditedAsync(change);
    }
}
