using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains.Snapshots;
using Greenlight.Modules.Access.Audit;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Permissions;
using Orleans.Concurrency;

namespace Greenlight.Modules.Access.Sharing;

/// <summary>
/// One secured object of the work tree (a portfolio, a task, a document…); key: its <see cref="ObjectKeys"/> key.
/// It knows only itself: its parent, grants and inheritance flag. A change writes this one small state, whatever
/// the size of the tree; chains are put together from every silo's snapshots (<see cref="SecuredTree"/>), and
/// children are found in the objects table the grain's recorded messages keep (<see cref="SecuredObjectRows"/>).
/// It calls no other grain. Callers check what needs the rest of the tree (that a parent exists, that a move makes no cycle).
/// </summary>
[Alias("access.secured-object")]
public interface ISecuredObjectGrain : IGrainWithStringKey
{
    [Alias("snapshot"), ReadOnly]
    Task<Snapshot<SecuredNode>> SnapshotAsync();

    /// <param name="parentKey">The parent's key; null for a container at top level.</param>
    [Alias("register")]
    Task RegisterAsync(string? parentKey, Grant creatorGrant, string actorId);

    /// <summary>Sets the grantee's permission on the object, replacing what that grantee had there.</summary>
    [Alias("grant")]
    Task GrantAsync(Grant grant, string actorId);

    /// <summary>Removes the grantee's grant, if the object has one.</summary>
    [Alias("revoke")]
    Task RevokeAsync(Grantee grantee, string actorId);

    [Alias("set-inheritance")]
    Task SetInheritanceAsync(bool inherits, string actorId);

    /// <summary>Hangs the object (and so everything below it) under another parent; null puts a container at top level.</summary>
    [Alias("move")]
    Task MoveAsync(string? newParentKey, string actorId);

    /// <summary>
    /// Removes the object; nothing happens when it is not registered. Everything below it is unreachable at once (a chain
    /// needs every ancestor) and is removed in turn by <see cref="RemoveChildrenOfRemovedObjects"/>, through the outbox.
    /// </summary>
    [Alias("remove")]
    Task RemoveAsync(string actorId);
}

[GrainType("access.object")]
public sealed class SecuredObjectGrain(AuditLog audit, SnapshotInvalidation invalidation) : AuditedGrain<SecuredObjectState>(audit, invalidation), ISecuredObjectGrain
{
    private string Key => this.GetPrimaryKeyString();

    protected override string SnapshotKey => AccessSnapshots.SecuredObjectKey(Key);

    public Task<Snapshot<SecuredNode>> SnapshotAsync() => Task.FromResult(SnapshotOf(new SecuredNode(
        State.Registered ? new AccessNode(ObjectKeys.Parse(Key), [.. State.Grants.Select(g => g.ToGrant())], State.Inherits) : null,
        State.ParentKey)));

    public Task RegisterAsync(string? parentKey, Grant creatorGrant, string actorId)
    {
        if (State.Registered) throw new ConflictException($"{ObjectKeys.Parse(Key)} is already registered.");
        State.Registered = true;
        State.ParentKey = parentKey;
        State.Inherits = true;
        State.Grants = [GrantData.From(creatorGrant)];
        return WriteAsync(new AuditChange(actorId, AuditSubject.Object, Key, "registered", null, State.Grants));
    }

    public Task GrantAsync(Grant grant, string actorId)
    {
        var before = Registered().Grants;
        State.Grants = [.. before.Where(g => !SameGrantee(g, grant.Grantee)), GrantData.From(grant, sharedBy: actorId)];
        return WriteAsync(new AuditChange(actorId, AuditSubject.Object, Key, "shared", before, State.Grants));
    }

    public Task RevokeAsync(Grantee grantee, string actorId)
    {
        var before = Registered().Grants;
        if (!before.Any(g => SameGrantee(g, grantee))) return Task.CompletedTask;
        State.Grants = [.. before.Where(g => !SameGrantee(g, grantee))];
        return WriteAsync(new AuditChange(actorId, AuditSubject.Object, Key, "unshared", before, State.Grants));
    }

    public Task SetInheritanceAsync(bool inherits, string actorId)
    {
        Registered().Inherits = inherits;
        return WriteAsync(new AuditChange(actorId, AuditSubject.Object, Key, inherits ? "inheritance on" : "inheritance off", new { inherits = !inherits }, new { inherits }));
    }

    public Task MoveAsync(string? newParentKey, string actorId)
    {
        var before = Registered().ParentKey;
        State.ParentKey = newParentKey;
        return WriteAsync(new AuditChange(actorId, AuditSubject.Object, Key, "moved", new { parent = before }, new { parent = newParentKey }));
    }

    public Task RemoveAsync(string actorId)
    {
        if (!State.Registered) return Task.CompletedTask;
        var before = new { parent = State.ParentKey, grants = State.Grants };
        State.Registered = false;
        State.ParentKey = null;
        State.Inherits = true;
        State.Grants = [];
        return WriteAuditedAsync(new AuditChange(actorId, AuditSubject.Object, Key, "removed", before, null), new SecuredObjectRemoved(Key, actorId));
    }

    private SecuredObjectState Registered() => State.Registered ? State : throw new NotFoundException($"The object {ObjectKeys.Parse(Key)}");

    private static bool SameGrantee(GrantData grant, Grantee grantee) => grant.Kind == grantee.Kind && grant.GranteeId == grantee.Id;

    /// <summary>Writes a change to a registered object, with the row the objects table keeps of it.</summary>
    private Task WriteAsync(AuditChange change) => WriteAuditedAsync(change, new SecuredObjectStored(Key, State.ParentKey, State.Grants));
}
