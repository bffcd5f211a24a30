using System.Net;
using Greenlight.Kernel.Security.Secrets;
using Greenlight.Modules.FrameConnector.Webhooks;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Greenlight.Modules.FrameConnector.Connections;

public enum ConnectionStatus { AwaitingAccountChoice, Connected }

/// <summary>What the API shows of a connection: never the token or the webhook secret, only the token's last four characters.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.connection-view")]
public sealed record ConnectionView(
    [property: Id(0)] string Key, [property: Id(1)] ConnectionStatus Status, [property: Id(2)] string TokenLastFour, [property: Id(3)] bool LegacyToken, [property: Id(4)] string? FrameioUserEmail,
    [property: Id(5)] string? AccountId, [property: Id(6)] string? AccountName, [property: Id(7)] string? WorkspaceId, [property: Id(8)] bool WebhookRegistered, [property: Id(9)] DateTimeOffset ConnectedAt);

/// <param name="Token">Sealed by the host that took the administrator's request, before it went to the grain.</param>
/// <param name="WebhookBase">Where Frame.io reaches this host; the webhook goes to {base}/api/v1/frameio/webhooks/{key}.</param>
[GenerateSerializer, Immutable, Alias("frameconnector.connect-input")]
public sealed record ConnectInput([property: Id(0)] SealedToken Token, [property: Id(1)] Uri WebhookBase);

/// <summary>
/// What a sync job needs to call Frame.io for this connection: data only, so it crosses silos; the caller builds its
/// clients on its own host with <see cref="FrameioClients.For(ConnectionTarget)"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("frameconnector.connection-target")]
public sealed record ConnectionTarget([property: Id(0)] string Key, [property: Id(1)] string AccountId, [property: Id(2)] string WorkspaceId, [property: Id(3)] SealedToken Token);

/// <summary>
/// The connection's token as it is stored: encrypted with the key ring every host shares, so the plain token never
/// travels between silos; only <see cref="FrameioClients"/> opens it, on the host about to call Frame.io. Never printed.
/// </summary>
[GenerateSerializer, Immutable, Alias("frameconnector.sealed-token")]
public sealed record SealedToken([property: Id(0)] string Protected, [property: Id(1)] bool Legacy)
{
    public override string ToString() => "Frame.io token (sealed)";
}

[GenerateSerializer, Immutable, Alias("frameconnector.connection-test-result")]
public sealed record ConnectionTestResult([property: Id(0)] bool Ok, [property: Id(1)] string? FrameioUserEmail, [property: Id(2)] string? Error);

/// <summary>
/// One Frame.io account connection: the organization default ("default") or a group's ("group-{id}"). It keeps the token
/// and the webhook secret; the secret never leaves it (deliveries are verified here), the token only sealed.
/// </summary>
/// <remarks>
/// The methods that call Frame.io wait up to <see cref="FrameioCallTimeout"/> for an answer rather than Orleans's 30 s:
/// Frame.io's retries and back-off may take longer, and the administrator should get Frame.io's verdict, not a timeout.
/// </remarks>
[Alias("frameconnector.connection")]
public interface IConnectionGrain : IGrainWithStringKey
{
    const string FrameioCallTimeout = "00:05:00";

    /// <summary>Connects, or replaces the connection: calls /me and /accounts; with several accounts it waits for <see cref="SelectAccountAsync"/>.</summary>
    [Alias("connect"), ResponseTimeout(FrameioCallTimeout)]
    Task<ConnectionView> ConnectAsync(ConnectInput input);

    [Alias("select-account"), ResponseTimeout(FrameioCallTimeout)]
    Task<ConnectionView> SelectAccountAsync(string accountId, string? workspaceId);

    [Alias("find"), ReadOnly]
    Task<ConnectionView?> FindAsync();

    [Alias("list-accounts"), ReadOnly]
    Task<IReadOnlyList<FrameioAccount>> ListAccountsAsync();

    [Alias("test"), ReadOnly, ResponseTimeout(FrameioCallTimeout)]
    Task<ConnectionTestResult> TestAsync();

    [Alias("disconnect"), ResponseTimeout(FrameioCallTimeout)]
    Task DisconnectAsync();

    /// <summary>Null unless connected to an account.</summary>
    [Alias("target"), ReadOnly]
    Task<ConnectionTarget?> TargetAsync();

    /// <summary>Checks a webhook delivery's signature and timestamp against this connection's secret.</summary>
    [Alias("verify-webhook"), ReadOnly]
    Task<WebhookVerification> VerifyWebhookAsync(string? timestamp, string? signature, byte[] body);
}

