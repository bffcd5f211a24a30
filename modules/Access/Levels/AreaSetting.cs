namespace Greenlight.Modules.Access.Levels;

/// <summary>An access level's setting for one area. Ordered: Edit includes View.</summary>
public enum AreaSetting
{
    NoAccess = 0,

    /// <summary>View and, with the share toggle, share.</summary>
    View = 1,

    /// <summary>Create, edit, delete and share, as the <see cref="EditRights"/> toggles allow.</summary>
    Edit = 2,
}
