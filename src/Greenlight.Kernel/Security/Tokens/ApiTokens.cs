using System.Security.Cryptography;
using System.Text;
using Greenlight.Kernel.Grains.Snapshots;
using Greenlight.Kernel.Storage;

namespace Greenlight.Kernel.Security.Tokens;

/// <summary>A token as the API shows it: never the secret, only its last four characters.</summary>
public sealed record ApiTokenInfo(string Id, string UserId, string Name, string LastFour, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A new token: the only moment its secret exists outside the caller's hands.</summary>
public sealed record IssuedApiToken(string Id, string Name, string Token, string LastFour, DateTimeOffset CreatedAt);

/// <summary>
/// Bearer API tokens, stored as SHA-256 hashes. Tokens carry 256 random bits, so a fast hash is as
/// safe as a slow one and keeps each request's lookup cheap. A live token's owner is kept in the
/// silo's snapshots; a revocation drops it on every host before it is answered.
/// </summary>
public sealed class ApiTokens(IStore store, SiloSnapshots snapshots, SnapshotInvalidation invalidation, TimeProvider clock)
{
    public const int MinimumLength = 16;
    private const string Prefix = "glt_";

    // A token's snapshot versions: live, then revoked for good.
    private const long Live = 0, Revoked = 1;

    public async Task<IssuedApiToken> CreateAsync(IStoreTransaction tx, string userId, string name, string? presetToken = null)
    {
        var token = presetToken ?? Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var issued = new IssuedApiToken(Guid.NewGuid().ToString("N"), name, token, token[^4..], clock.GetUtcNow());
        await tx.ExecuteAsync("""
            INSERT INTO api_tokens (id, user_id, name, token_hash, last_four, created_at) VALUES (@id, @user, @name, @hash, @four, @at)
            """, ("id", issued.Id), ("user", userId), ("name", name), ("hash", Hash(token)), ("four", issued.LastFour),
            ("at", issued.CreatedAt.ToUnixTimeMilliseconds()));
        return issued;
    }

    /// <summary>The user a live token belongs to, or null.</summary>
    public ValueTask<string?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        return snapshots.FindAsync(SnapshotKey(hash), async () =>
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            var userId = await connection.ScalarAsync<string>(
                "SELECT user_id FROM api_tokens WHERE token_hash = @hash AND revoked_at IS NULL", ("hash", hash));
            return userId is null ? null : new Snapshot<string>(Live, userId);
        });
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT id, user_id, name, last_four, created_at, revoked_at FROM api_tokens WHERE user_id = @user ORDER BY created_at, id
            """, ("user", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<ApiTokenInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new ApiTokenInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }
        return tokens;
    }

    /// <summary>Revokes one of the user's live tokens; false when the user has no such live token.</summary>
    public async Task<bool> RevokeAsync(string userId, string tokenId, CancellationToken cancellationToken)
    {
        var hash = await store.InTransactionAsync(async tx =>
        {
            var found = await tx.ScalarAsync<string>(
                "SELECT token_hash FROM api_tokens WHERE id = @id AND user_id = @user AND revoked_at IS NULL", ("id", tokenId), ("user", userId));
            if (found is not null)
                await tx.ExecuteAsync("UPDATE api_tokens SET revoked_at = @at WHERE id = @id",
                    ("at", clock.GetUtcNow().ToUnixTimeMilliseconds()), ("id", tokenId));
            return found;
        }, cancellationToken);
        if (hash is null) return false;
        await invalidation.InvalidateEverywhereAsync(SnapshotKey(hash), Revoked);
        return true;
    }

    private static string SnapshotKey(string hash) => "greenlight.api-token/" + hash;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
