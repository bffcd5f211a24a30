using System.Text;

namespace Greenlight.Modules.Review.ExperienceManager;

/// <summary>
/// Adobe Experience Manager Assets (as a Cloud Service): folders and metadata through the Assets HTTP
/// API, binaries by direct binary upload. Paths are relative to the DAM root (<c>/content/dam</c>),
/// segments separated by '/'. Every call takes the connection, because the administrator configures
/// it at run time and its token is kept encrypted in the store.
/// </summary>
public interface IExperienceManagerClient
{
    /// <summary>Creates each missing folder of the path, top down; folders that exist are left alone.</summary>
    Task EnsureFolderAsync(ExperienceManagerConnection connection, string folderPath, CancellationToken cancellationToken = default);

    /// <summary>Uploads a binary into an existing folder (initiate, PUT the parts, complete) and returns the asset's path.</summary>
    Task<string> UploadAsync(ExperienceManagerConnection connection, string folderPath, AssetFile file, CancellationToken cancellationToken = default);

    /// <summary>Writes every property in one request, so the asset never carries half of them.</summary>
    Task SetMetadataAsync(ExperienceManagerConnection connection, string assetPath, AssetMetadata metadata, CancellationToken cancellationToken = default);

    /// <summary>Reads the DAM root's description: throws when the address or the token does not work.</summary>
    Task CheckAsync(ExperienceManagerConnection connection, CancellationToken cancellationToken = default);

    /// <summary>The asset at the path, or null when there is none: how a sender whose upload outcome is unknown checks before redoing it.</summary>
    Task<ExperienceManagerAsset?> FindAssetAsync(ExperienceManagerConnection connection, string assetPath, CancellationToken cancellationToken = default);
}

/// <summary>Where Experience Manager is and the bearer token that opens it.</summary>
public sealed record ExperienceManagerConnection(Uri BaseUrl, string AccessToken)
{
    // The generated ToString would print the token wherever a connection is logged or formatted.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("BaseUrl = ").Append(BaseUrl);
        return true;
    }
}

/// <summary>A binary to upload: its content is read once, front to back, part by part.</summary>
public sealed record AssetFile(string FileName, string MimeType, long Length, Stream Content);

/// <summary>What Greenlight knows of an approved asset, mapped one way at send time.</summary>
public sealed record AssetMetadata(string Title, string Project, string ApprovalDecision, DateTimeOffset ApprovedAt)
{
    /// <summary>Further properties, by their Experience Manager names; none may repeat the four above.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}

/// <summary>An asset as the Assets HTTP API describes it; metadata values that are not strings keep their JSON text.</summary>
public sealed record ExperienceManagerAsset(string Path, IReadOnlyDictionary<string, string> Metadata);
