using System.Net;
using Greenlight.Host.Tests.Support;

namespace Greenlight.Host.Tests.Http;

/// <summary>What every client relies on: camelCase JSON and a self-describing API behind the token.</summary>
public sealed class ApiConventionTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Json_property_names_are_camelCase()
    {
        var tokens = await fixture.Host.Admin.GetJsonAsync("/api/v1/tokens");

        var names = tokens.EnumerateArray().First().EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("lastFour", names);
        Assert.Contains("createdAt", names);
        Assert.All(names, name => Assert.True(char.IsLower(name[0]), $"'{name}' is not camelCase"));
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_bearer_authentication()
    {
        var document = await fixture.Host.Admin.GetJsonAsync("/openapi/v1.json");

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Contains(document.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task The_API_browser_is_served_to_a_token_holder()
    {
        var response = await fixture.Host.Admin.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }
}
