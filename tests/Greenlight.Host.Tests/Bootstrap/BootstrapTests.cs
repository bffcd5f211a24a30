using System.Net;
using System.Text.RegularExpressions;
using Greenlight.Host.Tests.Support;
using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Storage;
using Greenlight.Testing;

namespace Greenlight.Host.Tests.Bootstrap;

/// <summary>The first start on an empty store, as an operator runs it: the host process and its console.</summary>
public sealed partial class BootstrapTests
{
    private readonly string _sqlitePath = Path.Combine(TestPaths.NewTemporaryDirectory(), "greenlight.db");

    [Fact]
    public async Task First_start_prints_one_working_token_and_a_restart_prints_none()
    {
        string token;
        await using (var first = await StartAsync(presetToken: null))
        {
            // The console is read as the host writes it, so the line may arrive just after readiness.
            var printed = await Eventually.MatchesAsync(() => Task.FromResult(TokenLines(first)), lines => lines.Count > 0,
                TimeSpan.FromSeconds(5), "printed a token");
            token = await AssertTokenWorksAsync(first, printed[0], "the printed token");
            await first.KillAsync();
            Assert.Single(TokenLines(first));
        }

        await using (var restarted = await StartAsync(presetToken: null))
        {
            await AssertTokenWorksAsync(restarted, token, "the first start's token after a restart");
            await restarted.KillAsync();
            Assert.Empty(TokenLines(restarted));
        }
        Assert.Equal(1, await CountOrganizationsAsync());
    }

    [Fact]
    public async Task A_preset_bootstrap_token_works_and_is_not_printed()
    {
        var preset = "preset-" + Guid.NewGuid().ToString("N");

        await using var host = await StartAsync(preset);

        await AssertTokenWorksAsync(host, preset, "the preset token");
        await host.KillAsync();
        Assert.Empty(TokenLines(host));
        Assert.DoesNotContain(preset, host.StandardOutput);
    }

    /// <param name="presetToken">Set as the environment variable operators use; null makes sure it is unset.</param>
    private Task<HostProcess> StartAsync(string? presetToken) => HostProcess.StartAsync(
        new Dictionary<string, string?> { ["Storage:SqlitePath"] = _sqlitePath },
        environment: new Dictionary<string, string?> { [OrganizationBootstrapper.TokenVariable] = presetToken });

    private static IReadOnlyList<string> TokenLines(HostProcess host) =>
        PrintedToken().Matches(host.StandardOutput).Select(m => m.Groups["token"].Value).ToList();

    private static async Task<string> AssertTokenWorksAsync(HostProcess host, string token, string what)
    {
        using var client = host.Client(token);
        Assert.True((await client.GetAsync("/api/v1/tokens")).StatusCode == HttpStatusCode.OK, $"{what} was refused");
        return token;
    }

    private async Task<long> CountOrganizationsAsync()
    {
        using var store = new SqliteStore(_sqlitePath);
        await using var connection = await store.OpenConnectionAsync();
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM organization");
    }

    [GeneratedRegex(@"API token \(shown once, keep it\): (?<token>\S+)")]
    private static partial Regex PrintedToken();
}
