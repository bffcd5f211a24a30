using Greenlight.Integration.Tests.Sweeps;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Integration.Tests;

/// <summary>
/// Every operation of the OpenAPI document, called with ids of objects that exist and a valid body built from
/// its schema (so what is tested is authorization, not binding), by a user with no rights and by nobody: the
/// answer is always 401, 403 or 404, never a success and never a server error.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class EnforcementEverywhereTests(SweepFixture fixture) : IClassFixture<SweepFixture>
{
    private SweepWorld World => fixture.World;

    /// <summary>
    /// What any signed-in user may do whatever their level, and why. Challenge every entry: an
    /// operation here answers 2xx to the user with no rights.
    /// </summary>
    private static readonly Dictionary<string, string> OpenToEverySignedInUser = new()
    {
        ["POST /api/v1/tokens"] = "a user issues API tokens for themself; a token carries exactly the user's own rights",
        ["GET /api/v1/tokens"] = "the caller's own tokens, without secrets",
        ["GET /api/v1/access/preferences"] = "the organization's sharing switches (email collaboration on or off, assignee defaults) a sharer's client needs; no person or object in it",
        ["GET /api/v1/me/approvals"] = "the approval stages waiting for the caller themself",
        ["GET /api/v1/access/shared-with-me"] = "what was shared with the caller themself, only the objects their level lets them view (none at No Access)",
    };

    private async Task<List<string>> SweepAsync(HttpClient client, Func<ApiOperation, HttpStatusCode, bool> acceptable)
    {
        var wrong = new List<string>();
        // Deletions last, so a hole in one does not hide the others.
        foreach (var operation in World.Api.Operations.OrderBy(o => o.Method == "DELETE"))
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), World.Url(operation));
            if (operation.Body is { } schema) request.Content = SweepWorld.Json(World.BodiesFor(operation).Build(schema));
            using var response = await client.SendAsync(request);
            if (!acceptable(operation, response.StatusCode))
                wrong.Add($"{operation} ({request.RequestUri}) answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return wrong;
    }

    private static bool IsDenial(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    [Fact]
    public async Task Every_operation_denies_a_user_whose_level_has_every_area_at_no_access()
    {
        var nothing = await World.World.LevelAsync("contributor",
            AccessAreas.All.ToDictionary(a => JsonNamingPolicy.CamelCase.ConvertName(a.ToString()), _ => new { setting = "NoAccess" }));
        using var nobody = await World.World.PersonAsync("nobody", nothing);

        var wrong = await SweepAsync(nobody.Client, (operation, status) =>
            OpenToEverySignedInUser.ContainsKey(operation.Key) ? (int)status < 500 : IsDenial(status));

        Assert.True(wrong.Count == 0, $"{wrong.Count} operations did not deny the user with no rights:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_operation_answers_401_to_a_caller_without_a_token()
    {
        var wrong = await SweepAsync(World.Host.Anonymous, (_, status) => status == HttpStatusCode.Unauthorized);

        Assert.True(wrong.Count == 0, $"{wrong.Count} operations did not answer 401 without a token:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_operations_open_to_every_signed_in_user_are_in_the_document()
    {
        var keys = World.Api.Operations.Select(o => o.Key).ToHashSet();

        Assert.All(OpenToEverySignedInUser.Keys, key => Assert.Contains(key, keys));
    }
}
