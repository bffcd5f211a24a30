using MediatR;
using Greenlight.Kernel.Security;

namespace Greenlight.Modules.Access.Contracts;

// How other modules put their objects under access control and ask about rights. The Access
// module keeps its own copy of the work tree's shape, one grain per secured object, and every silo
// keeps snapshots of them, so a check on an active project needs neither a grain call nor a database
// round trip. These requests travel through the mediator, in process: none of them crosses a grain call.

/// <summary>
/// An object and the container holding it: a portfolio, program or project is its own container;
/// tasks, issues, folders and documents sit in the project (or portfolio) they belong to.
/// Requests carry both, from their route: an object moved to another container is not found under the old one.
/// </summary>
public sealed record SecuredRef(ObjectRef Object, ObjectRef Container)
{
    public static SecuredRef ContainerItself(ObjectRef container) => new(container, container);

    public override string ToString() => Object == Container ? Object.ToString() : $"{Object} in {Container}";
}

/// <summary>What a request needs from its sender.</summary>
/// <param name="Target">The object acted on; for <see cref="AccessAction.Create"/> the parent, or null for an object at top level.</param>
/// <param name="ChildType">For <see cref="AccessAction.Create"/>: the type of object created.</param>
public sealed record AccessCheck(AccessAction Action, SecuredRef? Target, ObjectType? ChildType = null)
{
    public static AccessCheck On(SecuredRef target, AccessAction action) => new(action, target);

    public static AccessCheck CreateIn(SecuredRef parent, ObjectType child) => new(AccessAction.Create, parent, child);

    public static AccessCheck CreateAtTopLevel(ObjectType type) => new(AccessAction.Create, null, type);
}

/// <summary>A request acting on a secured object: the Access module's policy decides it from <see cref="Check"/>.</summary>
[AuthorizationRequirement]
public interface ISecuredRequest
{
    AccessCheck Check { get; }
}

/// <summary>
/// A request listing objects of one type: the caller's access level must give at least View on the
/// type's area (else 403, even when the list would come back empty), and, for a list inside an object
/// (a project's tasks, say), the caller must be able to view that object (else 404, as for a missing one).
/// The rows are then filtered with <see cref="FilterViewable"/>.
/// </summary>
[AuthorizationRequirement]
public interface IListingRequest
{
    ObjectType Listed { get; }

    /// <summary>The object whose contents are listed, or null for a list across the organization.</summary>
    SecuredRef? Within { get; }
}

/// <summary>A new object exists in the work tree. Its creator gets Manage on it (the uploader of a document, likewise).</summary>
/// <param name="Parent">Null for an object at top level.</param>
public sealed record RegisterSecuredObject(SecuredRef Object, SecuredRef? Parent, string CreatorUserId) : IRequest, IModuleRequest;

/// <summary>The object, and everything below it, now sits under <paramref name="NewParent"/>: its inherited permissions come from there.</summary>
public sealed record MoveSecuredObject(SecuredRef Object, SecuredRef? NewParent) : IRequest, IModuleRequest;

/// <summary>The object and everything below it are gone; so are their grants.</summary>
public sealed record RemoveSecuredObject(SecuredRef Object) : IRequest, IModuleRequest;

/// <summary>
/// Someone was assigned to a task or issue: apply the organization's project access defaults for assignees (not
/// retroactive). <paramref name="Repeat"/>: the same assignment told again (by the outbox, after the request told it
/// first): where the assignee already holds a grant, it stays as given then, though the defaults may have changed since.
/// </summary>
public sealed record GrantAssigneeAccess(SecuredRef AssignedObject, Grantee Assignee, bool Repeat = false) : IRequest, IModuleRequest;

/// <summary>For other modules: may this user do this? (The Review module asks before recording a decision, say.)</summary>
public sealed record CheckAccess(string UserId, AccessCheck Check) : IRequest<AccessAnswer>, IModuleRequest;

public sealed record AccessAnswer(bool Allowed, Permission Held, string Reason);

/// <summary>For lists: the objects among <paramref name="Objects"/> the user may view, in the order given.</summary>
public sealed record FilterViewable(string UserId, IReadOnlyList<SecuredRef> Objects) : IRequest<IReadOnlyList<SecuredRef>>, IModuleRequest;
