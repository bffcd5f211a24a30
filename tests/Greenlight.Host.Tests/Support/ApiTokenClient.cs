using System.Net.Http.Json;
using Greenlight.Kernel.Security.Tokens;
using Greenlight.Kernel.Storage;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Host.Tests.Support;

/// <summary>The token endpoints as a client uses them, and users besides the administrator.</summary>
internal static class ApiTokenClient
{
    public static async Task<IssuedApiToken> CreateTokenAsync(this HttpClient client, string name) =>
        await (await client.PostAsJsonAsync("/api/v1/tokens", new { name })).ReadSuccessAsync<IssuedApiToken>();

    public static Task<List<ApiTokenInfo>> ListTokensAsync(this HttpClient client) =>
        client.GetSuccessAsync<List<ApiTokenInfo>>("/api/v1/tokens");

    /// <summary>
    /// A client signed in as an ordinary user. Without the Access module no endpoint creates users,
    /// so the token is issued straight into the host's store, as that module would.
    /// </summary>
    public static async Task<(HttpClient Client, IssuedApiToken Token)> SignInAnotherUserAsync(this TestHost host, string userId)
    {
        var tokens = host.Services.GetRequiredService<ApiTokens>();
        var issued = await host.Services.GetRequiredService<IStore>().InTransactionAsync(tx => tokens.CreateAsync(tx, userId, "another user"));
        return (host.Client(issued.Token), issued);
    }
}
