using Greenlight.Kernel.Storage;

namespace Greenlight.Kernel.Grains;

/// <summary>A grain's stored state: the JSON (null once cleared) and its version, the ETag.</summary>
public sealed record StoredGrainState(string? Json, long Version);

/// <summary>Row per (grain type, key) in <c>grain_state</c>; every write is a compare-and-set on the version.</summary>
public interface IGrainStorage
{
    Task<StoredGrainState?> ReadAsync(GrainId grain, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="json"/> (null clears) if the stored version is still <paramref name="expectedVersion"/>
    /// (null: no row yet). Returns the new version; throws <see cref="InconsistentStateException"/> otherwise.</summary>
    Task<long> WriteAsync(IStoreTransaction tx, GrainId grain, string? json, long? expectedVersion);
}

public sealed class SqlGrainStorage(IStore store, TimeProvider clock, HostIdentity host) : IGrainStorage
{
    /// <summary>Channel on which PostgreSQL hosts announce "grain X is now at version N".</summary>
    public const string NotificationChannel = "greenlight_grain_state";

    public async Task<StoredGrainState?> ReadAsync(GrainId grain, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT data, version FROM grain_state WHERE grain_type = @type AND grain_key = @key",
            ("type", grain.Type), ("key", grain.Key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredGrainState(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1));
    }

    public async Task<long> WriteAsync(IStoreTransaction tx, GrainId grain, string? json, long? expectedVersion)
    {
        // A cleared grain keeps its row (data null) and its version keeps counting, so a stale
        // activation can never match a version that was reused.
        var write = expectedVersion is null
            ? """
              INSERT INTO grain_state (grain_type, grain_key, version, data, updated_at)
              VALUES (@type, @key, 1, @data, @now) ON CONFLICT DO NOTHING RETURNING version
              """
            : """
              UPDATE grain_state SET version = version + 1, data = @data, updated_at = @now
              WHERE grain_type = @type AND grain_key = @key AND version = @expected RETURNING version
              """;
        // On PostgreSQL the other hosts are told in the same round trip; NOTIFY is transactional,
        // so they hear of the write only once it commits.
        var sql = tx.Dialect == SqlDialect.PostgreSql
            ? $"WITH written AS ({write}) SELECT version, pg_notify(@channel, @host || '|' || version || '|' || @type || '|' || @key) FROM written"
            : write;
        await using var command = tx.Command(sql,
            ("type", grain.Type), ("key", grain.Key), ("data", json), ("now", clock.GetUtcNow().ToUnixTimeMilliseconds()),
            ("expected", expectedVersion), ("channel", NotificationChannel), ("host", host.Id));
        var version = await command.ExecuteScalarAsync();
        return version is null or DBNull ? throw new InconsistentStateException(grain, expectedVersion?.ToString()) : Convert.ToInt64(version);
    }
}

/// <summary>The payload of a state-change notification: "host|version|type|key".</summary>
public static class StaleStateNotice
{
    public static bool TryParse(string payload, out string hostId, out GrainId grain, out long version)
    {
        var parts = payload.Split('|', 4);
        hostId = parts[0];
        grain = default;
        version = 0;
        if (parts.Length != 4 || !long.TryParse(parts[1], out version)) return false;
        grain = new GrainId(parts[2], parts[3]);
        return true;
    }
}

/// <summary>This host process's identity among the hosts sharing a store.</summary>
public sealed record HostIdentity(string Id)
{
    public static HostIdentity New() => new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");
}
