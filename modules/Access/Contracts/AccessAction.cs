namespace Greenlight.Modules.Access.Contracts;

public enum AccessAction
{
    View,

    /// <summary>Contribute-level changes: status and progress, assignments, custom forms.</summary>
    Update,

    /// <summary>Every detail of the object.</summary>
    Edit,

    /// <summary>A child of a given type inside the object, or an object at top level.</summary>
    Create,
    Delete,
    Share,
    ShareSystemWide,

    /// <summary>Turning inherited permissions off or on.</summary>
    ManageInheritance,
}
