using Xunit;
using System.Net.Http.Json;
using System.Text.Json;

namespace Greenlight.Testing;

public static class Json
{
    /// <summary>Reads a successful response's body, failing with the body when the call did not succeed.</summary>
    public static async Task<T> ReadSuccessAsync<T>(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: " +
                        await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static async Task<T> GetSuccessAsync<T>(this HttpClient client, string path) =>
        await (await client.GetAsync(path)).ReadSuccessAsync<T>();

    public static Task<JsonElement> GetJsonAsync(this HttpClient client, string path) => client.GetSuccessAsync<JsonElement>(path);
}
