using System.Net.Http.Headers;
using Xunit.Abstractions;

namespace Greenlight.Integration.Tests.Sweeps;

/// <summary>
/// For every operation with a JSON body, each field its schema requires (nested ones too) is dropped in turn
/// from an otherwise valid body sent by the System Administrator: the answer is a 400 naming that field, and
/// what the operation would change reads back the same. A missing field is never read as a default.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class RequiredFieldsSweepTests(SweepFixture fixture, ITestOutputHelper output) : IClassFixture<SweepFixture>
{
    [Fact]
    public async Task Every_required_field_dropped_in_turn_is_a_400_naming_it_and_changes_nothing()
    {
        var world = fixture.World;
        var report = new SweepReport(output);
        foreach (var operation in world.Api.Operations.Where(o => o.Body is not null).OrderBy(o => o.Method == "DELETE"))
        {
            var bodies = world.BodiesFor(operation);
            var body = bodies.Build(operation.Body!.Value);
            var readBacks = world.ReadBacks(operation).Select(r => world.Url(r)).ToList();
            foreach (var field in bodies.RequiredPaths(operation.Body.Value, body))
            {
                var name = $"{operation} without '{field}'";
                var before = await world.ReadAsync(readBacks);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), world.Url(operation)) { Content = SweepWorld.Json(Bodies.Without(body, field)) };
                using var response = await world.Host.Admin.SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                var after = await world.ReadAsync(readBacks);

                if (!NamesField(response.StatusCode, response.Content.Headers.ContentType, answer, field))
                    report.Failed(name, $"answered {(int)response.StatusCode} {SweepReport.Shorten(answer)}");
                else if (!after.SequenceEqual(before))
                    report.Failed(name, "changed " + string.Join("; ", after.Except(before).Select(r => SweepReport.Shorten(r))));
                else report.Passed(name);
            }
        }

        report.AssertNoFailures("required fields", atLeastCases: 30);
    }

    private static bool NamesField(HttpStatusCode status, MediaTypeHeaderValue? type, string answer, string field)
    {
        if (status != HttpStatusCode.BadRequest || type?.MediaType != ProblemAssertions.MediaType) return false;
        using var problem = JsonDocument.Parse(answer);
        return problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
    }
}
