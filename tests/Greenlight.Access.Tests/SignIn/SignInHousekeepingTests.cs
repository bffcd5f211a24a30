using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.SignIn;
using Greenlight.Testing.Smtp;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Access.Tests.SignIn;

/// <summary>Sessions and password links that can no longer be used are deleted; password-reset requests are limited per address and per client.</summary>
public sealed class SignInHousekeepingTests : IAsyncLifetime
{
    private const string ResetSubject = "Reset your Greenlight password";
    private readonly ManualTimeProvider _clock = new();
    private readonly SmtpSink _smtp = SmtpSink.Start();
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Email:Host"] = _smtp.Host, ["Email:Port"] = _smtp.Port.ToString(), ["Email:From"] = "greenlight@example.test",
        ["Console:SignInCleanupInterval"] = "00:00:00.200",
        ["Console:PasswordResetsPerAddress"] = "2", ["Console:PasswordResetsPerClient"] = "4",
        // One delivery at a time, in the order queued: once a later e-mail arrives, every earlier one has been sent.
        ["Outbox:Concurrency"] = "1",
    }, services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Expired_ended_and_used_sessions_and_links_are_deleted_while_live_ones_stay()
    {
        var accounts = _host.Services.GetRequiredService<Accounts>();
        var (ada, bob, cy) = (await _host.Admin.CreateUserAsync(Unique("ada")), await _host.Admin.CreateUserAsync(Unique("bob")), await _host.Admin.CreateUserAsync(Unique("cy")));
        var expiring = await accounts.StartSessionAsync(ada, default);
        await accounts.IssueLinkAsync(ada, PasswordLinkPurpose.Reset, TimeSpan.FromHours(1), default);
        _clock.Advance(Accounts.SessionLifetime + TimeSpan.FromMinutes(1));

        var live = await accounts.StartSessionAsync(ada, default);
        var ended = await accounts.StartSessionAsync(ada, default);
        await accounts.EndAsync(ended.Secret, default);
        await accounts.IssueLinkAsync(bob, PasswordLinkPurpose.Reset, TimeSpan.FromHours(1), default);
        // Of a user of their own: setting a password ends that user's sessions.
        var used = await accounts.IssueLinkAsync(cy, PasswordLinkPurpose.Invitation, TimeSpan.FromDays(7), default);
        Assert.True(await accounts.SetPasswordFromLinkAsync(used, "a long enough passphrase", default));

        await Eventually.MatchesAsync(() => CountAsync("access_sessions", ada), count => count == 1, TimeSpan.FromSeconds(60), "only ada's live session left");
        await Eventually.MatchesAsync(() => CountAsync("access_password_links", ada), count => count == 0, TimeSpan.FromSeconds(60), "ada's expired link deleted");
        await Eventually.MatchesAsync(() => CountAsync("access_password_links", cy), count => count == 0, TimeSpan.FromSeconds(60), "cy's used link deleted");
        Assert.Equal(1, await CountAsync("access_password_links", bob));
        Assert.NotNull(await accounts.AuthenticateAsync(live.Secret, default));
        Assert.Null(await accounts.AuthenticateAsync(expiring.Secret, default));
    }

    [Fact]
    public async Task Password_resets_are_limited_per_address_and_per_client_and_a_limited_request_answers_the_same()
    {
        var ann = AccessUsers.EmailOf(await NamedUserAsync("ann"));
        var others = new List<string>();
        for (var i = 0; i < 5; i++) others.Add(AccessUsers.EmailOf(await NamedUserAsync("dan")));
        var zed = AccessUsers.EmailOf(await NamedUserAsync("zed"));

        // Three for one address from three clients: the third is over the address's limit, and answered all the same.
        foreach (var client in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" }) await RequestResetAsync(ann, client);
        // Five addresses from one client: the fifth is over the client's limit (an unknown address counts too).
        await RequestResetAsync("nobody@example.org", "198.51.100.7");
        foreach (var email in others.Take(4)) await RequestResetAsync(email, "198.51.100.7");

        await Eventually.MatchesAsync(() => Task.FromResult(ResetsTo(ann)), count => count == 2, TimeSpan.FromSeconds(60), "two resets to ann");
        foreach (var email in others.Take(3))
            await Eventually.MatchesAsync(() => Task.FromResult(ResetsTo(email)), count => count == 1, TimeSpan.FromSeconds(60), $"a reset to {email}");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await RequestResetAsync(zed, "192.0.2.9");
        await Eventually.MatchesAsync(() => Task.FromResult(ResetsTo(zed)), count => count == 1, TimeSpan.FromSeconds(60), "the reset to zed, queued last");

        Assert.Equal(2, ResetsTo(ann));
        Assert.Equal(0, ResetsTo(others[3]));
        Assert.Equal(0, ResetsTo(others[4]));
    }

    private async Task RequestResetAsync(string email, string client)
    {
        using var scope = _host.Services.CreateScope();
        Assert.Equal(Unit.Value, await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RequestPasswordReset(email, client)));
    }

    private int ResetsTo(string email) => _smtp.Messages.Count(m => m.Recipients.Contains(email) && m.Subject == ResetSubject);

    private async Task<string> NamedUserAsync(string name)
    {
        name = Unique(name);
        await _host.Admin.CreateUserAsync(name);
        return name;
    }

    private async Task<long> CountAsync(string table, string userId)
    {
        await using var connection = await _host.Services.GetRequiredService<IStore>().OpenConnectionAsync(default);
        return await connection.ScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE user_id = @user", ("user", userId));
    }

    private static string Unique(string name) => $"{name}{Guid.NewGuid():N}"[..(name.Length + 8)];
}
