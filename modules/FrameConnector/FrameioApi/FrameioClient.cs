using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static Greenlight.Modules.FrameConnector.FrameioApi.FrameioEndpoints;

namespace Greenlight.Modules.FrameConnector.FrameioApi;

/// <summary>
/// <see cref="IFrameioClient"/> over an <see cref="HttpClient"/>, for one account connection. Give the
/// HttpClient an infinite Timeout: <see cref="FrameioClientOptions.AttemptTimeout"/> bounds each attempt.
/// </summary>
public sealed class FrameioClient(HttpClient http, FrameioCredentials credentials, FrameioClientOptions options, TimeProvider? time = null, ILogger<FrameioClient>? logger = null)
    : IFrameioClient
{
    private readonly FrameioHttp _http = new(http, credentials, options, time ?? TimeProvider.System, logger ?? NullLogger<FrameioClient>.Instance);

    public Task<FrameioUser> GetMeAsync(CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioUser>(GetMe, GetMe.PathWith(), null, cancellationToken);

    public IAsyncEnumerable<FrameioAccount> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        _http.ListAsync<FrameioAccount>(ListAccounts, ListAccounts.PathWith(), cancellationToken);

    public IAsyncEnumerable<FrameioAccountUser> ListAccountUsersAsync(string accountId, CancellationToken cancellationToken = default) =>
        _http.ListAsync<FrameioAccountUser>(ListAccountUsers, ListAccountUsers.PathWith(accountId), cancellationToken);

    public IAsyncEnumerable<FrameioWorkspace> ListWorkspacesAsync(string accountId, CancellationToken cancellationToken = default) =>
        _http.ListAsync<FrameioWorkspace>(ListWorkspaces, ListWorkspaces.PathWith(accountId), cancellationToken);

    public Task<FrameioWorkspace> CreateWorkspaceAsync(string accountId, string name, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioWorkspace>(CreateWorkspace, CreateWorkspace.PathWith(accountId), Data(new { name }), cancellationToken);

    public IAsyncEnumerable<FrameioProject> ListProjectsAsync(string accountId, string workspaceId, CancellationToken cancellationToken = default) =>
        _http.ListAsync<FrameioProject>(ListProjects, ListProjects.PathWith(accountId, workspaceId), cancellationToken);

    public Task<FrameioProject> CreateProjectAsync(string accountId, string workspaceId, string name, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioProject>(CreateProject, CreateProject.PathWith(accountId, workspaceId), Data(new { name }), cancellationToken);

    public Task<FrameioProject> GetProjectAsync(string accountId, string projectId, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioProject>(GetProject, GetProject.PathWith(accountId, projectId), null, cancellationToken);

    public Task<FrameioProject> RenameProjectAsync(string accountId, string projectId, string name, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioProject>(UpdateProject, UpdateProject.PathWith(accountId, projectId), Data(new { name }), cancellationToken);

    public Task<FrameioFolder> CreateFolderAsync(string accountId, string parentFolderId, string name, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioFolder>(CreateFolder, CreateFolder.PathWith(accountId, parentFolderId), Data(new { name }), cancellationToken);

    public Task<FrameioFolder> RenameFolderAsync(string accountId, string folderId, string name, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioFolder>(UpdateFolder, UpdateFolder.PathWith(accountId, folderId), Data(new { name }), cancellationToken);

    public IAsyncEnumerable<FrameioAsset> ListFolderChildrenAsync(string accountId, string folderId, CancellationToken cancellationToken = default) =>
        _http.ListAsync<FrameioAsset>(ListFolderChildren, ListFolderChildren.PathWith(accountId, folderId), cancellationToken);

    public async Task<FrameioFile> UploadLocalFileAsync(string accountId, string folderId, string name, Stream content, long size, CancellationToken cancellationToken = default)
    {
        var placeholder = await _http.SendAsync<FrameioFile>(CreateLocalUpload, CreateLocalUpload.PathWith(accountId, folderId),
            Data(new { name, file_size = size }), cancellationToken);
        var parts = placeholder.UploadUrls ?? throw new InvalidOperationException($"Frame.io {CreateLocalUpload} answered without upload_urls.");
        if (parts.Sum(p => p.Size) != size)
            throw new InvalidOperationException($"Frame.io {CreateLocalUpload} asked for {parts.Sum(p => p.Size)} bytes in parts, not {size}.");
        // Frame.io derives the media type from the name; storage checks the PUT's Content-Type against it.
        var mediaType = placeholder.MediaType ?? "application/octet-stream";
        foreach (var part in parts)
        {
            // Read the whole part first: a retried PUT must send the same bytes again.
            var bytes = new byte[part.Size];
            await content.ReadExactlyAsync(bytes, cancellationToken);
            await _http.PutUploadPartAsync(UploadPart, part.Url, bytes, mediaType, cancellationToken);
        }
        return placeholder;
    }

    public Task<FrameioFile> GetFileAsync(string accountId, string fileId, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioFile>(GetFile, GetFile.PathWith(accountId, fileId), null, cancellationToken);

    public Task DeleteFileAsync(string accountId, string fileId, CancellationToken cancellationToken = default) =>
        _http.SendWithoutAnswerAsync(DeleteFile, DeleteFile.PathWith(accountId, fileId), cancellationToken);

    public Task<FrameioVersionStack> CreateVersionStackAsync(string accountId, string folderId, IReadOnlyList<string> fileIds, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioVersionStack>(CreateVersionStack, CreateVersionStack.PathWith(accountId, folderId), Data(new { file_ids = fileIds }), cancellationToken);

    public IAsyncEnumerable<FrameioComment> ListCommentsAsync(string accountId, string fileId, CancellationToken cancellationToken = default) =>
        _http.ListAsync<FrameioComment>(ListComments, ListComments.PathWith(accountId, fileId), cancellationToken);

    public Task<FrameioComment> GetCommentAsync(string accountId, string commentId, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioComment>(GetComment, GetComment.PathWith(accountId, commentId) + "?include=owner", null, cancellationToken);

    public Task<FrameioComment> CreateCommentAsync(string accountId, string fileId, string text, int? timestamp = null, bool isPrivate = false, CancellationToken cancellationToken = default) =>
        _http.SendAsync<FrameioComment>(CreateComment, CreateComment.PathWith(accountId, fileId), Data(new { text, timestamp, @private = isPrivate ? true : (bool?)null }), cancellationToken);

    public async Task SetProjectUserRoleAsync(string accountId, string projectId, string userId, FrameioProjectRole role, CancellationToken cancellationToken = default) =>
        _ = await _http.SendAsync<ProjectUserRole>(SetProjectUserRole, SetProjectUserRole.PathWith(accountId, projectId, userId), Data(new { role }), cancellationToken);

    public Task RemoveProjectUserAsync(string accountId, string projectId, string userId, CancellationToken cancellationToken = default) =>
        _http.SendWithoutAnswerAsync(RemoveProjectUser, RemoveProjectUser.PathWith(accountId, projectId, userId), cancellationToken);

    public IAsyncEnumerable<FrameioWebhook> ListWebhooksAsync(string accountId, string workspaceId, CancellationToken cancellationToken = default) =>
        _http.ListAsync<FrameioWebhook>(ListWebhooks, ListWebhooks.PathWith(accountId, workspaceId), cancellationToken);

    public async Task<FrameioCreatedWebhook> CreateWebhookAsync(string accountId, string workspaceId, string name, Uri url, IReadOnlyList<string> events, CancellationToken cancellationToken = default)
    {
        var created = await _http.SendAsync<WebhookWithSecret>(CreateWebhook, CreateWebhook.PathWith(accountId, workspaceId), Data(new { name, url, events }), cancellationToken);
        return new FrameioCreatedWebhook(new FrameioWebhook(created.Id, created.Name, created.Url, created.Events, created.Active), created.Secret);
    }

    public Task DeleteWebhookAsync(string accountId, string workspaceId, string webhookId, CancellationToken cancellationToken = default) =>
        _http.SendWithoutAnswerAsync(DeleteWebhook, DeleteWebhook.PathWith(accountId, workspaceId, webhookId), cancellationToken);

    private static DataEnvelope<T> Data<T>(T resource) => new(resource);

    /// <summary>What a project role update answers: the role, and nothing of the user.</summary>
    private sealed record ProjectUserRole(FrameioProjectRole? Role);

    /// <summary>The create answer: the webhook plus the secret, which no later read returns.</summary>
    private sealed record WebhookWithSecret(string Id, string Name, Uri Url, IReadOnlyList<string> Events, bool Active, string Secret);
}
