using System.Text.Json;
using System.Text.RegularExpressions;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Work.Common;
using Greenlight.Testing;
using Greenlight.Work.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Work.Tests;

/// <summary>What every Work operation and request is held to, found by scanning rather than listed by hand.</summary>
[Collection(WorkHostCollection.Name)]
public sealed partial class ApiShapeTests(WorkHostFixture fixture)
{
    private readonly WorkHost _work = fixture.Work;

    /// <summary>The tags of Work's operations (other modules' operations may sit under /projects too).</summary>
    private static readonly HashSet<string> WorkTags = ["Portfolios", "Programs", "Projects", "Tasks", "Issues", "Documents"];

    private static bool IsWork(JsonElement operation) =>
        operation.TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(t => WorkTags.Contains(t.GetString()!));

    [Fact]
    public async Task No_request_body_of_Work_repeats_a_route_parameter()
    {
        var document = await _work.Admin.GetJsonAsync("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var repeated = new List<string>();
        var bodies = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject().Where(o => IsWork(o.Value) && o.Value.TryGetProperty("requestBody", out _)))
        {
            if (!operation.Value.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out var json)) continue;
            bodies++;
            var schema = json.GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var reference)) schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            var fields = schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
            repeated.AddRange(RouteParameter().Matches(path.Name).Select(m => m.Groups[1].Value).Where(fields.Contains)
                .Select(field => $"{operation.Name.ToUpperInvariant()} {path.Name}: {field}"));
        }

        Assert.True(bodies > 10, $"Only {bodies} JSON bodies in the document.");
        Assert.Empty(repeated);
    }

    [Fact]
    public void Every_request_touching_other_objects_has_them_checked()
    {
        var requests = typeof(ITouchesOtherObjects).Assembly.GetTypes().Where(t => t.IsClass && typeof(ITouchesOtherObjects).IsAssignableFrom(t)).ToList();

        Assert.NotEmpty(requests);
        Assert.All(requests, request => Assert.Contains(
            _work.Host.Services.GetServices(typeof(IRequestAuthorizer<>).MakeGenericType(request)),
            authorizer => authorizer!.GetType().Name == "OtherObjectsAuthorizer"));
    }

    [GeneratedRegex("{([^}:]+)")]
    private static partial Regex RouteParameter();
}
