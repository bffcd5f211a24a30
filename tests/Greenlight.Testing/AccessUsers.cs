using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Kernel.Security.Tokens;

namespace Greenlight.Testing;

/// <summary>Users besides the administrator, made as a client makes them: through the Access module's API.</summary>
public static class AccessUsers
{
    public sealed record SignedInUser(string Id, HttpClient Client, IssuedApiToken Token) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    /// <summary>Creates a user (by default with the Standard level) as the System Administrator, issues them a token and signs them in.</summary>
    /// <param name="profile">More fields of the new user (homeGroupId, teamIds…), as the create endpoint takes them.</param>
    public static async Task<SignedInUser> SignInNewUserAsync(this TestHost host, string name, string accessLevelId = "standard", IDictionary<string, object?>? profile = null)
    {
        var id = await host.Admin.CreateUserAsync(name, accessLevelId, profile);
        var token = await (await host.Admin.PostAsJsonAsync($"/api/v1/access/users/{id}/tokens", new { name = "test" })).ReadSuccessAsync<IssuedApiToken>();
        return new SignedInUser(id, host.Client(token.Token), token);
    }

    /// <summary>Creates a user through <paramref name="admin"/> (a System Administrator's client of any host); the email is <see cref="EmailOf"/> the name.</summary>
    /// <returns>The new user's id.</returns>
    public static async Task<string> CreateUserAsync(this HttpClient admin, string name, string accessLevelId = "standard", IDictionary<string, object?>? profile = null)
    {
        var body = new Dictionary<string, object?>(profile ?? new Dictionary<string, object?>())
        {
            ["name"] = name,
            ["email"] = EmailOf(name),
            ["accessLevelId"] = accessLevelId,
        };
        var user = await (await admin.PostAsJsonAsync("/api/v1/access/users", body)).ReadSuccessAsync<JsonElement>();
        return user.GetProperty("id").GetString()!;
    }

    public static string EmailOf(string name) => $"{name.Replace(' ', '.')}@example.org";
}
