namespace Greenlight.Modules.FrameConnector.FrameioApi;

// The V4 resources the connector reads, as immutable records. Property names map to Frame.io's
// snake_case fields (FrameioJson); fields the connector does not use are left out on purpose:
// unknown fields are ignored when reading, so Frame.io adding fields breaks nothing.

[GenerateSerializer, Immutable, Alias("frameconnector.frameio-user")]
public sealed record FrameioUser([property: Id(0)] string Id, [property: Id(1)] string? Email, [property: Id(2)] string? Name);

[GenerateSerializer, Immutable, Alias("frameconnector.frameio-account")]
public sealed record FrameioAccount([property: Id(0)] string Id, [property: Id(1)] string? DisplayName);

[GenerateSerializer, Immutable, Alias("frameconnector.frameio-workspace")]
public sealed record FrameioWorkspace([property: Id(0)] string Id, [property: Id(1)] string Name);

/// <summary>A project; <see cref="RootFolderId"/> is where its folders and files start.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.frameio-project")]
public sealed record FrameioProject([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? WorkspaceId, [property: Id(3)] string RootFolderId);

[GenerateSerializer, Immutable, Alias("frameconnector.frameio-folder")]
public sealed record FrameioFolder([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? ParentId, [property: Id(3)] string? ProjectId);

/// <summary>One entry of a folder's children: a file, a folder or a version stack, told apart by <see cref="Type"/>.</summary>
/// <param name="Status">A file's upload status: "created" while parts of a local upload are missing.</param>
[GenerateSerializer, Immutable, Alias("frameconnector.frameio-asset")]
public sealed record FrameioAsset([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string Type, [property: Id(3)] string? ParentId, [property: Id(4)] string? MediaType, [property: Id(5)] long? FileSize, [property: Id(6)] string? Status)
{
    /// <summary>A file whose local upload never finished: nothing can complete it, only delete it.</summary>
    public bool IsUnfinishedUpload => Type == "file" && Status is "created" or "uploading";
}

/// <summary>A file. <see cref="UploadUrls"/> is filled only on the placeholder a local upload returns.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.frameio-file")]
public sealed record FrameioFile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? ParentId,
    [property: Id(3)] string? ProjectId,
    [property: Id(4)] string? MediaType,
    [property: Id(5)] long FileSize,
    [property: Id(6)] string? Status,
    [property: Id(7)] IReadOnlyList<FrameioUploadUrl>? UploadUrls);

/// <summary>A pre-signed address for one part of a local upload and how many bytes go there.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.frameio-upload-url")]
public sealed record FrameioUploadUrl([property: Id(0)] long Size, [property: Id(1)] Uri Url);

[GenerateSerializer, Immutable, Alias("frameconnector.frameio-version-stack")]
public sealed record FrameioVersionStack([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string? ParentId);

/// <summary>A comment on the file <paramref name="AssetId"/>; <paramref name="Private"/>: seen by the account's team only.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.frameio-comment")]
public sealed record FrameioComment([property: Id(0)] string Id, [property: Id(1)] string Text, [property: Id(2)] string? AssetId, [property: Id(3)] string? OwnerId, [property: Id(4)] int? Timestamp, [property: Id(5)] bool Private);

[GenerateSerializer, Immutable, Alias("frameconnector.frameio-project-user")]
public sealed record FrameioProjectUser([property: Id(0)] string UserId, [property: Id(1)] string Role);

[GenerateSerializer, Immutable, Alias("frameconnector.frameio-webhook")]
public sealed record FrameioWebhook([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] Uri Url, [property: Id(3)] IReadOnlyList<string> Events, [property: Id(4)] bool Active);

/// <summary>A new webhook and its signing secret, which Frame.io returns only here: store it (encrypted) at once.</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.frameio-created-webhook")]
public sealed record FrameioCreatedWebhook([property: Id(0)] FrameioWebhook Webhook, [property: Id(1)] string Secret);

/// <summary>Frame.io's project roles, from most to least rights.</summary>
public enum FrameioProjectRole
{
    FullAccess,
    Editor,
    EditOnly,
    Commenter,
    Viewer,
}
