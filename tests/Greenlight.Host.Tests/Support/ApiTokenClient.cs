using System.Net.Http.Json;
using Greenlight.Kernel.Security.Tokens;
using Greenlight.Testing;

namespace Greenlight.Host.Tests.Support;

/// <summary>The token endpoints as a client uses them, and users besides the administrator.</summary>
internal static class ApiTokenClient
{
    public static async Task<IssuedApiToken> CreateTokenAsync(this HttpClient client, string name) =>
        await (await client.PostAsJsonAsync("/api/v1/tokens", new { name })).ReadSuccessAsync<IssuedApiToken>();

    public static Task<List<ApiTokenInfo>> ListTokensAsync(this HttpClient client) =>
        client.GetSuccessAsync<List<ApiTokenInfo>>("/api/v1/tokens");

    /// <summary>A client signed in as an ordinary user (Standard level), created through the Access module's API.</summary>
    public static async Task<(HttpClient Client, IssuedApiToken Token)> SignInAnotherUserAsync(this TestHost host, string name)
    {
        var user = await host.SignInNewUserAsync(name);
        return (user.Client, user.Token);
    }
}
