using Greenlight.Testing;
using System.Net;
using System.Net.Http.Headers;
using Greenlight.Host.Tests.Support;

namespace Greenlight.Host.Tests.Http;

/// <summary>What every client relies on: camelCase JSON and a self-describing API behind the token.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class ApiConventionTests(ApiHostFixture fixture)
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
        // Redirects are followed by hand: HttpClient drops the Authorization header when it follows one.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Host.AdminToken);

        var entry = await client.GetAsync("/docs");
        Assert.True(entry.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect, $"/docs answered {entry.StatusCode}");
        var page = await client.GetAsync(new Uri(entry.RequestMessage!.RequestUri!, entry.Headers.Location!));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync());
    }
}
