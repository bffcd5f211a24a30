namespace Greenlight.FrameConnector.Tests.Contract;

/// <summary>
/// Every request the client sends, as the fake recorded it, must be one Frame.io documents: in the
/// published Postman collection (method, path with :params, and only body fields its example has),
/// or, for the calls the collection lacks (/accounts, local upload, version stacks, project users),
/// a verb and path of frameio.md's "Endpoints used" list.
/// </summary>
public sealed class ContractTests
{
    [Fact]
    public async Task Every_request_of_a_full_exercise_is_documented_by_Frame_io()
    {
        var collection = PublishedSpec.PostmanCollection();
        var frameioMd = PublishedSpec.FrameioMdEndpoints();
        await using var harness = await FrameioHarness.StartAsync();

        await FullExercise.RunAsync(harness, harness.Client());

        var apiRequests = harness.Fake.Requests.Where(r => r.Path.StartsWith("/v4/", StringComparison.Ordinal)).ToList();
        Assert.Equal(22, apiRequests.Select(r => (r.Method, r.Template)).Distinct().Count()); // every operation of the client was exercised
        var undocumented = new List<string>();
        foreach (var request in apiRequests)
        {
            var path = PublishedSpec.PathSegments(request.Path).Skip(1).ToList();
            var sentFields = PublishedSpec.BodyFields(request.Body);
            var inCollection = collection.Where(d => d.Matches(request.Method, path)).ToList();
            if (inCollection.Count > 0)
            {
                var example = inCollection.FirstOrDefault(d => d.BodyFields is null ? sentFields is null : sentFields is not null && sentFields.IsSubsetOf(d.BodyFields));
                if (example is null)
                    undocumented.Add($"{request.Method} {request.Path} sends fields [{string.Join(", ", sentFields ?? new HashSet<string>())}] beyond {string.Join(" / ", inCollection)}");
            }
            else if (!frameioMd.Any(d => d.Matches(request.Method, path)))
            {
                undocumented.Add($"{request.Method} {request.Path}");
            }
        }
        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_spec_is_found_and_read()
    {
        Assert.True(PublishedSpec.PostmanCollection().Count >= 30);
        var md = PublishedSpec.FrameioMdEndpoints().Select(d => d.ToString()).ToList();
        Assert.Contains(md, d => d.StartsWith("POST /accounts/:param/folders/:param/files/local_upload", StringComparison.Ordinal));
        Assert.Contains(md, d => d.StartsWith("PATCH /accounts/:param/projects/:param/users/:param", StringComparison.Ordinal));
        Assert.DoesNotContain(md, d => d.Contains("v2", StringComparison.Ordinal)); // the unconfirmed V2 call is not part of the list
    }
}
