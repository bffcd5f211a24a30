using Xunit;
using System.Net;
using System.Text.Json;

namespace Greenlight.Testing;

public static class ProblemAssertions
{
    public const string MediaType = "application/problem+json";

    /// <summary>Asserts an RFC 9457 response with this status and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string because = "")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{because} expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == MediaType,
            $"{because} expected {MediaType}, got '{response.Content.Headers.ContentType}': {body}");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Asserts a 400 whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task AssertInvalidFieldAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors does not name '{field}': {errors}");
        Assert.NotEmpty(messages.EnumerateArray());
    }
}
