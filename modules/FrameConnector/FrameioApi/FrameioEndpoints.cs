namespace Greenlight.Modules.FrameConnector.FrameioApi;

/// <summary>The V4 operations the connector uses (frameio.md, "Endpoints used"), relative to the configured base URL.</summary>
internal static class FrameioEndpoints
{
    public static readonly FrameioEndpoint GetMe = new(HttpMethod.Get, "/me");
    public static readonly FrameioEndpoint ListAccounts = new(HttpMethod.Get, "/accounts");
    public static readonly FrameioEndpoint ListAccountUsers = new(HttpMethod.Get, "/accounts/{account_id}/users");
    public static readonly FrameioEndpoint ListWorkspaces = new(HttpMethod.Get, "/accounts/{account_id}/workspaces");
    public static readonly FrameioEndpoint CreateWorkspace = new(HttpMethod.Post, "/accounts/{account_id}/workspaces");
    public static readonly FrameioEndpoint ListProjects = new(HttpMethod.Get, "/accounts/{account_id}/workspaces/{workspace_id}/projects");
    public static readonly FrameioEndpoint CreateProject = new(HttpMethod.Post, "/accounts/{account_id}/workspaces/{workspace_id}/projects");
    public static readonly FrameioEndpoint GetProject = new(HttpMethod.Get, "/accounts/{account_id}/projects/{project_id}");
    public static readonly FrameioEndpoint UpdateProject = new(HttpMethod.Patch, "/accounts/{account_id}/projects/{project_id}");
    public static readonly FrameioEndpoint CreateFolder = new(HttpMethod.Post, "/accounts/{account_id}/folders/{folder_id}/folders");
    public static readonly FrameioEndpoint UpdateFolder = new(HttpMethod.Patch, "/accounts/{account_id}/folders/{folder_id}");
    public static readonly FrameioEndpoint ListFolderChildren = new(HttpMethod.Get, "/accounts/{account_id}/folders/{folder_id}/children");
    public static readonly FrameioEndpoint CreateLocalUpload = new(HttpMethod.Post, "/accounts/{account_id}/folders/{folder_id}/files/local_upload");
    public static readonly FrameioEndpoint GetFile = new(HttpMethod.Get, "/accounts/{account_id}/files/{file_id}");
    public static readonly FrameioEndpoint DeleteFile = new(HttpMethod.Delete, "/accounts/{account_id}/files/{file_id}");
    public static readonly FrameioEndpoint CreateVersionStack = new(HttpMethod.Post, "/accounts/{account_id}/folders/{folder_id}/version_stacks");
    public static readonly FrameioEndpoint ListComments = new(HttpMethod.Get, "/accounts/{account_id}/files/{file_id}/comments");
    public static readonly FrameioEndpoint GetComment = new(HttpMethod.Get, "/accounts/{account_id}/comments/{comment_id}");
    public static readonly FrameioEndpoint CreateComment = new(HttpMethod.Post, "/accounts/{account_id}/files/{file_id}/comments");
    public static readonly FrameioEndpoint SetProjectUserRole = new(HttpMethod.Patch, "/accounts/{account_id}/projects/{project_id}/users/{user_id}");
    public static readonly FrameioEndpoint RemoveProjectUser = new(HttpMethod.Delete, "/accounts/{account_id}/projects/{project_id}/users/{user_id}");
    public static readonly FrameioEndpoint ListWebhooks = new(HttpMethod.Get, "/accounts/{account_id}/workspaces/{workspace_id}/webhooks");
    public static readonly FrameioEndpoint CreateWebhook = new(HttpMethod.Post, "/accounts/{account_id}/workspaces/{workspace_id}/webhooks");
    public static readonly FrameioEndpoint DeleteWebhook = new(HttpMethod.Delete, "/accounts/{account_id}/workspaces/{workspace_id}/webhooks/{webhook_id}");

    /// <summary>The PUT of one upload part to storage, not a V4 path: never rate-limit headers, so never paced.</summary>
    public static readonly FrameioEndpoint UploadPart = new(HttpMethod.Put, "(pre-signed upload part)");
}
