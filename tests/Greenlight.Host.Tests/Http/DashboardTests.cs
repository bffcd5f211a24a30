using System.Net;

namespace Greenlight.Host.Tests.Http;

/// <summary>The Orleans dashboard at /admin/dashboard shows every grain's state: System Administrators only.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class DashboardTests(ApiHostFixture fixture)
{
    // The page, and the data it polls (cluster statistics; grain state).
    public static readonly TheoryData<string> Paths = ["/admin/dashboard/index.html", "/admin/dashboard/ClusterStats", "/admin/dashboard/GrainTypes"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Anonymous_callers_get_401(string path) =>
        await (await fixture.Host.Anonymous.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized, path);

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_user_without_System_Administrator_rights_gets_403(string path)
    {
        using var user = await fixture.Host.SignInNewUserAsync($"dashboard-{Guid.NewGuid().ToString("N")[..8]}");

        await (await user.Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden, path);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_System_Administrator_gets_it(string path)
    {
        var response = await fixture.Host.Admin.GetAsync(path);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
