using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Greenlight.Modules.FrameConnector.FrameioApi;

/// <summary>
/// The two jobs no documented Frame.io V4 call can do (frameio.md, "Still NOT documented"): inviting a person who is
/// not in the account yet, and removing a person from the account. Their paths and bodies are assumptions modelled on
/// V4's conventions and on V2 (which had <c>POST /v2/projects/{id}/collaborators {email}</c>), kept apart from
/// <see cref="IFrameioClient"/> so that the day Frame.io documents them only this file changes. The connector makes
/// them only when <c>FrameConnector:UseAssumedCalls</c> is on, and only for those two jobs; otherwise the project's
/// sync view lists the people waiting for an invite or for their removal from the account, for an administrator to
/// handle in Frame.io.
/// </summary>
public interface IFrameioAssumedCalls
{
    /// <summary>
    /// Assumed <c>POST /accounts/{a}/projects/{p}/users {email, role}</c>: invites a person the account does not know yet.
    /// The answer's user id is null while the person has no Frame.io account (they must accept the invite first).
    /// </summary>
    Task<FrameioInvitation> InviteProjectMemberAsync(string accountId, string projectId, string email, FrameioProjectRole role, CancellationToken cancellationToken = default);

    /// <summary>Assumed <c>DELETE /accounts/{a}/users/{user_id}</c>: what deactivating a user here must do there.</summary>
    Task RemoveUserFromAccountAsync(string accountId, string userId, CancellationToken cancellationToken = default);
}

/// <summary><see cref="IFrameioAssumedCalls"/> over the same transport, pacing and retries as <see cref="FrameioClient"/>.</summary>
/// <summary>What the assumed invite answers: the invited person's Frame.io user id (null until they have an account), and their role.</summary>
public sealed record FrameioInvitation(string? UserId, string Role);

public sealed class FrameioAssumedCalls(HttpClient http, FrameioCredentials credentials, FrameioClientOptions options, TimeProvider? time = null, ILogger<FrameioAssumedCalls>? logger = null)
    : IFrameioAssumedCalls
{
    private static readonly FrameioEndpoint InviteProjectMember = new(HttpMethod.Post, "/accounts/{account_id}/projects/{project_id}/users");
    private static readonly FrameioEndpoint RemoveAccountUser = new(HttpMethod.Delete, "/accounts/{account_id}/users/{user_id}");

    private readonly FrameioHttp _http = new(http, credentials, options, time ?? TimeProvider.System, logger ?? NullLogger<FrameioAssumedCalls>.Instance);

    public Task<FrameioInvitation> InviteProjectMemberAsync(string accountId, string projectId, string email, FrameioProjectRole role, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioInvitation>(InviteProjectMember, InviteProjectMember.PathWith(accountId, projectId), new DataEnvelope<object>(new { email, role }), cancellationToken);

    public Task RemoveUserFromAccountAsync(string accountId, string userId, CancellationToken cancellationToken = default) =>
        _http.SendWithoutAnswerAsync(RemoveAccountUser, RemoveAccountUser.PathWith(accountId, userId), cancellationToken);
}
