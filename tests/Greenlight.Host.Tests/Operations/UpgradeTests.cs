using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenlight.Kernel.Security.Secrets;
using Greenlight.Testing.Frameio;

namespace Greenlight.Host.Tests.Operations;

/// <summary>
/// Today's host on a copy of every store an older commit saved (<see cref="UpgradeFixture"/>): the schema migrations
/// apply, every object reads back as it did (fields added since may appear), a write works, and the stored Frame.io
/// token decrypts with the fixture's master key.
/// </summary>
public sealed class UpgradeTests
{
    public static TheoryData<string, bool> Fixtures()
    {
        var data = new TheoryData<string, bool>();
        foreach (var fixture in UpgradeFixture.All())
        {
            data.Add(fixture.Name, false);
            data.Add(fixture.Name, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Todays_host_starts_on_an_older_store_and_everything_reads_back(string fixtureName, bool postgreSql)
    {
        var fixture = UpgradeFixture.All().Single(f => f.Name == fixtureName);
        var expected = fixture.Read(postgreSql);
        await using var frameio = await FakeFrameioServer.StartAsync();
        frameio.AddTokenUser(EveryKindOfObject.FrameioToken);
        var settings = new Dictionary<string, string?>
        {
            [MasterKey.Variable] = fixture.MasterKey,
            ["FrameConnector:BaseUrl"] = frameio.BaseUrl.ToString(),
        };
        await using var database = postgreSql ? await TestPostgresDatabase.CreateAsync() : null;
        if (database is not null)
        {
            await fixture.RestoreDumpAsync(database.ConnectionString);
            settings["Storage:PostgreSql"] = database.ConnectionString;
        }
        else
        {
            var copy = Path.Combine(TestPaths.NewTemporaryDirectory(), UpgradeFixture.SqliteFile);
            File.Copy(Path.Combine(fixture.Folder, UpgradeFixture.SqliteFile), copy);
            settings["Storage:SqlitePath"] = copy;
        }

        await using var host = await TestHost.StartAsync(settings);
        using var admin = host.Client(fixture.AdminToken);
        var objects = new EveryKindOfObject([.. expected.Reads.Keys], expected.ProjectId);
        var answers = await objects.ReadAsync(admin);
        foreach (var (path, answer) in expected.Reads)
            Assert.True(Contains(answer, answers[path]), $"GET {path}\nthen: {answer?.ToJsonString()}\nnow:  {answers[path]?.ToJsonString()}");

        await (await admin.PostAsJsonAsync($"/api/v1/projects/{expected.ProjectId}/tasks", new { name = "Print" })).ReadSuccessAsync<JsonElement>();
        var test = await (await admin.PostAsync("/api/v1/frameio/connections/default/test", null)).ReadSuccessAsync<JsonElement>();
        Assert.True(test.GetProperty("ok").GetBoolean(), test.ToString());
    }

    /// <summary>Whether <paramref name="now"/> says everything <paramref name="then"/> said: a later version may add fields, not change or drop them.</summary>
    internal static bool Contains(JsonNode? then, JsonNode? now) => (then, now) switch
    {
        (JsonObject a, JsonObject b) => a.All(p => b.ContainsKey(p.Key) && Contains(p.Value, b[p.Key])),
        (JsonArray a, JsonArray b) => a.Count == b.Count && a.Zip(b).All(pair => Contains(pair.First, pair.Second)),
        _ => JsonNode.DeepEquals(then, now),
    };
}
