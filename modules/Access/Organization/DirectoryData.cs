using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Modules.Access.Organization;

/// <param name="AdministratorIds">The group's own administrators; its subgroups inherit them.</param>
[GenerateSerializer, Immutable, Alias("access.group-data")]
public sealed record GroupData([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? ParentId, [property: Id(3)] IReadOnlyList<string> AdministratorIds);

[GenerateSerializer, Immutable, Alias("access.team-data")]
public sealed record TeamData([property: Id(0)] string Id, [property: Id(1)] string Name);

/// <param name="CollaborateByEmail">"Collaborate with people without an account using their email address": external users and sharing by email exist only while it is on.</param>
/// <param name="AssigneePermission">What an assignee of a task or issue receives on it.</param>
/// <param name="AssigneeProjectPermission">What they also receive on the whole project; None for nothing.</param>
[GenerateSerializer, Immutable, Alias("access.preferences")]
public sealed record Preferences([property: Id(0)] bool CollaborateByEmail = false, [property: Id(1)] Permission AssigneePermission = Permission.Contribute, [property: Id(2)] Permission AssigneeProjectPermission = Permission.None);

/// <summary>The organization's directory state: few and small, so one grain holds it all.</summary>
[GenerateSerializer, Alias("access.directory-state")]
public sealed class DirectoryState : VersionedState
{
    /// <summary>Custom levels, and built-in ones only once they were changed.</summary>
    [Id(0)]
    public Dictionary<string, AccessLevelData> Levels { get; set; } = [];
    [Id(1)]
    public Dictionary<string, GroupData> Groups { get; set; } = [];
    [Id(2)]
    public Dictionary<string, TeamData> Teams { get; set; } = [];
    [Id(3)]
    public Preferences Preferences { get; set; } = new();
}

/// <summary>A read-only view of the directory, rebuilt after each change, handed out without copying.</summary>
[GenerateSerializer, Immutable, Alias("access.directory-view")]
public sealed class DirectoryView
{
    public const int MaxGroupDepth = 14;

    [Id(0)]
    private readonly IReadOnlyDictionary<string, AccessLevel> _levels;

    public DirectoryView(DirectoryState state)
    {
        var levels = BuiltInAccessLevels.All.ToDictionary(level => level.Id);
        foreach (var (id, stored) in state.Levels) levels[id] = stored.ToLevel();
        _levels = levels;
        Groups = new Dictionary<string, GroupData>(state.Groups);
        Teams = new Dictionary<string, TeamData>(state.Teams);
        Preferences = state.Preferences;
    }

    public IEnumerable<AccessLevel> Levels => _levels.Values;
    [Id(1)]
    public IReadOnlyDictionary<string, GroupData> Groups { get; }

    [Id(2)]
    public IReadOnlyDictionary<string, TeamData> Teams { get; }

    [Id(3)]
    public Preferences Preferences { get; }

    public AccessLevel? Level(string id) => _levels.GetValueOrDefault(id);

    /// <summary>Whether there is a group with this id (none has a missing one).</summary>
    public bool HasGroup(string? id) => id is not null && Groups.ContainsKey(id);

    public bool HasTeam(string? id) => id is not null && Teams.ContainsKey(id);

    public string? ParentOf(string groupId) => Groups.GetValueOrDefault(groupId)?.ParentId;

    /// <summary>1 for a top-level group, 2 for its subgroups…</summary>
    public int Depth(string groupId) => SelfAndAncestors(groupId).Count();

    /// <summary>The group's own administrators and those of every group above it.</summary>
    public IEnumerable<string> AdministratorsOf(string groupId) =>
        SelfAndAncestors(groupId).SelectMany(g => Groups[g].AdministratorIds).Distinct();

    public bool Administers(string userId, string groupId) => AdministratorsOf(groupId).Contains(userId);

    public IEnumerable<string> SelfAndAncestors(string groupId)
    {
        var seen = new HashSet<string>();
        for (var group = groupId; group is not null && Groups.ContainsKey(group) && seen.Add(group); group = ParentOf(group))
            yield return group;
    }
}
