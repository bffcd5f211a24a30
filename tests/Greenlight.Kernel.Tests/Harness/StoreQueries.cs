using Greenlight.Kernel.Storage;

namespace Greenlight.Kernel.Tests.Harness;

/// <summary>Reads a test checks directly against the tables, bypassing the code under test.</summary>
public static class StoreQueries
{
    public static async Task<long> CountAsync(this IStore store, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await store.OpenConnectionAsync();
        return await connection.ScalarAsync<long>(sql, parameters);
    }
}
