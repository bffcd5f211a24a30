using Greenlight.Modules.Review.Publishing;
using Greenlight.Testing.ExperienceManager;

namespace Greenlight.Review.Tests.ExperienceManager;

/// <summary>Testing and removing the Experience Manager connection: the setup page's Test and Disconnect.</summary>
public sealed class ConnectionTestTests
{
    private const string Connection = "/api/v1/admin/experience-manager/connection";

    [Fact]
    public async Task An_administrator_tests_the_connection_and_learns_whether_it_works_then_removes_it()
    {
        await using var aem = await FakeExperienceManagerServer.StartAsync();
        await using var own = await OwnReviewHost.StartAsync();
        var review = own.Review;
        var (_, user) = await review.UserAsync("tess");

        await (await user.PostAsync(Connection + "/test", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await user.DeleteAsync(Connection)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await review.Admin.PostAsync(Connection + "/test", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        (await review.Admin.PutAsJsonAsync(Connection, new { baseUrl = aem.BaseUrl, token = "the-wrong-token-9876" })).EnsureSuccessStatusCode();
        var wrong = await review.Admin.PostAsync(Connection + "/test", null);
        var refused = await wrong.ReadSuccessAsync<ConnectionTestView>();
        Assert.False(refused.Works);
        Assert.Contains("401", refused.Detail);
        Assert.DoesNotContain("the-wrong-token", await wrong.Content.ReadAsStringAsync());

        (await review.Admin.PutAsJsonAsync(Connection, new { baseUrl = "http://127.0.0.1:1/", token = aem.AccessToken })).EnsureSuccessStatusCode();
        var unreachable = await (await review.Admin.PostAsync(Connection + "/test", null)).ReadSuccessAsync<ConnectionTestView>();
        Assert.False(unreachable.Works);
        Assert.Contains("could not be reached", unreachable.Detail);

        (await review.Admin.PutAsJsonAsync(Connection, new { baseUrl = aem.BaseUrl, token = aem.AccessToken })).EnsureSuccessStatusCode();
        Assert.True((await (await review.Admin.PostAsync(Connection + "/test", null)).ReadSuccessAsync<ConnectionTestView>()).Works);

        Assert.Equal(HttpStatusCode.NoContent, (await review.Admin.DeleteAsync(Connection)).StatusCode);
        await (await review.Admin.GetAsync(Connection)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await review.Admin.PostAsync(Connection + "/test", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
