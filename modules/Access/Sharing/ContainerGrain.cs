using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Grains;
using Greenlight.Modules.Access.Audit;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Permissions;

namespace Greenlight.Modules.Access.Sharing;

/// <summary>
/// A portfolio's, program's or project's objects, their grants and inheritance flags; key: the
/// container's <see cref="ObjectKeys"/> key. Only <see cref="ChainAsync"/> calls another grain, and
/// only upwards (the parent container), so calls between container grains never wait on each other
/// in a cycle; work reaching child containers is returned to the caller, which goes on with it.
/// </summary>
public interface IContainerGrain : IGrainWithStringKey
{
    /// <summary>The object and its ancestors up to the root, as the resolver takes them; null when the object is not registered here.</summary>
    Task<IReadOnlyList<AccessNode>?> ChainAsync(ObjectRef obj);

    /// <summary>The object's own node; null when it is not registered here.</summary>
    Task<AccessNode?> NodeAsync(ObjectRef obj);

    /// <param name="parent">For the container itself: the container above it, or null at top level; otherwise the parent object in this container.</param>
    Task RegisterAsync(ObjectRef obj, ObjectRef? parent, Grant creatorGrant, string actorId);

    Task AddChildContainerAsync(ObjectRef child);

    Task RemoveChildContainerAsync(ObjectRef child);

    /// <summary>Sets the grantee's permission on the object, replacing what that grantee had there.</summary>
    Task GrantAsync(ObjectRef obj, Grant grant, string actorId);

    /// <summary>Removes the grantee's grant from the object, and with <paramref name="withChildren"/> from everything below it here; returns the child containers to go on with.</summary>
    Task<IReadOnlyList<ObjectRef>> RevokeAsync(ObjectRef obj, Grantee grantee, bool withChildren, string actorId);

    Task SetInheritanceAsync(ObjectRef obj, bool inherits, string actorId);

    /// <summary>Moves the object (not the container itself) under another parent of this container.</summary>
    Task MoveWithinAsync(ObjectRef obj, ObjectRef newParent, string actorId);

    /// <summary>Takes the object and everything below it out of this container, to attach them to another.</summary>
    Task<IReadOnlyList<NodeData>> DetachAsync(ObjectRef obj, string actorId);

    Task AttachAsync(IReadOnlyList<NodeData> nodes, ObjectRef newParent, string actorId);

    /// <summary>The container this one sits under; null at top level.</summary>
    Task<ObjectRef?> ParentContainerAsync();

    /// <summary>Hangs the container under another one (or at top level); returns the one it was under.</summary>
    Task<ObjectRef?> SetParentContainerAsync(ObjectRef? parent, string actorId);

    /// <summary>Removes the object and everything below it here; returns the child containers to remove too (when it is the container itself).</summary>
    Task<IReadOnlyList<ObjectRef>> RemoveAsync(ObjectRef obj, string actorId);
}

[GrainType("access.container")]
public sealed class ContainerGrain(AuditLog audit) : AuditedGrain<ContainerState>(audit), IContainerGrain
{
    private string SelfKey => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<AccessNode>?> ChainAsync(ObjectRef obj)
    {
        if (!State.Nodes.TryGetValue(ObjectKeys.Of(obj), out var node)) return null;
        var chain = new List<AccessNode>();
        for (var current = node; current is not null; current = current.ParentKey is { } up ? State.Nodes[up] : null)
        {
            chain.Add(ToAccessNode(current));
            if (!current.Inherits) return chain;
        }
        if (State.ParentContainerKey is { } parentKey)
        {
            var parent = ObjectKeys.Parse(parentKey);
            chain.AddRange(await GrainFactory.GetGrain<IContainerGrain>(parentKey).ChainAsync(parent) ?? []);
        }
        return chain;
    }

