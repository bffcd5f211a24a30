namespace Greenlight.Modules.FrameConnector.FrameioApi;

/// <summary>
/// The Frame.io V4 calls the connector makes, for one account connection (its token travels with the
/// instance). Lists are read page by page as the caller enumerates. Failures are <see cref="FrameioException"/>s:
/// <see cref="FrameioApiException"/> (Frame.io said no), <see cref="FrameioTryLaterException"/> (reschedule),
/// <see cref="FrameioOutcomeUnknownException"/> (a create may or may not have happened) and
/// <see cref="FrameioUnreachableException"/>.
/// </summary>
public interface IFrameioClient
{
    Task<FrameioUser> GetMeAsync(CancellationToken cancellationToken = default);

    /// <summary>The accounts the token's user belongs to; a user may administer several and must pick one.</summary>
    IAsyncEnumerable<FrameioAccount> ListAccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>The account's active users (and people invited to it), each with their e-mail: how a person here is matched to a Frame.io user id.</summary>
    IAsyncEnumerable<FrameioAccountUser> ListAccountUsersAsync(string accountId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<FrameioWorkspace> ListWorkspacesAsync(string accountId, CancellationToken cancellationToken = default);

    Task<FrameioWorkspace> CreateWorkspaceAsync(string accountId, string name, CancellationToken cancellationToken = default);

    IAsyncEnumerable<FrameioProject> ListProjectsAsync(string accountId, string workspaceId, CancellationToken cancellationToken = default);

    Task<FrameioProject> CreateProjectAsync(string accountId, string workspaceId, string name, CancellationToken cancellationToken = default);

    Task<FrameioProject> GetProjectAsync(string accountId, string projectId, CancellationToken cancellationToken = default);

    Task<FrameioProject> RenameProjectAsync(string accountId, string projectId, string name, CancellationToken cancellationToken = default);

    Task<FrameioFolder> CreateFolderAsync(string accountId, string parentFolderId, string name, CancellationToken cancellationToken = default);

    Task<FrameioFolder> RenameFolderAsync(string accountId, string folderId, string name, CancellationToken cancellationToken = default);

    IAsyncEnumerable<FrameioAsset> ListFolderChildrenAsync(string accountId, string folderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the placeholder file, then PUTs <paramref name="content"/> part by part to the addresses
    /// Frame.io returned. Returns the placeholder as created (Frame.io finishes processing on its own).
    /// </summary>
    Task<FrameioFile> UploadLocalFileAsync(string accountId, string folderId, string name, Stream content, long size, CancellationToken cancellationToken = default);

    Task<FrameioFile> GetFileAsync(string accountId, string fileId, CancellationToken cancellationToken = default);

    Task DeleteFileAsync(string accountId, string fileId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stacks the files (oldest first) as versions of one asset in the folder. When the first id is a version stack's,
    /// the other files join that stack as its newest versions and the stack is returned: an assumption (frameio.md gives
    /// only this call for version stacks, and Frame.io's V4 collection none), kept to this one call.
    /// </summary>
    Task<FrameioVersionStack> CreateVersionStackAsync(string accountId, string folderId, IReadOnlyList<string> fileIds, CancellationToken cancellationToken = default);

    IAsyncEnumerable<FrameioComment> ListCommentsAsync(string accountId, string fileId, CancellationToken cancellationToken = default);

    /// <summary>The comment with its owner (<c>include=owner</c>).</summary>
    Task<FrameioComment> GetCommentAsync(string accountId, string commentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A comment; <paramref name="timestamp"/> is the frame it refers to in a video, if any; a private one is seen by
    /// the account's team only ("team only" in Frame.io's viewer). <c>private</c> is sent only when set: the collection's
    /// example body lacks it, Frame.io's V4 OpenAPI (CommentParams) has it.
    /// </summary>
    Task<FrameioComment> CreateCommentAsync(string accountId, string fileId, string text, int? timestamp = null, bool isPrivate = false, CancellationToken cancellationToken = default);

    /// <summary>Adds a user of the account to the project with the role, or changes the role of a user already in it.</summary>
    Task SetProjectUserRoleAsync(string accountId, string projectId, string userId, FrameioProjectRole role, CancellationToken cancellationToken = default);

    /// <summary>Removes the user from the project (they stay in the account).</summary>
    Task RemoveProjectUserAsync(string accountId, string projectId, string userId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<FrameioWebhook> ListWebhooksAsync(string accountId, string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Registers a webhook; the answer's secret is shown only now.</summary>
    Task<FrameioCreatedWebhook> CreateWebhookAsync(string accountId, string workspaceId, string name, Uri url, IReadOnlyList<string> events, CancellationToken cancellationToken = default);

    Task DeleteWebhookAsync(string accountId, string workspaceId, string webhookId, CancellationToken cancellationToken = default);
}
