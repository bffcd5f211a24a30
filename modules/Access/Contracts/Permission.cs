namespace Greenlight.Modules.Access.Contracts;

/// <summary>A permission on one object, granted by sharing or inherited. Ordered: a higher value includes every lower one.</summary>
public enum Permission
{
    None = 0,
    View = 1,

    /// <summary>Projects, tasks and issues only; on documents and folders it counts as <see cref="Manage"/>.</summary>
    Contribute = 2,
    Manage = 3,
}