    public Task<AccessNode?> NodeAsync(ObjectRef obj) =>
        Task.FromResult(State.Nodes.TryGetValue(ObjectKeys.Of(obj), out var node) ? ToAccessNode(node) : null);

    public Task RegisterAsync(ObjectRef obj, ObjectRef? parent, Grant creatorGrant, string actorId)
    {
        var key = ObjectKeys.Of(obj);
        if (State.Nodes.ContainsKey(key))
            throw new ConflictException($"{obj} is already registered.");
        var isSelf = key == SelfKey;
        if (!isSelf && !State.Nodes.ContainsKey(ObjectKeys.Of(parent!)))
            throw new NotFoundException($"The parent {parent}");
        var node = new NodeData { Type = obj.Type, Id = obj.Id, ParentKey = isSelf ? null : ObjectKeys.Of(parent!), Grants = [GrantData.From(creatorGrant)] };
        return WriteAsync(
            () =>
            {
                State.Nodes[key] = node;
                if (isSelf) State.ParentContainerKey = parent is null ? null : ObjectKeys.Of(parent);
            },
            new AuditChange(actorId, AuditSubject.Object, key, "registered", null, node.Grants));
    }

    public Task AddChildContainerAsync(ObjectRef child) =>
        State.ChildContainerKeys.Contains(ObjectKeys.Of(child)) ? Task.CompletedTask : WriteAsync(() => State.ChildContainerKeys.Add(ObjectKeys.Of(child)));

    public Task RemoveChildContainerAsync(ObjectRef child) =>
        WriteAsync(() => State.ChildContainerKeys.Remove(ObjectKeys.Of(child)));

    public Task GrantAsync(ObjectRef obj, Grant grant, string actorId)
    {
        var node = Node(obj);
        var before = node.Grants.ToList();
        var after = before.Where(g => !SameGrantee(g, grant.Grantee)).Append(GrantData.From(grant)).ToList();
        return WriteAsync(() => node.Grants = after, new AuditChange(actorId, AuditSubject.Object, ObjectKeys.Of(obj), "shared", before, after));
    }

    public async Task<IReadOnlyList<ObjectRef>> RevokeAsync(ObjectRef obj, Grantee grantee, bool withChildren, string actorId)
    {
        var root = Node(obj);
        var nodes = withChildren ? Subtree(root).ToList() : [root];
        var changed = nodes.Where(n => n.Grants.Any(g => SameGrantee(g, grantee))).ToList();
        foreach (var node in changed)
        {
            var before = node.Grants;
            var after = before.Where(g => !SameGrantee(g, grantee)).ToList();
            await WriteAsync(() => node.Grants = after, new AuditChange(actorId, AuditSubject.Object, ObjectKeys.Of(node.Ref), "unshared", before, after));
        }
        return withChildren && ObjectKeys.Of(obj) == SelfKey ? ChildContainers() : [];
    }

    public Task SetInheritanceAsync(ObjectRef obj, bool inherits, string actorId)
    {
        var node = Node(obj);
        return WriteAsync(() => node.Inherits = inherits,
            new AuditChange(actorId, AuditSubject.Object, ObjectKeys.Of(obj), inherits ? "inheritance on" : "inheritance off", new { inherits = !inherits }, new { inherits }));
    }

    public Task MoveWithinAsync(ObjectRef obj, ObjectRef newParent, string actorId)
    {
        var node = Node(obj);
        var parent = Node(newParent);
        if (Subtree(node).Contains(parent))
            throw new ConflictException($"{obj} cannot move under itself or one of its children.");
        var before = node.ParentKey;
        return WriteAsync(() => node.ParentKey = ObjectKeys.Of(newParent),
            new AuditChange(actorId, AuditSubject.Object, ObjectKeys.Of(obj), "moved", new { parent = before }, new { parent = ObjectKeys.Of(newParent) }));
    }

