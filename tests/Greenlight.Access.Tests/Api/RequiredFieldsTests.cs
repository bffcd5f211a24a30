using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Greenlight.Access.Tests.Support;

namespace Greenlight.Access.Tests.Api;

/// <summary>
/// Every Access operation that takes a body, as the OpenAPI document declares it: each field the body requires, left
/// out or sent as null, and each enum field sent as a number, is a 400 and changes nothing (no default stands in for
/// it); then the valid body succeeds, so the refusals were about that field alone.
/// </summary>
public sealed class RequiredFieldsTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private readonly AccessWorld _world = fixture.World;

    [Fact]
    public async Task Every_required_field_is_required_and_every_enum_is_a_name()
    {
        var api = await AccessApi.ForAsync(_world);
        var administrator = await _world.AdministratorIdAsync();
        var wrong = new List<string>();
        var swept = new List<string>();
        foreach (var operation in api.Operations.Where(o => o.Body is not null))
        {
            foreach (var field in api.Fields(operation))
            {
                foreach (var (what, body, named) in Refusals(api.ValidBody(operation), field))
                {
                    var before = await Fingerprint.OfAsync(_world.Host, administrator);
                    using var response = await SendAsync(operation, api, body);
                    var refusal = await RefusalErrorAsync(response, named ? field.Name : null);
                    if (refusal is not null) wrong.Add($"{operation.Key}, {field.Name} {what}: {refusal}");
                    else if (await Fingerprint.OfAsync(_world.Host, administrator) != before) wrong.Add($"{operation.Key}, {field.Name} {what}: refused, yet something changed");
                    swept.Add($"{operation.Key} {field.Name}");
                }
            }
            using var valid = await SendAsync(operation, api, api.ValidBody(operation));
            if (!valid.IsSuccessStatusCode) wrong.Add($"{operation.Key}: the valid body answered {(int)valid.StatusCode}: {await valid.Content.ReadAsStringAsync()}");
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} refusals went wrong:\n" + string.Join("\n", wrong));
        // The outside sweep's findings are among the fields swept.
        Assert.Contains("PUT /api/v1/access/objects/{containerType}/{containerId}/{objectType}/{objectId}/inheritance inheritsFromParent", swept);
        Assert.Contains("PUT /api/v1/access/preferences collaborateByEmail", swept);
        Assert.Contains("PUT /api/v1/access/users/frameio userIds", swept);
        Assert.Contains("PUT /api/v1/access/groups/{id}/administrators userIds", swept);
        Assert.Contains("POST /api/v1/access/objects/{containerType}/{containerId}/{objectType}/{objectId}/shares permission", swept);
    }

    /// <param name="Named">Whether the 400 must name the field. A value type left out is refused by the host's body binding,
    /// which names the field once bodies are strict (wave 2, host); until then it names the body.</param>
    private static IEnumerable<(string What, JsonObject Body, bool Named)> Refusals(JsonObject valid, AccessApi.Field field)
    {
        if (field.Required)
        {
            var without = valid.DeepClone().AsObject();
            without.Remove(field.Name);
            yield return ("left out", without, !field.ValueType);
            var nulled = valid.DeepClone().AsObject();
            nulled[field.Name] = null;
            yield return ("sent as null", nulled, true);
        }
        if (field.Enum)
        {
            var number = valid.DeepClone().AsObject();
            number[field.Name] = 1;
            yield return ("sent as a number", number, true);
        }
    }

    private Task<HttpResponseMessage> SendAsync(AccessApi.Operation operation, AccessApi api, JsonObject body) =>
        _world.Host.Admin.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), api.PathOf(operation)) { Content = JsonContent.Create(body) });

    /// <summary>What is wrong with the answer to a refused body; null when it is a 400 problem naming <paramref name="field"/> (if given).</summary>
    private static async Task<string?> RefusalErrorAsync(HttpResponseMessage response, string? field)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != ProblemAssertions.MediaType)
            return $"answered {(int)response.StatusCode} {response.Content.Headers.ContentType}: {text}";
        if (field is null) return null;
        return JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
            ? null
            : $"the 400 does not name '{field}': {text}";
    }
}
