using System.Text.Json;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Audit;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Users;

/// <summary>The users query tables: written in the user grain's transaction, read for lists and team members.</summary>
public static class UserRows
{
    public static async Task SaveAsync(IStoreTransaction tx, UserProfile user)
    {
        await tx.ExecuteAsync("""
            INSERT INTO access_users (id, name, email, access_level_id, active, data) VALUES (@id, @name, @email, @level, @active, @data)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, access_level_id = excluded.access_level_id,
                active = excluded.active, data = excluded.data
            """, ("id", user.Id), ("name", user.Name), ("email", user.Email), ("level", user.AccessLevelId),
            ("active", user.Active ? 1 : 0), ("data", JsonSerializer.Serialize(user, AuditLog.Json)));
        await tx.ExecuteAsync("DELETE FROM access_user_teams WHERE user_id = @id", ("id", user.Id));
        foreach (var team in AllTeams(user))
            await tx.ExecuteAsync("INSERT INTO access_user_teams (user_id, team_id) VALUES (@id, @team)", ("id", user.Id), ("team", team));
    }

    public static IEnumerable<string> AllTeams(UserProfile user) =>
        (user.HomeTeamId is { } home ? user.TeamIds.Prepend(home) : user.TeamIds).Distinct();

    public static IEnumerable<string> AllGroups(UserProfile user) =>
        (user.HomeGroupId is { } home ? user.GroupIds.Prepend(home) : user.GroupIds).Distinct();

    public static async Task<IReadOnlyList<UserProfile>> ListAsync(IStore store, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT data FROM access_users ORDER BY name, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserProfile>();
        while (await reader.ReadAsync(cancellationToken))
            users.Add(JsonSerializer.Deserialize<UserProfile>(reader.GetString(0), AuditLog.Json)!);
        return users;
    }

    public static async Task<IReadOnlyList<string>> TeamMembersAsync(IStore store, string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT t.user_id FROM access_user_teams t JOIN access_users u ON u.id = t.user_id
            WHERE t.team_id = @team AND u.active = 1 ORDER BY t.user_id
            """, ("team", teamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) members.Add(reader.GetString(0));
        return members;
    }

    /// <summary>Whether an active user has the External level: the preference for collaborating by email cannot be turned off while one does.</summary>
    public static async Task<bool> AnyActiveWithLevelAsync(IStore store, string levelId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM access_users WHERE access_level_id = @level AND active = 1", ("level", levelId)) > 0;
    }
}
