namespace Greenlight.Modules.Review.ExperienceManager;

/// <summary>
/// The Experience Manager property names Greenlight writes. The title goes to Dublin Core like any
/// asset's; Greenlight's own facts use unprefixed names, which need no namespace registered in the repository.
/// </summary>
public static class AssetMetadataProperties
{
    public const string Title = "dc:title";
    public const string Project = "greenlightProject";
    public const string ApprovalDecision = "greenlightApprovalDecision";
    public const string ApprovedAt = "greenlightApprovalDate";

    internal static Dictionary<string, string> Of(AssetMetadata metadata)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Title] = metadata.Title,
            [Project] = metadata.Project,
            [ApprovalDecision] = metadata.ApprovalDecision,
            [ApprovedAt] = metadata.ApprovedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in metadata.Extra)
        {
            if (!properties.TryAdd(name, value))
                throw new ArgumentException($"The extra property {name} repeats one Greenlight sets itself.", nameof(metadata));
        }
        return properties;
    }
}
