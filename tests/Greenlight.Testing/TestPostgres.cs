using Npgsql;

namespace Greenlight.Testing;

/// <summary>A database of its own on the throwaway PostgreSQL server that test.sh starts.</summary>
public sealed class TestPostgresDatabase : IAsyncDisposable
{
    public const string ServerVariable = "GREENLIGHT_TEST_POSTGRES";

    private readonly string _name;

    private TestPostgresDatabase(string name, string connectionString) => (_name, ConnectionString) = (name, connectionString);

    public string ConnectionString { get; }

    public static string ServerConnectionString => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{ServerVariable} is not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL and sets it.");

    public static async Task<TestPostgresDatabase> CreateAsync()
    {
        var name = "gl_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new TestPostgresDatabase(name, builder.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
