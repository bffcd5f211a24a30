using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Permissions;

namespace Greenlight.Modules.Access.Sharing;

/// <summary>Where an object sits, as far up as the root.</summary>
/// <param name="Chain">The object and the ancestors it inherits from, as the resolver takes them: up to the first that does not inherit.</param>
/// <param name="Path">The object and every ancestor, up to the root.</param>
public sealed record Lineage(IReadOnlyList<AccessNode> Chain, IReadOnlyList<ObjectRef> Path)
{
    public AccessNode Node => Chain[0];
}

/// <summary>The work tree as this silo's snapshots of the secured objects show it: a warm walk makes no grain call.</summary>
public sealed class SecuredTree(AccessSnapshots snapshots)
{
    /// <summary>Deeper than any tree the type rules allow in practice; a walk this long went round a cycle.</summary>
    private const int MaxDepth = 256;

    /// <summary>
    /// The object's chain; null when it is not registered, when an ancestor is not (it was removed with everything
    /// below it), or when the nearest container at or above it is not <see cref="SecuredRef.Container"/> (it was moved out).
    /// </summary>
    public async ValueTask<Lineage?> LineageAsync(SecuredRef target)
    {
        var chain = new List<AccessNode>(4);
        var path = new List<ObjectRef>(4);
        ObjectRef? container = null;
        var inheriting = true;
        for (var key = ObjectKeys.Of(target.Object); key is not null && path.Count < MaxDepth;)
        {
            var (node, parentKey) = await snapshots.SecuredObjectAsync(key);
            if (node is null) return null;
            path.Add(node.Object);
            if (inheriting) chain.Add(node);
            inheriting &= node.InheritsFromParent;
            if (container is null && ObjectKeys.IsContainerType(node.Object.Type)) container = node.Object;
            key = parentKey;
            if (key is null) return container == target.Container ? new Lineage(chain, path) : null;
        }
        return null;
    }

    /// <summary>
    /// The object with the nearest container at or above it (where pages are addressed by the object alone); null when it is not
    /// registered. Says nothing of rights: the request sent with it checks them.
    /// </summary>
    public async ValueTask<SecuredRef?> LocateAsync(ObjectRef obj)
    {
        var key = ObjectKeys.Of(obj);
        for (var depth = 0; key is not null && depth < MaxDepth; depth++)
        {
            var (node, parentKey) = await snapshots.SecuredObjectAsync(key);
            if (node is null) return null;
            if (ObjectKeys.IsContainerType(node.Object.Type)) return new SecuredRef(obj, node.Object);
            key = parentKey;
        }
        return null;
    }
}
