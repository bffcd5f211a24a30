using Greenlight.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Greenlight.Host.Tests.Support;

namespace Greenlight.Host.Tests.Http;

/// <summary>Bad requests are answered with problem details that say what is wrong, and change nothing.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class ErrorResponseTests(ApiHostFixture fixture)
{
    private HttpClient Admin => fixture.Host.Admin;

    [Fact]
    public async Task A_validation_error_names_the_field_and_changes_nothing()
    {
        var before = await Admin.ListTokensAsync();

        var response = await Admin.PostAsJsonAsync("/api/v1/tokens", new { name = "" });

        await response.AssertInvalidFieldAsync("name");
        Assert.Equivalent(before, await Admin.ListTokensAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await Admin.PostAsync("/api/v1/tokens", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_missing_value_field_is_a_400_naming_it_also_in_a_plugin_s_body()
    {
        var response = await Admin.PutAsync("/api/v1/sample/probes/strict", new StringContent("{}", Encoding.UTF8, "application/json"));

        await response.AssertInvalidFieldAsync("failing");
    }

    [Fact]
    public async Task Null_is_refused_where_the_field_does_not_allow_it()
    {
        var before = await Admin.ListTokensAsync();

        var response = await Admin.PostAsync("/api/v1/tokens", new StringContent("""{"name":null}""", Encoding.UTF8, "application/json"));

        await response.AssertInvalidFieldAsync("name");
        Assert.Equivalent(before, await Admin.ListTokensAsync());
    }

    [Theory]
    [InlineData("/api/v1/admin/outbox/parked?limit=abc", "limit")]
    [InlineData("/api/v1/admin/outbox/parked?limit=99999999999", "limit")]
    public async Task A_query_value_that_does_not_bind_is_a_400_naming_it(string path, string field)
    {
        await (await Admin.GetAsync(path)).AssertInvalidFieldAsync(field);
    }

    [Fact]
    public async Task A_missing_body_is_a_400_naming_the_body()
    {
        var response = await Admin.PostAsync("/api/v1/tokens", new StringContent("", Encoding.UTF8, "application/json"));

        await response.AssertInvalidFieldAsync("body");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await Admin.GetAsync("/api/v1/no-such-thing");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_over_the_configured_limit_is_refused_with_413()
    {
        var name = new string('a', ApiHostFixture.MaxRequestBodyBytes + 1);
        var before = await Admin.ListTokensAsync();

        var response = await Admin.PostAsJsonAsync("/api/v1/tokens", new { name });

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equivalent(before, await Admin.ListTokensAsync());
    }
}
