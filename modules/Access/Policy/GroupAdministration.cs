using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Organization;
using Greenlight.Modules.Access.Users;

namespace Greenlight.Modules.Access.Policy;

/// <summary>
/// What a group administrator may do to one user. Groups are where administration is delegated, so every group the
/// user is in before and after must be one they administer (a user in no group, or also in another department, is a
/// System Administrator's). A team carries everything shared with it, so, as a sharer grants only what they hold, they
/// put users only in teams they belong to themselves (taking a user out of a team is theirs to do). They need more
/// access than the users they manage: every level concerned is within their own, and never System Administrator.
/// </summary>
public static class GroupAdministration
{
    /// <param name="user">The user as they are; null for a user the request creates.</param>
    /// <returns>Why the administrator may not; null when they may.</returns>
    public static string? Refusal(UserProfile administrator, AccessLevel administratorLevel, DirectoryView directory, UserProfile? user, UserAssignment assignment)
    {
        var who = user is null ? "a new user" : $"the user '{user.Id}'";
        if (user is { IsSystemAdministrator: true }) return $"Only a System Administrator manages {who}, a System Administrator.";

        var groups = Memberships(user?.HomeGroupId, user?.GroupIds)
            .Concat(Memberships(assignment.HomeGroupId ?? user?.HomeGroupId, assignment.GroupIds ?? user?.GroupIds)).Distinct().ToList();
        if (groups.Count == 0) return $"Only a System Administrator manages {who} in no group.";
        var outside = groups.Where(group => group is null || !directory.Administers(administrator.Id, group)).ToList();
        if (outside.Count > 0) return $"Only a System Administrator or an administrator of {Names(outside)} manages {who} there.";

        var before = Memberships(user?.HomeTeamId, user?.TeamIds).ToHashSet();
        var own = UserRows.AllTeams(administrator).ToHashSet();
        var joined = Memberships(assignment.HomeTeamId ?? user?.HomeTeamId, assignment.TeamIds ?? user?.TeamIds)
            .Where(team => !before.Contains(team) && (team is null || !own.Contains(team))).ToList();
        if (joined.Count > 0) return $"A group administrator puts users only in teams they belong to themselves, not in {Names(joined)}.";

        foreach (var levelId in new[] { user?.AccessLevelId, assignment.AccessLevelId }.OfType<string>().Distinct())
        {
            if (directory.Level(levelId) is not { } level) return $"A group administrator gives only levels within their own; there is no level '{levelId}'.";
            if (AccessLevelRules.ExcessOver(level, administratorLevel) is [var excess, ..])
                return $"A group administrator manages users only at levels within their own: {excess.Message}";
        }
        return null;
    }

    private static IEnumerable<string?> Memberships(string? home, IReadOnlyList<string?>? others) =>
        (home is null ? others ?? [] : (others ?? []).Prepend(home)).Distinct();

    private static string Names(IEnumerable<string?> ids) => string.Join(", ", ids.Select(id => $"'{id}'"));
}
