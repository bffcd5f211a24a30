using System.Net;
using Greenlight.Modules.Review.ExperienceManager;
using Greenlight.Testing.ExperienceManager;

namespace Greenlight.Review.Tests.ExperienceManager;

public sealed class ExperienceManagerClientTests
{
    private static readonly AssetMetadata Approved = new("Spring hero", "Spring launch", "Approved", new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.FromHours(1)));

    [Fact]
    public async Task Creates_each_missing_level_of_a_nested_folder_and_a_second_call_only_looks()
    {
        await using var aem = await ExperienceManagerHarness.StartAsync();

        await aem.Client.EnsureFolderAsync(aem.Connection, "greenlight/acme/spring launch");
        var afterFirst = aem.Server.Requests.Count;
        await aem.Client.EnsureFolderAsync(aem.Connection, "/greenlight/acme/spring launch/");

        Assert.True(aem.Server.FolderExists("greenlight"));
        Assert.True(aem.Server.FolderExists("greenlight/acme"));
        Assert.True(aem.Server.FolderExists("greenlight/acme/spring launch"));
        var second = Assert.Single(aem.Server.Requests.Skip(afterFirst));
        Assert.Equal(("GET", 200), (second.Method, second.Status));
    }

    [Fact]
    public async Task Levels_that_exist_answer_409_and_are_kept()
    {
        await using var aem = await ExperienceManagerHarness.StartAsync();
        await aem.Client.EnsureFolderAsync(aem.Connection, "greenlight/acme");

        await aem.Client.EnsureFolderAsync(aem.Connection, "greenlight/acme/autumn");

        var creations = aem.Server.Requests.Where(r => r.Method == "POST").Select(r => (r.Path, r.Status)).ToList();
        Assert.Equal(
            [("/api/assets/greenlight", 201), ("/api/assets/greenlight/acme", 201),
             ("/api/assets/greenlight", 409), ("/api/assets/greenlight/acme", 409), ("/api/assets/greenlight/acme/autumn", 201)],
            creations);
    }

    [Fact]
    public async Task A_multi_part_upload_is_reassembled_exactly_and_the_token_never_goes_to_the_upload_uris()
    {
        await using var aem = await ExperienceManagerHarness.StartAsync(new FakeExperienceManagerOptions { MinPartSize = 1024, MaxPartSize = 4096, MaxUploadUris = 3 });
        var content = ExperienceManagerHarness.Binary(10_000);

        var path = await aem.UploadAsync("greenlight/acme", "hero.png", content);

        Assert.Equal("greenlight/acme/hero.png", path);
        var asset = aem.Server.Asset(path)!;
        Assert.Equal(content, asset.Content);
        Assert.Equal("image/png", asset.MimeType);
        var parts = aem.Server.Requests.Where(r => r.Path.StartsWith("/upload/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.False(p.HadAuthorization));
    }

    [Fact]
    public async Task Metadata_is_set_in_one_request_and_read_back_by_lookup()
    {
        await using var aem = await ExperienceManagerHarness.StartAsync();
        var path = await aem.UploadAsync("greenlight", "hero.png", ExperienceManagerHarness.Binary(300));

        await aem.Client.SetMetadataAsync(aem.Connection, path, Approved with { Extra = new Dictionary<string, string> { ["dc:description"] = "Key visual" } });
        var found = await aem.Client.FindAssetAsync(aem.Connection, path);

        Assert.Single(aem.Server.Requests, r => r.Method == "PUT" && r.Path == "/api/assets/greenlight/hero.png");
        Assert.Equal(path, found!.Path);
        Assert.Equal("Spring hero", found.Metadata[AssetMetadataProperties.Title]);
        Assert.Equal("Spring launch", found.Metadata[AssetMetadataProperties.Project]);
        Assert.Equal("Approved", found.Metadata[AssetMetadataProperties.ApprovalDecision]);
        Assert.Equal("2025-03-14T08:30:00.000Z", found.Metadata[AssetMetadataProperties.ApprovedAt]);
        Assert.Equal("Key visual", found.Metadata["dc:description"]);
        Assert.Equal("300", found.Metadata["dam:size"]);
    }

    [Fact]
    public async Task An_extra_property_may_not_overwrite_one_greenlight_sets()
    {
        await using var aem = await ExperienceManagerHarness.StartAsync();
        var clash = Approved with { Extra = new Dictionary<string, string> { [AssetMetadataProperties.Title] = "other" } };

        await Assert.ThrowsAsync<ArgumentException>(() => aem.Client.SetMetadataAsync(aem.Connection, "greenlight/hero.png", clash));
    }

    [Fact]
    public async Task A_failed_completion_leaves_no_asset_so_lookup_says_to_upload_again()
    {
        await using var aem = await ExperienceManagerHarness.StartAsync();
        aem.Server.InjectFault(HttpStatusCode.InternalServerError, pathContains: ".completeUpload.json");
        var content = ExperienceManagerHarness.Binary(2048);

        var failed = await Assert.ThrowsAsync<ExperienceManagerException>(() => aem.UploadAsync("greenlight", "hero.png", content));
        var beforeRetry = await aem.Client.FindAssetAsync(aem.Connection, "greenlight/hero.png");
        await aem.UploadAsync("greenlight", "hero.png", content);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("injected fault", failed.ResponseBody, StringComparison.Ordinal);
        Assert.Null(beforeRetry);
        Assert.Equal(content, aem.Server.Asset("greenlight/hero.png")!.Content);
    }

    [Fact]
    public async Task A_file_name_that_is_not_one_path_segment_is_refused_before_any_request()
    {
        await using var aem = await ExperienceManagerHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => aem.Client.UploadAsync(aem.Connection, "greenlight", new AssetFile("../hero.png", "image/png", 1, new MemoryStream([1]))));

        Assert.Empty(aem.Server.Requests);
    }

    [Fact]
    public async Task A_wrong_token_is_a_clear_401_error_that_does_not_repeat_the_token()
    {
        await using var aem = await ExperienceManagerHarness.StartAsync();
        var wrong = aem.Connection with { AccessToken = "wrong-token-0123" };

        var error = await Assert.ThrowsAsync<ExperienceManagerException>(() => aem.Client.EnsureFolderAsync(wrong, "greenlight"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("access token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token-0123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latency_beyond_the_callers_patience_cancels_the_call()
    {
        await using var aem = await ExperienceManagerHarness.StartAsync();
        aem.Server.Latency = TimeSpan.FromSeconds(5);
        using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => aem.Client.FindAssetAsync(aem.Connection, "greenlight/hero.png", patience.Token));
    }

    [Fact]
    public async Task Neither_the_token_nor_an_upload_signature_appears_in_any_log_line()
    {
        await using var aem = await ExperienceManagerHarness.StartAsync(new FakeExperienceManagerOptions { AccessToken = "secret-bearer-7f3a", MinPartSize = 512 });
        var path = await aem.UploadAsync("greenlight/acme", "hero.png", ExperienceManagerHarness.Binary(2000));
        await aem.Client.SetMetadataAsync(aem.Connection, path, Approved);
        await aem.Client.FindAssetAsync(aem.Connection, path);
        await Assert.ThrowsAsync<ExperienceManagerException>(() => aem.Client.EnsureFolderAsync(aem.Connection with { AccessToken = "secret-wrong-9c1d" }, "other"));

        Assert.Contains(aem.Logs.Lines, l => l.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal)); // the factory's own request logging ran
        Assert.DoesNotContain("secret-", aem.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-signature", aem.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-", aem.Connection.ToString(), StringComparison.Ordinal);
    }
}
