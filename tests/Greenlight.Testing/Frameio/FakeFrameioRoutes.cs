namespace Greenlight.Testing.Frameio;

/// <summary>The fake's route templates; the request log names them and rate limits are set per method and template.</summary>
public static class FakeFrameioRoutes
{
    public const string Me = "/v4/me";
    public const string Accounts = "/v4/accounts";
    public const string AccountUsers = "/v4/accounts/{account_id}/users";
    public const string AccountUser = "/v4/accounts/{account_id}/users/{user_id}";
    public const string Workspaces = "/v4/accounts/{account_id}/workspaces";
    public const string Projects = "/v4/accounts/{account_id}/workspaces/{workspace_id}/projects";
    public const string Project = "/v4/accounts/{account_id}/projects/{project_id}";
    public const string ProjectUsers = "/v4/accounts/{account_id}/projects/{project_id}/users";
    public const string ProjectUser = "/v4/accounts/{account_id}/projects/{project_id}/users/{user_id}";
    public const string Folders = "/v4/accounts/{account_id}/folders/{folder_id}/folders";
    public const string Folder = "/v4/accounts/{account_id}/folders/{folder_id}";
    public const string Children = "/v4/accounts/{account_id}/folders/{folder_id}/children";
    public const string LocalUpload = "/v4/accounts/{account_id}/folders/{folder_id}/files/local_upload";
    public const string VersionStacks = "/v4/accounts/{account_id}/folders/{folder_id}/version_stacks";
    public const string File = "/v4/accounts/{account_id}/files/{file_id}";
    public const string Comment = "/v4/accounts/{account_id}/comments/{comment_id}";
    public const string Comments = "/v4/accounts/{account_id}/files/{file_id}/comments";
    public const string Webhooks = "/v4/accounts/{account_id}/workspaces/{workspace_id}/webhooks";
    public const string Webhook = "/v4/accounts/{account_id}/workspaces/{workspace_id}/webhooks/{webhook_id}";

    /// <summary>The pre-signed storage address of one upload part: outside /v4, like S3.</summary>
    public const string UploadPart = "/upload/{file_id}/{part}";

    /// <summary>
    /// The calls the connector assumes but Frame.io does not document (inviting by e-mail, removing a user from the
    /// account): the fake answers them only when <see cref="FakeFrameioServer.AssumedCalls"/> is on.
    /// </summary>
    public static readonly IReadOnlySet<(string Method, string Template)> Assumed = new HashSet<(string, string)>
    {
        ("POST", ProjectUsers),
        ("DELETE", AccountUser),
    };
}

/// <summary>One request as the fake received it; <see cref="Body"/> is the JSON text, null for other bodies.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Template, string? Body, IReadOnlyDictionary<string, string> Headers);
