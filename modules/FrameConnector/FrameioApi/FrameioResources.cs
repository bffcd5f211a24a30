namespace Greenlight.Modules.FrameConnector.FrameioApi;

// The V4 resources the connector reads, as immutable records. Property names map to Frame.io's
// snake_case fields (FrameioJson); fields the connector does not use are left out on purpose:
// unknown fields are ignored when reading, so Frame.io adding fields breaks nothing. They stay
// inside the grain or handler that made the call; only the account list is stored and returned.

/// <summary>A Frame.io user (<c>/me</c>, an account's users, a comment's owner); <paramref name="Id"/> is null for someone only invited.</summary>
public sealed record FrameioUser(string? Id, string? Email, string? Name);

/// <summary>
/// A user of the account as <c>GET /accounts/{a}/users</c> lists them: their account <paramref name="Role"/> (<c>admin</c>,
/// <c>member</c>, <c>owner</c>, <c>reviewer</c>) and the user. The user's id is null while they are only invited (no
/// Frame.io account yet): such a person cannot be given a project role until they accept.
/// </summary>
public sealed record FrameioAccountUser(string? Role, FrameioUser User);

[GenerateSerializer, Immutable, Alias("frameconnector.frameio-account")]
public sealed record FrameioAccount([property: Id(0)] string Id, [property: Id(1)] string? DisplayName);

public sealed record FrameioWorkspace(string Id, string Name);

/// <summary>A project; <see cref="RootFolderId"/> is where its folders and files start.</summary>
public sealed record FrameioProject(string Id, string Name, string? WorkspaceId, string RootFolderId);

public sealed record FrameioFolder(string Id, string Name, string? ParentId, string? ProjectId);

/// <summary>One entry of a folder's children: a file, a folder or a version stack, told apart by <see cref="Type"/>.</summary>
/// <param name="Status">A file's upload status: "created" while parts of a local upload are missing.</param>
public sealed record FrameioAsset(string Id, string Name, string Type, string? ParentId, string? MediaType, long? FileSize, string? Status)
{
    /// <summary>A file whose local upload never finished: nothing can complete it, only delete it.</summary>
    public bool IsUnfinishedUpload => Type == "file" && Status is "created" or "uploading";
}

/// <summary>A file. <see cref="UploadUrls"/> is filled only on the placeholder a local upload returns.</summary>
public sealed record FrameioFile(
    string Id,
    string Name,
    string? ParentId,
    string? ProjectId,
    string? MediaType,
    long FileSize,
    string? Status,
    IReadOnlyList<FrameioUploadUrl>? UploadUrls);

/// <summary>A pre-signed address for one part of a local upload and how many bytes go there.</summary>
public sealed record FrameioUploadUrl(long Size, Uri Url);

public sealed record FrameioVersionStack(string Id, string Name, string? ParentId);

/// <summary>
/// A comment on the file <see cref="CommentedFileId"/>, with its <see cref="Owner"/> when asked for (<c>include=owner</c>);
/// <see cref="Private"/>: seen by the account's team only ("team only" in Frame.io's viewer).
/// </summary>
/// <remarks>
/// Frame.io's current reference names the file <c>file_id</c> and gives the owner as a user; its 2024 OpenAPI, still in
/// our spec folder, said <c>asset_id</c> and <c>owner_id</c>. Both are read, so either shape maps to the same comment.
/// </remarks>
public sealed record FrameioComment(string Id, string Text, string? FileId, string? AssetId, FrameioUser? Owner, string? OwnerId, int? Timestamp, bool Private)
{
    public string? CommentedFileId => FileId ?? AssetId;

    public string? OwnerUserId => Owner?.Id ?? OwnerId;
}

public sealed record FrameioWebhook(string Id, string Name, Uri Url, IReadOnlyList<string> Events, bool Active);

/// <summary>A new webhook and its signing secret, which Frame.io returns only here: store it (encrypted) at once.</summary>
public sealed record FrameioCreatedWebhook(FrameioWebhook Webhook, string Secret);

/// <summary>Frame.io's project roles, from most to least rights.</summary>
public enum FrameioProjectRole
{
    FullAccess,
    Editor,
    EditOnly,
    Commenter,
    Viewer,
}