[GenerateSerializer, Alias("frameconnector.connection-state")]
public sealed class ConnectionState : DurableState
{
    [Id(0)]
    public bool Exists { get; set; }
    [Id(1)]
    public ConnectionStatus Status { get; set; }
    [Id(2)]
    public string ProtectedToken { get; set; } = "";
    [Id(3)]
    public string TokenLastFour { get; set; } = "";
    [Id(4)]
    public bool LegacyToken { get; set; }
    [Id(5)]
    public string? FrameioUserEmail { get; set; }
    [Id(6)]
    public List<FrameioAccount> Accounts { get; set; } = [];
    [Id(7)]
    public string? AccountId { get; set; }
    [Id(8)]
    public string? WorkspaceId { get; set; }
    [Id(9)]
    public string WebhookBase { get; set; } = "";
    [Id(10)]
    public string? WebhookId { get; set; }
    [Id(11)]
    public string? ProtectedWebhookSecret { get; set; }
    [Id(12)]
    public DateTimeOffset ConnectedAt { get; set; }
}

[GrainType("frameconnector.connection")]
public sealed class ConnectionGrain(
    FrameioClients clients, ISecretProtector secrets, FrameioWebhookVerifier verifier, TimeProvider clock, ILogger<ConnectionGrain> logger)
    : DurableGrain<ConnectionState>, IConnectionGrain
{
    /// <summary>The events the connector acts on: task folder actions, assets sent back, comments.</summary>
    private static readonly string[] WebhookEvents = ["action.executed", "comment.created"];

    private string Key => this.GetPrimaryKeyString();

    public async Task<ConnectionView> ConnectAsync(ConnectInput input)
    {
        var token = secrets.Unprotect(input.Token.Protected);
        var client = clients.For(token, input.Token.Legacy).Client;
        var (me, accounts) = await AskFrameioAsync("token", async () => (await client.GetMeAsync(), await client.ListAccountsAsync().ToListAsync()));
        if (accounts.Count == 0) throw Invalid("token", "The token's Frame.io user belongs to no account.");
        await RemoveWebhookAsync();
        State = new ConnectionState
        {
            Exists = true, Status = ConnectionStatus.AwaitingAccountChoice, ProtectedToken = input.Token.Protected,
            TokenLastFour = ISecretProtector.LastFour(token), LegacyToken = input.Token.Legacy, FrameioUserEmail = me.Email,
            Accounts = accounts, WebhookBase = input.WebhookBase.ToString(), ConnectedAt = clock.GetUtcNow(),
        };
        // Stored before the account is chosen, so that a failure choosing it leaves the connection waiting for the choice.
        await WriteStateAsync();
        return accounts.Count == 1 ? await SelectAccountAsync(accounts[0].Id, null) : View();
    }

    public async Task<ConnectionView> SelectAccountAsync(string accountId, string? workspaceId)
    {
        EnsureExists();
        if (State.Accounts.All(a => a.Id != accountId)) throw Invalid("accountId", $"Account '{accountId}' is not one of the token's accounts.");
        var client = Client();
        var workspaces = await AskFrameioAsync("accountId", () => client.ListWorkspacesAsync(accountId).ToListAsync().AsTask());
        var workspace = workspaceId is null ? workspaces.FirstOrDefault() : workspaces.FirstOrDefault(w => w.Id == workspaceId);
        if (workspace is null)
            throw Invalid("workspaceId", workspaceId is null ? "The account has no workspace." : $"Workspace '{workspaceId}' is not in the account.");
        await RemoveWebhookAsync();
        var url = new Uri(new Uri(State.WebhookBase), $"api/v1/frameio/webhooks/{Key}");
        var webhook = await AskFrameioAsync("accountId", () => RegisterWebhookAsync(client, accountId, workspace.Id, url));
        (State.Status, State.AccountId, State.WorkspaceId) = (ConnectionStatus.Connected, accountId, workspace.Id);
        (State.WebhookId, State.ProtectedWebhookSecret) = (webhook.Webhook.Id, secrets.Protect(webhook.Secret));
        await WriteStateAsync();
        return View();
    }

    public Task<ConnectionView?> FindAsync() => Task.FromResult(State.Exists ? View() : null);

    public Task<IReadOnlyList<FrameioAccount>> ListAccountsAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<FrameioAccount>>(State.Accounts);
    }

    public async Task<ConnectionTestResult> TestAsync()
    {
        EnsureExists();
        try
        {
            var me = await Client().GetMeAsync();
            return new ConnectionTestResult(true, me.Email, null);
        }
        catch (FrameioException failed)
        {
            return new ConnectionTestResult(false, null, failed.Message);
        }
    }

    public async Task DisconnectAsync()
    {
        EnsureExists();
        await RemoveWebhookAsync();
        await ClearStateAsync();
    }

    public Task<ConnectionTarget?> TargetAsync() => Task.FromResult(
        State is { Exists: true, Status: ConnectionStatus.Connected, AccountId: { } account, WorkspaceId: { } workspace }
            ? new ConnectionTarget(Key, account, workspace, new SealedToken(State.ProtectedToken, State.LegacyToken))
            : null);

    public Task<WebhookVerification> VerifyWebhookAsync(string? timestamp, string? signature, byte[] body) => Task.FromResult(
        State.ProtectedWebhookSecret is { } secret
            ? verifier.Verify(secrets.Unprotect(secret), timestamp, signature, body)
            : new WebhookVerification(WebhookRejection.SignatureMismatch, "no webhook is registered"));

    /// <summary>
    /// Registers the connection's webhook, once: webhooks already there for its address (left by a connection whose
    /// removal failed, or made by a try whose answer was lost) are deleted first, as their secret is known only to
    /// whoever created them. A create whose answer is lost is cleared up the same way and made once more.
    /// </summary>
    private async Task<FrameioCreatedWebhook> RegisterWebhookAsync(IFrameioClient client, string accountId, string workspaceId, Uri url)
    {
        for (var attempt = 1; ; attempt++)
        {
            await foreach (var stale in client.ListWebhooksAsync(accountId, workspaceId).Where(w => w.Url == url))
                await client.DeleteWebhookAsync(accountId, workspaceId, stale.Id);
            try
            {
                return await client.CreateWebhookAsync(accountId, workspaceId, $"Greenlight {Key}", url, WebhookEvents);
            }
            catch (FrameioOutcomeUnknownException) when (attempt == 1)
            {
                logger.LogWarning("Creating the Frame.io webhook of connection {Connection} got no answer; removing what it may have made, then trying once more", Key);
            }
        }
    }

    private IFrameioClient Client() => clients.For(secrets.Unprotect(State.ProtectedToken), State.LegacyToken).Client;

    /// <summary>Best effort: a webhook Frame.io no longer knows, or a token it no longer takes, must not block replacing the connection.</summary>
    private async Task RemoveWebhookAsync()
    {
        if (State is not { WebhookId: { } webhookId, AccountId: { } account, WorkspaceId: { } workspace }) return;
        try
        {
            await Client().DeleteWebhookAsync(account, workspace, webhookId);
        }
        catch (FrameioException failed)
        {
            logger.LogWarning("Could not delete the Frame.io webhook {WebhookId} of connection {Connection}: {Error}", webhookId, Key, LogValue.Of(failed.Message));
        }
        (State.WebhookId, State.ProtectedWebhookSecret) = (null, null);
    }

    private ConnectionView View() => new(Key, State.Status, State.TokenLastFour, State.LegacyToken, State.FrameioUserEmail, State.AccountId,
        State.Accounts.FirstOrDefault(a => a.Id == State.AccountId)?.DisplayName, State.WorkspaceId, State.WebhookId is not null, State.ConnectedAt);

    private void EnsureExists()
    {
        if (!State.Exists) throw new NotFoundException($"Frame.io connection '{Key}'");
    }

    /// <summary>
    /// A Frame.io call made for an administrator's request. Frame.io refusing the token (401, or 403 for the account the
    /// token was given for) is the administrator's to correct: a 400 naming <paramref name="field"/>. Frame.io refusing
    /// anything else, or down, slow or busy, is a 502 saying what Frame.io answered (its status and its error's title).
    /// </summary>
    private static async Task<T> AskFrameioAsync<T>(string field, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (FrameioApiException refused) when (refused.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw Invalid(refused.Status == HttpStatusCode.Unauthorized ? "token" : field,
                $"Frame.io refused the token ({(int)refused.Status} {refused.Status}{Title(refused)}).");
        }
        catch (FrameioException failed)
        {
            throw new UpstreamFailureException($"{failed.Message} Nothing was changed; try again.");
        }
    }

    private static string Title(FrameioApiException refused) =>
        refused.Errors.FirstOrDefault(e => !string.IsNullOrEmpty(e.Title ?? e.Detail)) is { } error ? $": {error.Title ?? error.Detail}" : "";

    private static RequestValidationException Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
