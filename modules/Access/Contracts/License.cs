namespace Greenlight.Modules.Access.Contracts;

/// <summary>The license an access level consumes; it bounds every setting of the level.</summary>
public enum License
{
    Standard,
    Light,
    Contributor,

    /// <summary>Not a paid license: the External level only.</summary>
    External,
}
