using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Greenlight.Host.Tests.Operations;

/// <summary>
/// One saved store of an older commit under <c>tests/Fixtures/upgrade/&lt;name&gt;/</c>, made by
/// <c>scripts/make-upgrade-fixture.sh</c>: <c>greenlight.db</c> (a backup of the embedded store), <c>postgres.sql</c>
/// (pg_dump, plain SQL), <c>master.key</c> (a test key), <c>admin.token</c>, <c>expected-sqlite.json</c> and
/// <c>expected-postgresql.json</c> (what each store's reads answered then), <c>MADE-BY</c>.
/// </summary>
public sealed class UpgradeFixture(string folder)
{
    public const string SqliteFile = "greenlight.db";
    public const string PostgreSqlDump = "postgres.sql";
    public const string MasterKeyFile = "master.key";
    public const string AdminTokenFile = "admin.token";

    public string Folder => folder;

    public string Name => Path.GetFileName(folder);

    public string MasterKey => File.ReadAllText(Path.Combine(folder, MasterKeyFile)).Trim();

    public string AdminToken => File.ReadAllText(Path.Combine(folder, AdminTokenFile)).Trim();

    /// <summary>The commit whose host made the fixture (MADE-BY's <c>commit</c> line).</summary>
    public string MadeByCommit => File.ReadLines(Path.Combine(folder, "MADE-BY")).Single(line => line.StartsWith("commit ", StringComparison.Ordinal))["commit ".Length..];

    public static string RepositoryFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Host.sln"))) return folder.FullName;
            }
            throw new InvalidOperationException($"No Host.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static IEnumerable<UpgradeFixture> All() =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryFolder, "tests", "Fixtures", "upgrade")).Order(StringComparer.Ordinal).Select(f => new UpgradeFixture(f));

    public static string ExpectedFile(bool postgreSql) => postgreSql ? "expected-postgresql.json" : "expected-sqlite.json";

    public Expected Read(bool postgreSql) =>
        JsonSerializer.Deserialize<Expected>(File.ReadAllText(Path.Combine(folder, ExpectedFile(postgreSql))), Json.Options)!;

    /// <summary>Runs the plain-SQL dump on an empty database, as <c>psql -f</c> would (psql's own meta-commands aside).</summary>
    public async Task RestoreDumpAsync(string connectionString)
    {
        var statements = string.Join('\n', File.ReadLines(Path.Combine(folder, PostgreSqlDump)).Where(line => !line.StartsWith('\\')));
        // Not pooled: the dump empties the session's search_path.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statements, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <param name="Reads">Each GET path's answer when the fixture was made.</param>
    public sealed record Expected(string ProjectId, Dictionary<string, JsonNode?> Reads);
}
