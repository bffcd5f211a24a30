using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Kernel.Security.Tokens;

namespace Greenlight.Host.Tests.Support;

/// <summary>A Work project shared with a user through the Access module's API, as a System Administrator's client does it.</summary>
internal static class ProjectSharing
{
    public static string ProjectPath(string projectId) => $"/api/v1/projects/{projectId}";

    public static async Task<string> CreateProjectAsync(this HttpClient admin, string name) =>
        (await (await admin.PostAsJsonAsync("/api/v1/projects", new { name })).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;

    /// <summary>A new Standard user and an API token of theirs.</summary>
    public static async Task<(string Id, string Token)> CreateUserWithTokenAsync(this HttpClient admin, string name)
    {
        var id = await admin.CreateUserAsync(name);
        var token = await (await admin.PostAsJsonAsync($"/api/v1/access/users/{id}/tokens", new { name = "test" })).ReadSuccessAsync<IssuedApiToken>();
        return (id, token.Token);
    }

    public static async Task ShareProjectAsync(this HttpClient admin, string projectId, string userId, string permission) =>
        await (await admin.PostAsJsonAsync($"{SharesPath(projectId)}", new { granteeKind = "User", granteeId = userId, permission }))
            .ReadSuccessAsync<JsonElement>();

    public static async Task RevokeProjectShareAsync(this HttpClient admin, string projectId, string userId)
    {
        var response = await admin.DeleteAsync($"{SharesPath(projectId)}/User/{userId}");
        Assert.True(response.IsSuccessStatusCode, $"Revoking answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static string SharesPath(string projectId) => $"/api/v1/access/objects/Project/{projectId}/Project/{projectId}/shares";
}
