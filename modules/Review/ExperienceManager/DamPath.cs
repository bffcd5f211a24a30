namespace Greenlight.Modules.Review.ExperienceManager;

/// <summary>A path below the DAM root, split into segments, and the URLs that address it.</summary>
internal sealed record DamPath
{
    private DamPath(IReadOnlyList<string> segments) => Segments = segments;

    public IReadOnlyList<string> Segments { get; }

    public string Name => Segments[^1];

    public static DamPath Parse(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
            throw new ArgumentException("A path below the DAM root needs at least one segment.", nameof(path));
        if (segments.Any(s => s is "." or ".."))
            throw new ArgumentException($"The path {path} may not contain '.' or '..' segments.", nameof(path));
        return new DamPath(segments);
    }

    public DamPath Child(string name) => name.Contains('/') || name is "." or ".." || name.Length == 0
        ? throw new ArgumentException($"The file name {name} must be one path segment.", nameof(name))
        : new DamPath([.. Segments, name]);

    /// <summary>This path and each of its ancestors, from the top one down.</summary>
    public IEnumerable<DamPath> SelfAndAncestorsTopDown() =>
        Enumerable.Range(1, Segments.Count).Select(depth => new DamPath(Segments.Take(depth).ToArray()));

    /// <summary>The Assets HTTP API resource (POST, PUT); add <c>.json</c> to read it.</summary>
    public string AssetsApi => "api/assets/" + Escaped;

    public string InitiateUpload => "content/dam/" + Escaped + ".initiateUpload.json";

    public override string ToString() => string.Join('/', Segments);

    private string Escaped => string.Join('/', Segments.Select(Uri.EscapeDataString));
}
