using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Grains;
using MediatR;

namespace Greenlight.Modules.Access.Sharing;

/// <summary>A secured object as it now is: its row in the objects table (where it hangs, who holds a grant on it).</summary>
[GenerateSerializer, Immutable, Alias("access.secured-object-stored")]
public sealed record SecuredObjectStored([property: Id(0)] string Key, [property: Id(1)] string? ParentKey, [property: Id(2)] IReadOnlyList<GrantData> Grants) : INotification;

/// <summary>A secured object was removed; the objects below it go next (<see cref="RemoveChildrenOfRemovedObjects"/>).</summary>
[GenerateSerializer, Immutable, Alias("access.secured-object-removed")]
public sealed record SecuredObjectRemoved([property: Id(0)] string Key, [property: Id(1)] string ActorId) : INotification;

/// <summary>
/// The objects table: one row per registered object with its parent, and one per grantee holding a grant on it. A copy
/// of the secured object grains' state (each row follows from one grain's state alone), kept for what the grains cannot
/// answer one by one: the children of an object, and the objects below one that hold a grantee's grant.
/// </summary>
public sealed class SecuredObjectRows(IStore store) : IProjection<SecuredObjectStored>, IProjection<SecuredObjectRemoved>
{
    public async Task ApplyAsync(SecuredObjectStored message, IStoreTransaction tx)
    {
        await tx.ExecuteAsync("""
            INSERT INTO access_objects (object_key, parent_key) VALUES (@key, @parent)
            ON CONFLICT (object_key) DO UPDATE SET parent_key = excluded.parent_key
            """, ("key", message.Key), ("parent", message.ParentKey));
        await tx.ExecuteAsync("DELETE FROM access_object_grantees WHERE object_key = @key", ("key", message.Key));
        foreach (var grant in message.Grants)
            await tx.ExecuteAsync("INSERT INTO access_object_grantees (object_key, grantee_kind, grantee_id, shared_by) VALUES (@key, @kind, @id, @sharer)",
                ("key", message.Key), ("kind", grant.Kind.ToString()), ("id", grant.GranteeId), ("sharer", grant.SharedBy));
    }

    public async Task ApplyAsync(SecuredObjectRemoved message, IStoreTransaction tx)
    {
        await tx.ExecuteAsync("DELETE FROM access_object_grantees WHERE object_key = @key", ("key", message.Key));
        await tx.ExecuteAsync("DELETE FROM access_objects WHERE object_key = @key", ("key", message.Key));
    }

    /// <summary>The keys of the objects directly below the object (rows of removed objects' children stay until those are removed too).</summary>
    public Task<IReadOnlyList<string>> ChildrenAsync(string key, CancellationToken cancellationToken = default) =>
        KeysAsync("SELECT object_key FROM access_objects WHERE parent_key = @key ORDER BY object_key", cancellationToken, ("key", key));

    /// <summary>The objects below the object, at any depth, that hold a grant of <paramref name="kind"/> <paramref name="granteeId"/>.</summary>
    public Task<IReadOnlyList<string>> BelowHoldingAsync(string key, Contracts.GranteeKind kind, string granteeId, CancellationToken cancellationToken = default) =>
        KeysAsync("""
            WITH RECURSIVE subtree (object_key) AS (
                SELECT @key
                UNION ALL
                SELECT o.object_key FROM access_objects o JOIN subtree s ON o.parent_key = s.object_key)
            SELECT g.object_key FROM subtree s JOIN access_object_grantees g ON g.object_key = s.object_key
            WHERE s.object_key <> @key AND g.grantee_kind = @kind AND g.grantee_id = @id
            """, cancellationToken, ("key", key), ("kind", kind.ToString()), ("id", granteeId));

    /// <summary>Whether <paramref name="sharerId"/> made a grant, on any object there is, that names the principal (a user, their address, team or group).</summary>
    public async Task<bool> SharesWithAsync(string sharerId, Permissions.PrincipalSet principal, CancellationToken cancellationToken = default)
    {
        var grantees = principal.NamedGrantees().ToList();
        var named = string.Join(" OR ", grantees.Select((_, i) => $"(grantee_kind = @kind{i} AND grantee_id = @id{i})"));
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return await connection.ScalarAsync<long>($"SELECT COUNT(*) FROM access_object_grantees WHERE shared_by = @sharer AND ({named})",
        [
            ("sharer", sharerId),
            .. grantees.SelectMany((grantee, i) => new (string, object?)[] { ($"kind{i}", grantee.Kind.ToString()), ($"id{i}", grantee.Id) }),
        ]) > 0;
    }

    /// <summary>The first <paramref name="limit"/> objects, by key, holding a grant to any of the grantees.</summary>
    public Task<IReadOnlyList<string>> HoldingAsync(IReadOnlyList<Contracts.Grantee> grantees, int limit, CancellationToken cancellationToken = default) =>
        KeysAsync($"""
            SELECT DISTINCT object_key FROM access_object_grantees
            WHERE {string.Join(" OR ", grantees.Select((_, i) => $"(grantee_kind = @kind{i} AND grantee_id = @id{i})"))}
            ORDER BY object_key LIMIT @limit
            """, cancellationToken,
            [("limit", limit), .. grantees.SelectMany((grantee, i) => new (string, object?)[] { ($"kind{i}", grantee.Kind.ToString()), ($"id{i}", grantee.Id) })]);

    private async Task<IReadOnlyList<string>> KeysAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) keys.Add(reader.GetString(0));
        return keys;
    }
}

/// <summary>
/// Removes the children of a removed object, whose own removals remove theirs: a subtree goes one level at a time,
/// through the outbox, so a removal survives a crash half-way. Its objects are unreachable from the first removal on.
/// </summary>
public sealed class RemoveChildrenOfRemovedObjects(SecuredObjectRows rows, IGrainFactory grains) : INotificationHandler<SecuredObjectRemoved>
{
    public async Task Handle(SecuredObjectRemoved notification, CancellationToken cancellationToken)
    {
        foreach (var child in await rows.ChildrenAsync(notification.Key, cancellationToken))
            await grains.SecuredObject(child).RemoveAsync(notification.ActorId);
    }
}
