using System.Text.Json;
using Npgsql;

namespace Greenlight.Host.Tests.Support;

/// <summary>
/// What a cluster's hosts stored for a sample counter, read from their database. Orleans stores a
/// string key that reads as a hexadecimal number ("c1") as an integer key, so counter names used
/// with these reads always hold another letter.
/// </summary>
internal static class StoredCounters
{
    /// <summary>The value in the counter grain's stored state (Orleans's ADO.NET grain storage, state named after the grain type).</summary>
    public static async Task<long> StoredValueAsync(this HostCluster cluster, string counter)
    {
        var json = await ScalarAsync<string>(cluster,
            "SELECT convert_from(payload, 'UTF8') FROM orleans_storage WHERE grain_type = 'sample.counter' AND grain_id_extension = @key", counter);
        Assert.True(json is not null, $"No stored state for counter '{counter}'.");
        using var state = JsonDocument.Parse(json);
        return state.RootElement.EnumerateObject().Single(p => p.NameEquals("Value") || p.NameEquals("value")).Value.GetInt64();
    }

    /// <summary>The counter's messages still queued in the outbox (a delivered message's row is deleted).</summary>
    public static Task<long> QueuedDeliveriesAsync(this HostCluster cluster, string counter) => ScalarAsync<long>(cluster,
        "SELECT COUNT(*) FROM outbox_messages WHERE message_type = 'sample.counter-incremented' AND payload LIKE '%\"' || @key || '\"%'", counter);

    private static async Task<T?> ScalarAsync<T>(HostCluster cluster, string sql, string counter)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", counter);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}
