namespace Greenlight.Modules.Access.Contracts;

/// <summary>Facts about object types that both the permission resolver and the access decider rely on.</summary>
public static class ObjectTypeRules
{
    /// <summary>
    /// Documents and folders have View and Manage only, and a Contribute grant reaching them
    /// (inherited from a project, say) gives Manage: the one place that rule lives.
    /// </summary>
    public static Permission OnObjectOf(ObjectType type, Permission permission) =>
        permission == Permission.Contribute && IsDocumentLike(type) ? Permission.Manage : permission;

    /// <summary>The work tree: portfolio → programs, projects, documents; program → projects; project → tasks, issues, documents; task → child tasks, issues, documents; issue → documents.</summary>
    public static bool CanContain(ObjectType parent, ObjectType child) => parent switch
    {
        ObjectType.Portfolio => child is ObjectType.Program or ObjectType.Project || IsDocumentLike(child),
        ObjectType.Program => child is ObjectType.Project,
        ObjectType.Project => child is ObjectType.Task or ObjectType.Issue || IsDocumentLike(child),
        ObjectType.Task => child is ObjectType.Task or ObjectType.Issue || IsDocumentLike(child),
        ObjectType.Issue or ObjectType.DocumentFolder => IsDocumentLike(child),
        ObjectType.Document => false,
        _ => throw new ArgumentOutOfRangeException(nameof(parent), parent, null),
    };

    public static bool IsDocumentLike(ObjectType type) => type is ObjectType.Document or ObjectType.DocumentFolder;
}