    public async Task<IReadOnlyList<NodeData>> DetachAsync(ObjectRef obj, string actorId)
    {
        var nodes = Subtree(NotSelf(obj)).ToList();
        await WriteAsync(() => nodes.ForEach(n => State.Nodes.Remove(ObjectKeys.Of(n.Ref))),
            new AuditChange(actorId, AuditSubject.Object, ObjectKeys.Of(obj), "moved out", new { container = SelfKey }, null));
        return nodes;
    }

    public Task AttachAsync(IReadOnlyList<NodeData> nodes, ObjectRef newParent, string actorId)
    {
        var parentKey = ObjectKeys.Of(Node(newParent).Ref);
        return WriteAsync(
            () =>
            {
                nodes[0].ParentKey = parentKey;
                foreach (var node in nodes) State.Nodes[ObjectKeys.Of(node.Ref)] = node;
            },
            new AuditChange(actorId, AuditSubject.Object, ObjectKeys.Of(nodes[0].Ref), "moved in", null, new { container = SelfKey, parent = parentKey }));
    }

    public Task<ObjectRef?> ParentContainerAsync() =>
        Task.FromResult(State.ParentContainerKey is { } key ? ObjectKeys.Parse(key) : null);

    public async Task<ObjectRef?> SetParentContainerAsync(ObjectRef? parent, string actorId)
    {
        var before = State.ParentContainerKey;
        var after = parent is null ? null : ObjectKeys.Of(parent);
        await WriteAsync(() => State.ParentContainerKey = after,
            new AuditChange(actorId, AuditSubject.Object, SelfKey, "moved", new { parent = before }, new { parent = after }));
        return before is null ? null : ObjectKeys.Parse(before);
    }

    public async Task<IReadOnlyList<ObjectRef>> RemoveAsync(ObjectRef obj, string actorId)
    {
        var key = ObjectKeys.Of(obj);
        if (!State.Nodes.ContainsKey(key)) return [];
        if (key != SelfKey)
        {
            var nodes = Subtree(State.Nodes[key]).ToList();
            await WriteAsync(() => nodes.ForEach(n => State.Nodes.Remove(ObjectKeys.Of(n.Ref))),
                new AuditChange(actorId, AuditSubject.Object, key, "removed", nodes.Select(n => ObjectKeys.Of(n.Ref)), null));
            return [];
        }
        var children = ChildContainers();
        var removed = State.Nodes.Keys.ToList();
        await WriteAsync(() => State = new ContainerState(), new AuditChange(actorId, AuditSubject.Object, key, "removed", removed, null));
        return children;
    }

    private IReadOnlyList<ObjectRef> ChildContainers() => [.. State.ChildContainerKeys.Select(ObjectKeys.Parse)];

    private NodeData Node(ObjectRef obj) =>
        State.Nodes.GetValueOrDefault(ObjectKeys.Of(obj)) ?? throw new NotFoundException($"The object {obj}");

    private NodeData NotSelf(ObjectRef obj) =>
        ObjectKeys.Of(obj) == SelfKey ? throw new InvalidOperationException("A container moves by changing its parent container.") : Node(obj);

    /// <summary>The node and every node below it in this container, the node first.</summary>
    private IEnumerable<NodeData> Subtree(NodeData root)
    {
        var below = State.Nodes.Values.ToLookup(n => n.ParentKey);
        var pending = new Stack<NodeData>([root]);
        while (pending.TryPop(out var node))
        {
            yield return node;
            foreach (var child in below[ObjectKeys.Of(node.Ref)]) pending.Push(child);
        }
    }

    private static bool SameGrantee(GrantData grant, Grantee grantee) => grant.Kind == grantee.Kind && grant.GranteeId == grantee.Id;

    private static AccessNode ToAccessNode(NodeData node) => new(node.Ref, [.. node.Grants.Select(g => g.ToGrant())], node.Inherits);

    private Task WriteAsync(Action change, AuditChange? audited = null)
    {
        change();
        return WriteAuditedAsync(audited);
    }
}
