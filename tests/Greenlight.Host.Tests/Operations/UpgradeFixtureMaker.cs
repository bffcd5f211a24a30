using System.Diagnostics;
using System.Text.Json;
using Greenlight.Kernel.Organization;
using Greenlight.Testing.Frameio;
using Npgsql;

namespace Greenlight.Host.Tests.Operations;

/// <summary>Runs only when <c>scripts/make-upgrade-fixture.sh</c> sets <see cref="Variable"/> to the fixture's folder.</summary>
public sealed class MakesUpgradeFixtureFactAttribute : FactAttribute
{
    public const string Variable = "GREENLIGHT_MAKE_UPGRADE_FIXTURE";

    /// <summary>The pg_dump to use, from the PostgreSQL the script started.</summary>
    public const string PgDumpVariable = "GREENLIGHT_PG_DUMP";

    public MakesUpgradeFixtureFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 }) Skip = "Run by scripts/make-upgrade-fixture.sh.";
    }
}

/// <summary>
/// Makes an <see cref="UpgradeFixture"/> with the host built at this commit, run as a real process: every kind of
/// object on the embedded store and on PostgreSQL, what their reads answer, then the store files themselves.
/// </summary>
public sealed class UpgradeFixtureMaker
{
    [MakesUpgradeFixtureFact]
    public async Task Make_an_upgrade_fixture_of_this_commit()
    {
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(MakesUpgradeFixtureFactAttribute.Variable)!);
        Directory.CreateDirectory(folder);
        var adminToken = "upgrade-fixture-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(Path.Combine(folder, UpgradeFixture.AdminTokenFile), adminToken);
        await File.WriteAllTextAsync(Path.Combine(folder, UpgradeFixture.MasterKeyFile), TestSecrets.MasterKey);
        var database = Path.Combine(TestPaths.NewTemporaryDirectory(), "data", "greenlight.db");
        await using (var frameio = await FakeFrameioServer.StartAsync())
        await using (var host = await StartAsync(frameio, adminToken, "Storage:SqlitePath", database))
        {
            await SeedAsync(host, adminToken, frameio, Path.Combine(folder, UpgradeFixture.ExpectedFile(postgreSql: false)));
            (await HostCommand.RunAsync("backup", Path.Combine(folder, UpgradeFixture.SqliteFile), $"--Storage:SqlitePath={database}")).Succeeded();
        }

        await using var postgres = await TestPostgresDatabase.CreateAsync();
        await using (var frameio = await FakeFrameioServer.StartAsync())
        await using (var host = await StartAsync(frameio, adminToken, "Storage:PostgreSql", postgres.ConnectionString))
            await SeedAsync(host, adminToken, frameio, Path.Combine(folder, UpgradeFixture.ExpectedFile(postgreSql: true)));
        await DumpAsync(postgres.ConnectionString, Path.Combine(folder, UpgradeFixture.PostgreSqlDump));
    }

    private static Task<HostProcess> StartAsync(FakeFrameioServer frameio, string adminToken, string storeKey, string store) => HostProcess.StartAsync(
        new Dictionary<string, string?> { [storeKey] = store, ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString(), ["Cluster:Dashboard"] = "false" },
        environment: new Dictionary<string, string?> { [OrganizationBootstrapper.TokenVariable] = adminToken });

    /// <param name="frameio">A fake of the store's own: the objects include a connection with a fixed token.</param>
    private static async Task SeedAsync(HostProcess host, string adminToken, FakeFrameioServer frameio, string expectedFile)
    {
        using var admin = host.Client(adminToken);
        var objects = await EveryKindOfObject.CreateAsync(admin, frameio);
        var expected = new UpgradeFixture.Expected(objects.ProjectId, await objects.ReadAsync(admin));
        await File.WriteAllTextAsync(expectedFile, JsonSerializer.Serialize(expected, new JsonSerializerOptions(Json.Options) { WriteIndented = true }));
    }

    /// <summary>
    /// Plain SQL with INSERTs (no COPY blocks, so a test can run it without psql). The membership tables' rows are left
    /// out: they name the silos of the cluster that made the fixture, which a new cluster must not wait for.
    /// </summary>
    private static async Task DumpAsync(string connectionString, string file)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable(MakesUpgradeFixtureFactAttribute.PgDumpVariable) ?? "pg_dump")
        {
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["--no-owner", "--no-privileges", "--inserts", "--exclude-table-data=orleans_membership",
                     "--exclude-table-data=orleans_membership_version", $"--file={file}",
                     $"--dbname=postgresql://{connection.Username}@{connection.Host}:{connection.Port}/{connection.Database}"])
            start.ArgumentList.Add(arg);
        using var dump = Process.Start(start)!;
        var errors = await dump.StandardError.ReadToEndAsync();
        await dump.WaitForExitAsync();
        Assert.True(dump.ExitCode == 0, $"pg_dump: {errors}");
    }
}
