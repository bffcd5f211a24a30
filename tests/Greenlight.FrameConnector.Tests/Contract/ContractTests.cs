namespace Greenlight.FrameConnector.Tests.Contract;

/// <summary>
/// Every request the client sends, as the fake recorded it, must be one Frame.io documents: in the
/// published Postman collection (method, path with :params, and only body fields its example has),
/// or, for the calls the collection lacks (/accounts, account users, local upload, version stacks,
/// project users), a verb and path frameio.md lists as documented. The assumed calls must be the
/// ones it does not: the day Frame.io documents one, it moves to the client.
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
        Assert.Equal(24, apiRequests.Select(r => (r.Method, r.Template)).Distinct().Count()); // every operation of the client was exercised
        Assert.Empty(apiRequests.Select(r => Undocumented(r, collection, frameioMd)).OfType<string>());
    }

    [Fact]
    public async Task Every_assumed_call_is_one_Frame_io_does_not_document()
    {
        var (collection, frameioMd) = (PublishedSpec.PostmanCollection(), PublishedSpec.FrameioMdEndpoints());
        await using var harness = await FrameioHarness.StartAsync();
        harness.Fake.AssumedCalls = true;
        var project = await harness.NewProjectAsync(harness.Client());
        harness.Fake.ClearRequests();

        var assumed = harness.AssumedCalls();
        var colleague = harness.Fake.AddAccountMember(harness.AccountId, "colleague@example.com");
        await assumed.InviteProjectMemberAsync(harness.AccountId, project.Id, "new.creative@example.com", FrameioProjectRole.Editor);
        await assumed.RemoveUserFromAccountAsync(harness.AccountId, colleague);

        var requests = harness.Fake.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.True(Undocumented(r, collection, frameioMd) is not null, $"{r.Method} {r.Path} is documented now: move it to IFrameioClient"));
        Assert.Equal(FakeFrameioRoutes.Assumed.Order(), requests.Select(r => (r.Method, r.Template!)).Order());
    }

    /// <summary>Null when Frame.io documents the request; else what is not documented about it.</summary>
    private static string? Undocumented(RecordedRequest request, IReadOnlyList<DocumentedRequest> collection, IReadOnlyList<DocumentedRequest> frameioMd)
    {
        var path = PublishedSpec.PathSegments(request.Path).Skip(1).ToList();
        var sentFields = PublishedSpec.BodyFields(request.Body);
        var inCollection = collection.Where(d => d.Matches(request.Method, path)).ToList();
        if (inCollection.Count == 0) return frameioMd.Any(d => d.Matches(request.Method, path)) ? null : $"{request.Method} {request.Path}";
        return inCollection.Any(d => d.BodyFields is null ? sentFields is null : sentFields is not null && sentFields.IsSubsetOf(d.BodyFields))
            ? null
            : $"{request.Method} {request.Path} sends fields [{string.Join(", ", sentFields ?? new HashSet<string>())}] beyond {string.Join(" / ", inCollection)}";
    }

    [Fact]
    public void The_spec_is_found_and_read()
    {
        Assert.True(PublishedSpec.PostmanCollection().Count >= 30);
        var md = PublishedSpec.FrameioMdEndpoints().Select(d => d.ToString()).ToList();
        Assert.Contains(md, d => d.StartsWith("POST /accounts/:param/folders/:param/files/local_upload", StringComparison.Ordinal));
        Assert.Contains(md, d => d.StartsWith("PATCH /accounts/:param/projects/:param/users/:param", StringComparison.Ordinal));
        Assert.Contains(md, d => d.StartsWith("DELETE /accounts/:param/projects/:param/users/:param", StringComparison.Ordinal));
        Assert.Contains(md, d => d.StartsWith("DELETE /accounts/:param/workspaces/:param/users/:param", StringComparison.Ordinal));
        Assert.Contains(md, d => d.StartsWith("GET /accounts/:param/users ", StringComparison.Ordinal));
        Assert.DoesNotContain(md, d => d.Contains("v2", StringComparison.Ordinal)); // the undocumented V2 call is not part of the list
        Assert.DoesNotContain(md, d => d.StartsWith("DELETE /accounts/:param/users/", StringComparison.Ordinal));
    }
}
