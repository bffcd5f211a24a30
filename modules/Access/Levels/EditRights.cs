namespace Greenlight.Modules.Access.Levels;

/// <summary>The fine toggles under an Edit setting.</summary>
[Flags]
public enum EditRights
{
    None = 0,
    Create = 1,
    Delete = 2,
    Share = 4,
    ShareSystemWide = 8,

    /// <summary>Projects only.</summary>
    Copy = 16,
}
