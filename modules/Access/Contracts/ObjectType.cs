namespace Greenlight.Modules.Access.Contracts;

/// <summary>The kinds of object that carry sharing permissions and sit in the work tree.</summary>
public enum ObjectType
{
    Portfolio,
    Program,
    Project,
    Task,
    Issue,
    DocumentFolder,
    Document,
}
