using Greenlight.Kernel.Security.Sessions;
using Greenlight.Kernel.Storage;
using Microsoft.AspNetCore.Identity;

namespace Greenlight.Modules.Access.SignIn;

public enum PasswordLinkPurpose { Invitation, Reset }

/// <summary>A session just started: the cookie's secret, which exists nowhere else.</summary>
public sealed record SessionTicket(string Secret, DateTimeOffset ExpiresAt);

/// <summary>The outcome of a password check; a locked account is not checked at all.</summary>
public sealed record PasswordCheck(string? UserId, DateTimeOffset? LockedUntil);

/// <summary>
/// Passwords (hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>), lockout, password links and sessions,
/// on the module's tables. Every check of a session joins the user, so a deactivated user's sessions stop at once.
/// </summary>
public sealed class Accounts(IStore store, TimeProvider clock) : IConsoleSessions
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private sealed class Account;

    private static readonly PasswordHasher<Account> Hasher = new();
    private static readonly Account Anyone = new();
    // Checked against when the e-mail has no account, so an unknown address costs as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(Anyone, Secrets.New());

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The active user with this e-mail (letter case aside), when exactly one has it.</summary>
    public async Task<string?> ActiveUserByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT id FROM access_users WHERE LOWER(email) = LOWER(@email) AND active = 1 ORDER BY id LIMIT 2", ("email", email.Trim()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids.Count == 1 ? ids[0] : null;
    }

    public async Task<bool> HasPasswordAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM access_credentials WHERE user_id = @user", ("user", userId)) > 0;
    }

    /// <summary>Checks the password; each failure counts, and the <see cref="MaxFailedAttempts"/>th locks the account for <see cref="Lockout"/>.</summary>
    public async Task<PasswordCheck> CheckPasswordAsync(string? userId, string password, CancellationToken cancellationToken)
    {
        string? hash = null;
        long lockedUntil = 0;
        if (userId is not null)
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            await using var command = connection.Command("SELECT password_hash, locked_until FROM access_credentials WHERE user_id = @user", ("user", userId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken)) (hash, lockedUntil) = (reader.GetString(0), reader.GetInt64(1));
        }
        if (lockedUntil > Now) return new PasswordCheck(null, DateTimeOffset.FromUnixTimeMilliseconds(lockedUntil));
        // The deliberately slow hash runs outside any transaction, so it holds no lock.
        var result = Hasher.VerifyHashedPassword(Anyone, hash ?? DecoyHash, password);
        if (hash is null) return new PasswordCheck(null, null);
        if (result == PasswordVerificationResult.Failed) return new PasswordCheck(null, await CountFailureAsync(userId!, cancellationToken));
        var rehashed = result == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(Anyone, password) : hash;
        await store.InTransactionAsync(tx => tx.ExecuteAsync(
            "UPDATE access_credentials SET failed_attempts = 0, locked_until = 0, password_hash = @hash WHERE user_id = @user",
            ("hash", rehashed), ("user", userId)), cancellationToken);
        return new PasswordCheck(userId, null);
    }

    /// <summary>Counts a failure (atomically: failures at once all count); the one that reaches the limit locks the account.</summary>
    private Task<DateTimeOffset?> CountFailureAsync(string userId, CancellationToken cancellationToken) =>
        store.InTransactionAsync(async tx =>
        {
            await tx.ExecuteAsync("UPDATE access_credentials SET failed_attempts = failed_attempts + 1 WHERE user_id = @user", ("user", userId));
            if (await tx.ScalarAsync<long>("SELECT failed_attempts FROM access_credentials WHERE user_id = @user", ("user", userId)) < MaxFailedAttempts)
                return (DateTimeOffset?)null;
            var until = Now + (long)Lockout.TotalMilliseconds;
            await tx.ExecuteAsync("UPDATE access_credentials SET failed_attempts = 0, locked_until = @until WHERE user_id = @user", ("until", until), ("user", userId));
            return DateTimeOffset.FromUnixTimeMilliseconds(until);
        }, cancellationToken);

    /// <summary>Sets the user's password, lifts a lockout and ends their sessions (a new password signs out everywhere).</summary>
    public Task SetPasswordAsync(IStoreTransaction tx, string userId, string password) => SetPasswordHashAsync(tx, userId, Hasher.HashPassword(Anyone, password));

    private async Task SetPasswordHashAsync(IStoreTransaction tx, string userId, string passwordHash)
    {
        await tx.ExecuteAsync("""
            INSERT INTO access_credentials (user_id, password_hash, failed_attempts, locked_until) VALUES (@user, @hash, 0, 0)
            ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, failed_attempts = 0, locked_until = 0
            """, ("user", userId), ("hash", passwordHash));
        await EndSessionsAsync(tx, userId);
    }

    /// <summary>A new link for the user; their earlier unused links stop working.</summary>
    public Task<string> IssueLinkAsync(string userId, PasswordLinkPurpose purpose, TimeSpan lifetime, CancellationToken cancellationToken) =>
        store.InTransactionAsync(async tx =>
        {
            var secret = Secrets.New();
            await tx.ExecuteAsync("DELETE FROM access_password_links WHERE user_id = @user AND used_at IS NULL", ("user", userId));
            await tx.ExecuteAsync("""
                INSERT INTO access_password_links (secret_hash, user_id, purpose, expires_at) VALUES (@hash, @user, @purpose, @expires)
                """, ("hash", Secrets.Hash(secret)), ("user", userId), ("purpose", purpose.ToString()), ("expires", Now + (long)lifetime.TotalMilliseconds));
            return secret;
        }, cancellationToken);

    /// <summary>Uses the link once to set the password of its (active) user; false when it is unknown, used or expired.</summary>
    public Task<bool> SetPasswordFromLinkAsync(string linkSecret, string password, CancellationToken cancellationToken)
    {
        // Hashed before the transaction: the hash is deliberately slow.
        var passwordHash = Hasher.HashPassword(Anyone, password);
        return store.InTransactionAsync(async tx =>
        {
            var hash = Secrets.Hash(linkSecret);
            var userId = await tx.ScalarAsync<string>("""
                SELECT l.user_id FROM access_password_links l JOIN access_users u ON u.id = l.user_id
                WHERE l.secret_hash = @hash AND l.used_at IS NULL AND l.expires_at > @now AND u.active = 1
                """, ("hash", hash), ("now", Now));
            if (userId is null) return false;
            // The condition again: of two uses at once, only one changes the row.
            if (await tx.ExecuteAsync("UPDATE access_password_links SET used_at = @now WHERE secret_hash = @hash AND used_at IS NULL",
                    ("now", Now), ("hash", hash)) == 0) return false;
            await SetPasswordHashAsync(tx, userId, passwordHash);
            return true;
        }, cancellationToken);
    }

    public Task<SessionTicket> StartSessionAsync(string userId, CancellationToken cancellationToken) =>
        store.InTransactionAsync(async tx =>
        {
            var secret = Secrets.New();
            var expires = Now + (long)SessionLifetime.TotalMilliseconds;
            await tx.ExecuteAsync("INSERT INTO access_sessions (secret_hash, user_id, created_at, expires_at) VALUES (@hash, @user, @now, @expires)",
                ("hash", Secrets.Hash(secret)), ("user", userId), ("now", Now), ("expires", expires));
            return new SessionTicket(secret, DateTimeOffset.FromUnixTimeMilliseconds(expires));
        }, cancellationToken);

    public async ValueTask<SessionUser?> AuthenticateAsync(string sessionSecret, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT u.id, u.name FROM access_sessions s JOIN access_users u ON u.id = s.user_id
            WHERE s.secret_hash = @hash AND s.ended_at IS NULL AND s.expires_at > @now AND u.active = 1
            """, ("hash", Secrets.Hash(sessionSecret)), ("now", Now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SessionUser(reader.GetString(0), reader.GetString(1)) : null;
    }

    public Task EndAsync(string sessionSecret, CancellationToken cancellationToken) =>
        store.InTransactionAsync(tx => tx.ExecuteAsync("UPDATE access_sessions SET ended_at = @now WHERE secret_hash = @hash AND ended_at IS NULL",
            ("now", Now), ("hash", Secrets.Hash(sessionSecret))), cancellationToken);

    /// <summary>Deletes the sessions and links no check would accept any more: expired, ended or used.</summary>
    public Task DeleteUnusableAsync(CancellationToken cancellationToken) =>
        store.InTransactionAsync(async tx =>
        {
            await tx.ExecuteAsync("DELETE FROM access_sessions WHERE expires_at <= @now OR ended_at IS NOT NULL", ("now", Now));
            await tx.ExecuteAsync("DELETE FROM access_password_links WHERE expires_at <= @now OR used_at IS NOT NULL", ("now", Now));
        }, cancellationToken);

    public Task EndSessionsAsync(string userId, CancellationToken cancellationToken) =>
        store.InTransactionAsync(tx => EndSessionsAsync(tx, userId), cancellationToken);

    private Task<int> EndSessionsAsync(IStoreTransaction tx, string userId) =>
        tx.ExecuteAsync("UPDATE access_sessions SET ended_at = @now WHERE user_id = @user AND ended_at IS NULL", ("now", Now), ("user", userId));
}
