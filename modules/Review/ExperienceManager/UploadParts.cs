namespace Greenlight.Modules.Review.ExperienceManager;

/// <summary>
/// How a binary is cut for direct binary upload (the Jackrabbit BinaryUpload algorithm): equal parts,
/// as few URIs as their size allows, each part at least the minimum (only the last may be shorter)
/// and at most the maximum, URIs used in order.
/// </summary>
internal static class UploadParts
{
    /// <summary>The length of each part, one per upload URI used.</summary>
    public static IReadOnlyList<long> Plan(long fileSize, int uploadUriCount, long minPartSize, long maxPartSize)
    {
        if (uploadUriCount < 1)
            throw new InvalidOperationException("Experience Manager offered no upload URI.");
        var partSize = Math.Max((fileSize + uploadUriCount - 1) / uploadUriCount, minPartSize);
        // Jackrabbit answers -1 when the storage sets no maximum.
        if (maxPartSize > 0 && partSize > maxPartSize)
            throw new InvalidOperationException(
                $"A binary of {fileSize} bytes does not fit in {uploadUriCount} part(s) of at most {maxPartSize} bytes.");
        if (fileSize == 0) return [0];
        var parts = new List<long>();
        for (var offset = 0L; offset < fileSize; offset += partSize)
            parts.Add(Math.Min(partSize, fileSize - offset));
        return parts;
    }
}
