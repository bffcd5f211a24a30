using System.Net;
using Greenlight.Host.Tests.Support;
using Greenlight.Testing;

namespace Greenlight.Host.Tests.Tokens;

/// <summary>A user's own tokens through /api/v1/tokens: shown once, listed without secrets, revocable, private.</summary>
public sealed class ApiTokenTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_new_token_works_and_its_secret_is_shown_only_at_creation()
    {
        var issued = await _host.Admin.CreateTokenAsync("ci");

        using var client = _host.Client(issued.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tokens")).StatusCode);
        Assert.Equal(issued.Token[^4..], issued.LastFour);

        var listing = await (await _host.Admin.GetAsync("/api/v1/tokens")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(issued.Token, listing);
        Assert.DoesNotContain("hash", listing, StringComparison.OrdinalIgnoreCase);
        var listed = Assert.Single(await _host.Admin.ListTokensAsync(), t => t.Id == issued.Id);
        Assert.Equal(("ci", issued.LastFour, (DateTimeOffset?)null), (listed.Name, listed.LastFour, listed.RevokedAt));
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var issued = await _host.Admin.CreateTokenAsync("short-lived");
        using var client = _host.Client(issued.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tokens")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _host.Admin.DeleteAsync($"/api/v1/tokens/{issued.Id}")).StatusCode);

        await (await client.GetAsync("/api/v1/tokens")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.NotNull(Assert.Single(await _host.Admin.ListTokensAsync(), t => t.Id == issued.Id).RevokedAt);
    }

    [Fact]
    public async Task Another_users_token_is_not_found_and_stays_live()
    {
        var (otherUser, otherToken) = await _host.SignInAnotherUserAsync("another-user");
        using (otherUser)
        {
            await (await _host.Admin.DeleteAsync($"/api/v1/tokens/{otherToken.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);

            Assert.DoesNotContain(await _host.Admin.ListTokensAsync(), t => t.Id == otherToken.Id);
            Assert.Equal([otherToken.Id], (await otherUser.ListTokensAsync()).Select(t => t.Id));
        }
    }
}
