using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Greenlight.Testing;

namespace Greenlight.Host.Tests.Hardening;

/// <summary>What every response and every start does whatever the request or setting: problem+json, enum names only, safe headers, safe files.</summary>
public sealed class HardeningTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    [InlineData("image/png")]
    public async Task An_error_is_problem_json_whatever_the_client_accepts(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-route");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        var response = await _host.Admin.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, $"Accept: {accept}");
    }

    [Fact]
    public async Task A_failed_request_validation_is_problem_json_for_a_client_that_accepts_only_xml()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens")
        {
            Content = new StringContent("""{"name":""}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));

        await (await _host.Admin.SendAsync(request)).AssertInvalidFieldAsync("name");
    }

    [Theory]
    [InlineData("7")]
    [InlineData("-1")]
    [InlineData("2")]
    public async Task An_enum_in_a_route_is_accepted_by_name_only(string containerType)
    {
        var response = await _host.Admin.GetAsync($"/api/v1/access/objects/{containerType}/p1/Project/p1/shares");

        await response.AssertInvalidFieldAsync("containerType");
    }

    [Theory]
    [InlineData("%20")]
    [InlineData("%7Bid%7D")]
    [InlineData("a%0D%0Ab")]
    public async Task A_route_value_that_can_name_nothing_is_a_400_naming_it(string id)
    {
        var before = await _host.Admin.GetStringAsync("/api/v1/tokens");

        var response = await _host.Admin.DeleteAsync($"/api/v1/tokens/{id}");

        await response.AssertInvalidFieldAsync("id");
        Assert.Equal(before, await _host.Admin.GetStringAsync("/api/v1/tokens"));
    }

    [Fact]
    public async Task An_enum_in_a_query_is_accepted_by_name_only()
    {
        var response = await _host.Admin.GetAsync("/api/v1/access/audit?subjectType=3");

        await response.AssertInvalidFieldAsync("subjectType");
    }

    /// <summary>An enum sent as a number, and a flag left out: each would otherwise have been read as a value nobody sent.</summary>
    [Theory]
    [InlineData("""{"collaborateByEmail":false,"assigneePermission":1,"assigneeProjectPermission":"None"}""", "assigneePermission")]
    [InlineData("""{"assigneePermission":"View","assigneeProjectPermission":"None"}""", "collaborateByEmail")]
    public async Task A_body_field_given_as_a_number_for_an_enum_or_left_out_is_named_and_changes_nothing(string body, string field)
    {
        var before = await _host.Admin.GetStringAsync("/api/v1/access/preferences");

        var response = await _host.Admin.PutAsync("/api/v1/access/preferences", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertInvalidFieldAsync(field);
        Assert.Equal(before, await _host.Admin.GetStringAsync("/api/v1/access/preferences"));
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_no_server_header()
    {
        var api = await _host.Admin.GetAsync("/api/v1/tokens");
        var health = await _host.Anonymous.GetAsync("/health/live");

        foreach (var response in new[] { api, health })
        {
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.False(response.Headers.Contains("Server"));
        }
        Assert.True(api.Headers.CacheControl?.NoStore, "an API answer (here: tokens) is never cached");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_embedded_store_is_readable_by_the_host_s_user_only()
    {
        var path = Path.GetFullPath(_host.Services.GetRequiredService<IOptions<StoreOptions>>().Value.SqlitePath);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task A_bootstrap_token_too_short_stops_start_up_in_one_line_before_anything_is_created()
    {
        var folder = Path.Combine(TestPaths.NewTemporaryDirectory(), "data");

        var failed = await Assert.ThrowsAsync<HostProcessExitedException>(() => HostProcess.StartAsync(
            new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(folder, "greenlight.db") },
            environment: new Dictionary<string, string?> { [OrganizationBootstrapper.TokenVariable] = "short-token" }));

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal($"Greenlight did not start. {OrganizationBootstrapper.TokenVariable} must be at least 16 characters long.", failed.StandardError.Trim());
        Assert.False(Directory.Exists(folder), "nothing of the store was created");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
