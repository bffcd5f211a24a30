using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenlight.Kernel.Storage.Backup;
using Greenlight.Testing.Frameio;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Host.Tests.Operations;

/// <summary>
/// The move from the embedded store to PostgreSQL: a backup of a store with every kind of object, <c>import</c>ed
/// into an empty database, and a host on that database answers every read as the old one did, takes writes, and
/// decrypts the stored Frame.io token with the same master key.
/// </summary>
public sealed class PostgresImportTests
{
    [Fact]
    public async Task A_host_on_the_imported_database_answers_the_same_reads_and_takes_writes()
    {
        await using var frameio = await FakeFrameioServer.StartAsync();
        await using var database = await TestPostgresDatabase.CreateAsync();
        var backup = Path.Combine(TestPaths.NewTemporaryDirectory(), "greenlight.backup");
        var settings = new Dictionary<string, string?> { ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString() };

        string adminToken;
        EveryKindOfObject objects;
        Dictionary<string, JsonNode?> before;
        await using (var embedded = await TestHost.StartAsync(settings))
        {
            adminToken = embedded.AdminToken;
            objects = await EveryKindOfObject.CreateAsync(embedded.Admin, frameio);
            before = await objects.ReadAsync(embedded.Admin);
            var sqlitePath = embedded.Services.GetRequiredService<IConfiguration>()["Storage:SqlitePath"]!;
            await SqliteBackup.CreateAsync(sqlitePath, backup);
        }

        var import = $"--Storage:PostgreSql={database.ConnectionString}";
        var imported = (await HostCommand.RunAsync("import", backup, import)).Succeeded();
        Assert.StartsWith("Imported ", imported.StandardOutput);
        var again = await HostCommand.RunAsync("import", backup, import);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("import only into an empty database", again.StandardError);

        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>(settings) { ["Storage:PostgreSql"] = database.ConnectionString });
        using var admin = host.Client(adminToken);
        var after = await objects.ReadAsync(admin);
        foreach (var (path, answer) in before)
            Assert.True(JsonNode.DeepEquals(answer, after[path]), $"GET {path}\nbefore: {answer?.ToJsonString()}\nafter:  {after[path]?.ToJsonString()}");

        await (await admin.PostAsJsonAsync($"/api/v1/projects/{objects.ProjectId}/tasks", new { name = "Print" })).ReadSuccessAsync<JsonElement>();
        var test = await (await admin.PostAsync("/api/v1/frameio/connections/default/test", null)).ReadSuccessAsync<JsonElement>();
        Assert.True(test.GetProperty("ok").GetBoolean(), test.ToString());
    }

    [Fact]
    public async Task Import_refuses_a_backup_of_another_schema_and_changes_nothing()
    {
        await using var database = await TestPostgresDatabase.CreateAsync();
        var older = Path.Combine(TestPaths.NewTemporaryDirectory(), "older.backup");
        File.Copy(Path.Combine(UpgradeFixture.All().First().Folder, UpgradeFixture.SqliteFile), older);
        await using (var connection = new SqliteConnection($"Data Source={older};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var forget = new SqliteCommand("DELETE FROM schema_migrations WHERE id = 'kernel-0009-handed-on-messages'", connection);
            await forget.ExecuteNonQueryAsync();
        }

        var refused = await HostCommand.RunAsync("import", older, $"--Storage:PostgreSql={database.ConnectionString}");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("The backup was made by an older version (it lacks schema step kernel-0009-handed-on-messages): "
            + "start this version's host on it once, back it up again, then import.", refused.StandardError.Trim());
        await using var target = new NpgsqlConnection(database.ConnectionString);
        await target.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM orleans_storage", target);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Import_refuses_a_host_on_the_embedded_store()
    {
        var refused = await HostCommand.RunAsync("import", "greenlight.backup");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("set Storage:PostgreSql", refused.StandardError);
    }
}
