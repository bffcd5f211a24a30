using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Greenlight.Testing.Frameio;

/// <summary>
/// A stand-in for Frame.io's V4 API on real loopback HTTP (Kestrel, 127.0.0.1, a free port): state in
/// memory, <c>data</c> envelopes, cursor pagination, Frame.io's error bodies, per-endpoint rate limits
/// with their headers, faults on demand, signed webhook deliveries, and a log of every request.
/// Independent of the client on purpose: it is written from the spec, so it can catch the client's mistakes.
/// </summary>
public sealed class FakeFrameioServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly HttpClient _webhookSender = new();
    private int _rateLimited;
    private int _answersHeld;
    private int _answersLost;

    internal FakeFrameioState State { get; } = new();

    public FakeFrameioFaults Faults { get; } = new();

    public FakeFrameioRateLimits RateLimits { get; }

    /// <summary>How a local upload is split: each part but the last has this many bytes.</summary>
    public long UploadPartSize { get; set; } = 5 * 1024 * 1024;

    /// <summary>Where the API lives, e.g. http://127.0.0.1:41234/v4/ — give it to the client as its base URL.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The fake's own root, for the upload addresses it hands out.</summary>
    internal Uri Origin { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Requests the rate limits refused with 429 so far (injected 429s not counted).</summary>
    public int RateLimitedCount => Volatile.Read(ref _rateLimited);

    /// <summary>Requests handled under <see cref="FakeFault.HoldAnswer"/> so far: their effect is made, their answer is held back.</summary>
    public int AnswersHeld => Volatile.Read(ref _answersHeld);

    /// <summary>Requests handled under <see cref="FakeFault.LoseAnswer"/> so far: their effect is made, their answer dropped.</summary>
    public int AnswersLost => Volatile.Read(ref _answersLost);

    /// <summary>
    /// Also answer the calls the connector assumes and Frame.io does not document (<see cref="FakeFrameioRoutes.Assumed"/>).
    /// Off by default: like Frame.io, the fake then answers them 404, as unknown routes.
    /// </summary>
    public bool AssumedCalls { get; set; }

    private FakeFrameioServer(TimeProvider time)
    {
        RateLimits = new FakeFrameioRateLimits(time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.UseRouting();
        _app.Use(HandleCommonConcernsAsync);
        FakeFrameioApi.Map(_app, this);
    }

    public static async Task<FakeFrameioServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeFrameioServer(time ?? TimeProvider.System);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Origin = new Uri(address + "/");
        server.BaseUrl = new Uri(server.Origin, "v4/");
        return server;
    }

    /// <summary>
    /// A user who signs in with <paramref name="token"/> and belongs to two accounts, each with one workspace: as their
    /// administrator (<paramref name="accountRole"/> <c>admin</c>, who sees and manages every project), or as a
    /// <c>member</c>, who may act only in the projects they are given a role in.
    /// </summary>
    public FakeFrameioSeed AddTokenUser(string token, string email = "creative@example.com", bool legacyToken = false, string accountRole = "admin")
    {
        lock (State.Lock)
        {
            var user = new FakeUser(State.NewId("user"), email, token, legacyToken);
            State.Users[user.Id] = user;
            var accounts = new List<FakeFrameioAccountSeed>();
            foreach (var name in new[] { "Studio North", "Studio South" })
            {
                var account = new FakeAccount(State.NewId("account"), name);
                account.Roles[user.Id] = accountRole;
                State.Accounts[account.Id] = account;
                var workspace = new FakeWorkspace(State.NewId("workspace"), account.Id, $"{name} workspace");
                State.Workspaces[workspace.Id] = workspace;
                accounts.Add(new FakeFrameioAccountSeed(account.Id, workspace.Id));
            }
            return new FakeFrameioSeed(user.Id, token, accounts);
        }
    }

    /// <summary>A person without a token who belongs to the account as a member, as a collaborator would.</summary>
    public string AddAccountMember(string accountId, string email)
    {
        lock (State.Lock)
        {
            var user = State.UserByEmail(email);
            State.Accounts[accountId].Roles.TryAdd(user.Id, "member");
            return user.Id;
        }
    }

    /// <summary>Makes the user an <c>admin</c> or a <c>member</c> of the account, as its owner would in Frame.io's web app.</summary>
    public void SetAccountRole(string accountId, string userId, string role)
    {
        lock (State.Lock) State.Accounts[accountId].Roles[userId] = role;
    }

    /// <summary>The user signs in to the API with <paramref name="token"/> (a creative using their own integration, say).</summary>
    public void GiveToken(string userId, string token)
    {
        lock (State.Lock) State.Users[userId].Token = token;
    }

    /// <summary>An administrator removes the user from the account in Frame.io's web app (the public API documents no such call).</summary>
    public void RemoveFromAccount(string accountId, string userId)
    {
        lock (State.Lock)
        {
            State.Accounts[accountId].Roles.Remove(userId);
            foreach (var project in State.Projects.Values.Where(p => p.AccountId == accountId)) project.UserRoles.Remove(userId);
        }
    }

    /// <summary>Whether someone invited to the account by e-mail (an assumed call) has yet to accept.</summary>
    public bool IsInvited(string accountId, string email)
    {
        lock (State.Lock) return State.Accounts[accountId].Invites.ContainsKey(email);
    }

    /// <summary>The invited person accepts: they sign up, join the account and the projects they were invited to; returns their user id.</summary>
    public string AcceptInvite(string accountId, string email)
    {
        lock (State.Lock)
        {
            var account = State.Accounts[accountId];
            var invite = account.Invites[email];
            account.Invites.Remove(email);
            var user = State.UserByEmail(email);
            account.Roles.TryAdd(user.Id, "member");
            foreach (var (projectId, role) in invite.ProjectRoles) State.Projects[projectId].UserRoles[user.Id] = role;
            return user.Id;
        }
    }

    /// <summary>Fills a folder with <paramref name="count"/> subfolders at once, for paging tests.</summary>
    public void AddSubfolders(string folderId, int count)
    {
        lock (State.Lock)
        {
            var parent = State.Assets[folderId];
            for (var i = 0; i < count; i++) State.AddAsset("folder", parent, $"Folder {i:000}");
        }
    }

    /// <summary>The bytes of a local upload as the fake reassembled them, or null while a part is missing or once the file is deleted.</summary>
    public byte[]? UploadedBytes(string fileId)
    {
        lock (State.Lock)
        {
            return State.Assets.GetValueOrDefault(fileId) is not { } file || file.Parts.Any(p => p is null) ? null : [.. file.Parts.SelectMany(p => p!)];
        }
    }

    public string? ProjectUserRole(string projectId, string userId)
    {
        lock (State.Lock) return State.Projects[projectId].UserRoles.GetValueOrDefault(userId);
    }

    public bool IsAccountMember(string accountId, string userId)
    {
        lock (State.Lock) return State.Accounts[accountId].Roles.ContainsKey(userId);
    }

    /// <summary>Everything the fake holds of projects and webhooks, for assertions on what a client made.</summary>
    public FakeFrameioSnapshot Snapshot()
    {
        lock (State.Lock)
        {
            return new FakeFrameioSnapshot(
                [.. State.Projects.Values.Select(p => new FakeProjectSnapshot(p.Id, p.AccountId, p.WorkspaceId, p.Name, p.RootFolderId,
                    new Dictionary<string, string>(p.UserRoles),
                    [.. State.Assets.Values.Where(a => a.ProjectId == p.Id && a.Id != p.RootFolderId).Select(a => new FakeAssetSnapshot(a.Id, a.Type, a.Name, a.ParentId))]))],
                [.. State.Webhooks.Values.Select(w => new FakeWebhookSnapshot(w.Id, w.AccountId, w.WorkspaceId, w.Url, w.Secret))]);
        }
    }

    public int CountRequests(string method, string template) => _requests.Count(r => r.Method == method && r.Template == template);

    public void ClearRequests() => _requests.Clear();

    /// <summary>
    /// Delivers an event to a registered webhook as Frame.io does: the ids-only payload, signed with the
    /// webhook's secret at <paramref name="signedAt"/> (now by default; pass an old time to test replay checks).
    /// </summary>
    public Task<HttpStatusCode> SendWebhookAsync(string webhookId, string eventType, string resourceType, string resourceId,
        string? projectId = null, string? userId = null, DateTimeOffset? signedAt = null, CancellationToken cancellationToken = default)
    {
        var webhook = Webhook(webhookId);
        return DeliverAsync(webhook, new
        {
            type = eventType,
            account = new { id = webhook.AccountId },
            workspace = new { id = webhook.WorkspaceId },
            project = new { id = projectId },
            resource = new { type = resourceType, id = resourceId },
            user = new { id = userId },
        }, signedAt, cancellationToken);
    }

    /// <summary>
    /// A custom action (<c>action.executed</c>) run on several selected <paramref name="resourceIds"/> of one type, with
    /// the answers of its form: the selection in <c>resources</c> (the first also as <c>resource</c>), the answers in <c>data</c>.
    /// </summary>
    public Task<HttpStatusCode> SendActionAsync(string webhookId, string resourceType, IReadOnlyList<string> resourceIds,
        string projectId, string userId, IReadOnlyDictionary<string, string>? form = null, CancellationToken cancellationToken = default)
    {
        var webhook = Webhook(webhookId);
        return DeliverAsync(webhook, new
        {
            type = "action.executed",
            account = new { id = webhook.AccountId },
            workspace = new { id = webhook.WorkspaceId },
            project = new { id = projectId },
            resource = new { type = resourceType, id = resourceIds[0] },
            resources = resourceIds.Select(id => new { type = resourceType, id }),
            user = new { id = userId },
            interaction_id = Guid.NewGuid().ToString(),
            data = form ?? new Dictionary<string, string>(),
        }, null, cancellationToken);
    }

    private FakeWebhook Webhook(string webhookId)
    {
        lock (State.Lock) return State.Webhooks[webhookId];
    }

    private async Task<HttpStatusCode> DeliverAsync(FakeWebhook webhook, object payload, DateTimeOffset? signedAt, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(payload);
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhook.Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Frameio-Request-Timestamp", timestamp);
        request.Headers.Add("X-Frameio-Signature", $"v0={signature}");
        using var response = await _webhookSender.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _webhookSender.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Before any route: log the request, cause queued faults, check the token, apply the rate limit.</summary>
    private async Task HandleCommonConcernsAsync(HttpContext context, RequestDelegate next)
    {
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var raw = buffer.ToArray();
        context.Items[FakeFrameioApi.RawBodyKey] = raw;
        var isJson = context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value!, template, isJson ? Encoding.UTF8.GetString(raw) : null,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));

        if (Faults.Latency > TimeSpan.Zero) await Task.Delay(Faults.Latency, _stopping.Token);
        var fault = Faults.Take(template);
        if (fault is FakeFault.LoseAnswer or FakeFault.HoldAnswer)
        {
            // The answer goes to a buffer nobody reads; the connection drops instead, at once or once the caller gives up (or dies).
            context.Response.Body = new MemoryStream();
            await HandleAsync(context, next, template);
            if (fault == FakeFault.HoldAnswer)
            {
                Interlocked.Increment(ref _answersHeld);
                await WaitUntilAbandonedAsync(context);
            }
            else
            {
                Interlocked.Increment(ref _answersLost);
            }
            context.Abort();
            return;
        }
        switch (fault)
        {
            case FakeFault.ServerError:
                await FakeFrameioApi.Error(503, "Service Unavailable", "Injected failure.").ExecuteAsync(context);
                return;
            case FakeFault.TooManyRequests:
                new RateLimitState(1, 0, TimeSpan.FromMilliseconds(10)).WriteHeaders(context.Response);
                await FakeFrameioApi.Error(429, "Too Many Requests", "Injected rate limit.").ExecuteAsync(context);
                return;
            case FakeFault.Hang:
                await WaitUntilAbandonedAsync(context);
                return;
            case FakeFault.DropConnection:
                context.Abort();
                return;
        }
        await HandleAsync(context, next, template);
    }

    /// <summary>Until the caller drops the request (it gave up, or its process died) or the fake stops.</summary>
    private async Task WaitUntilAbandonedAsync(HttpContext context)
    {
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        await Task.Delay(Timeout.Infinite, abandoned.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>After the faults: check the token, apply the rate limit, handle the request.</summary>
    private async Task HandleAsync(HttpContext context, RequestDelegate next, string? template)
    {
        if (template is null || (!AssumedCalls && FakeFrameioRoutes.Assumed.Contains((context.Request.Method, template))))
        {
            await FakeFrameioApi.Error(404, "Not Found", $"No route {context.Request.Method} {context.Request.Path}.").ExecuteAsync(context);
            return;
        }
        if (template == FakeFrameioRoutes.UploadPart)
        {
            await next(context); // storage checks its own signature, not a Frame.io token
            return;
        }
        var token = context.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : "";
        FakeUser? user;
        lock (State.Lock) user = State.UserByToken(token);
        var legacyHeaderMissing = user is { LegacyToken: true } && context.Request.Headers["x-frameio-legacy-token-auth"] != "true";
        if (user is null || legacyHeaderMissing)
        {
            await FakeFrameioApi.Error(401, "Unauthorized", legacyHeaderMissing ? "Legacy token used without x-frameio-legacy-token-auth." : "Invalid or expired token.").ExecuteAsync(context);
            return;
        }
        context.Items[FakeFrameioApi.CallerKey] = user;
        var allowed = RateLimits.TryTake(token, context.Request.Method, template, out var rate);
        rate.WriteHeaders(context.Response);
        if (!allowed)
        {
            Interlocked.Increment(ref _rateLimited);
            await FakeFrameioApi.Error(429, "Too Many Requests", "Rate limit exceeded for this endpoint.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}

public sealed record FakeFrameioSeed(string UserId, string Token, IReadOnlyList<FakeFrameioAccountSeed> Accounts);

public sealed record FakeFrameioAccountSeed(string AccountId, string WorkspaceId);

public sealed record FakeFrameioSnapshot(IReadOnlyList<FakeProjectSnapshot> Projects, IReadOnlyList<FakeWebhookSnapshot> Webhooks);

public sealed record FakeProjectSnapshot(
    string Id, string AccountId, string WorkspaceId, string Name, string RootFolderId, IReadOnlyDictionary<string, string> UserRoles, IReadOnlyList<FakeAssetSnapshot> Assets);

public sealed record FakeAssetSnapshot(string Id, string Type, string Name, string? ParentId);

public sealed record FakeWebhookSnapshot(string Id, string AccountId, string WorkspaceId, string Url, string Secret);
