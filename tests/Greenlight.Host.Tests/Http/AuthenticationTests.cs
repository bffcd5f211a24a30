using Greenlight.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Greenlight.Host.Tests.Support;

namespace Greenlight.Host.Tests.Http;

/// <summary>Health is open to probes; everything else, API documents included, needs a live token.</summary>
[Collection(ApiHostCollection.Name)]
public sealed class AuthenticationTests(ApiHostFixture fixture)
{
    private static readonly string[] OpenApiMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_answers_without_a_token(string path)
    {
        var response = await fixture.Host.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("glt_not-a-token-anyone-was-given")]
    public async Task Every_other_route_answers_401_problem_without_a_live_token(string? token)
    {
        var routes = await DocumentedRoutesAsync();
        routes.Add((HttpMethod.Get, "/openapi/v1.json"));
        routes.Add((HttpMethod.Get, "/docs"));
        routes.Add((HttpMethod.Get, "/docs/index.html"));
        Assert.Contains(routes, r => r.Path.StartsWith("/api/v1/sample/", StringComparison.Ordinal));

        foreach (var (method, path) in routes)
        {
            using var request = new HttpRequestMessage(method, path);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (method != HttpMethod.Get) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");

            var response = await fixture.Host.Anonymous.SendAsync(request);

            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, $"{method} {path}:");
        }
    }

    /// <summary>Every operation of the OpenAPI document, with "x" for each path parameter.</summary>
    private async Task<List<(HttpMethod Method, string Path)>> DocumentedRoutesAsync()
    {
        var document = await fixture.Host.Admin.GetJsonAsync("/openapi/v1.json");
        var routes = new List<(HttpMethod, string)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var concrete = string.Join('/', path.Name.Split('/').Select(s => s.StartsWith('{') ? "x" : s));
            routes.AddRange(path.Value.EnumerateObject()
                .Where(operation => OpenApiMethods.Contains(operation.Name))
                .Select(operation => (HttpMethod.Parse(operation.Name), concrete)));
        }
        Assert.NotEmpty(routes);
        return routes;
    }
}
