using Greenlight.Kernel.Errors;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Modules.Access.Sharing;

public sealed record InheritedGrant(Grantee Grantee, Permission Permission, ObjectRef From);

/// <summary>An object's grants: its own, and those it inherits (none when inheritance is off).</summary>
/// <param name="Ancestors">Where the object sits: its parent first, up to the top.</param>
public sealed record ObjectShares(ObjectRef Object, bool InheritsFromParent, IReadOnlyList<Grant> Explicit, IReadOnlyList<InheritedGrant> Inherited, IReadOnlyList<ObjectRef> Ancestors)
{
    public static async Task<ObjectShares> ReadAsync(SecuredTree tree, SecuredRef target)
    {
        var (chain, path) = await tree.LineageAsync(target) ?? throw new NotFoundException($"The object {target}");
        return new ObjectShares(target.Object, chain[0].InheritsFromParent, chain[0].Grants,
            [.. chain.Skip(1).SelectMany(node => node.Grants.Select(g => new InheritedGrant(g.Grantee, g.Permission, node.Object)))], [.. path.Skip(1)]);
    }
}

/// <summary>Where objects may sit: a container under a container (or at top level), anything else under a parent of its own container.</summary>
public static class Placement
{
    /// <summary>Why <paramref name="obj"/> cannot sit under <paramref name="parent"/>; null when it can.</summary>
    /// <param name="moving">A moved object may change container: its parent may be in another one.</param>
    public static string? Error(SecuredRef obj, SecuredRef? parent, bool moving = false)
    {
        if (!ObjectKeys.IsContainerType(obj.Container.Type))
            return $"A {obj.Container.Type} is not a container; objects sit in a portfolio, program or project.";
        var isContainer = obj.Object == obj.Container;
        if (isContainer != ObjectKeys.IsContainerType(obj.Object.Type))
            return isContainer ? $"A {obj.Object.Type} sits in a container." : $"A {obj.Object.Type} is its own container.";
        if (parent is null)
            return isContainer ? null : $"A {obj.Object.Type} needs a parent.";
        if (isContainer ? parent.Object != parent.Container : parent.Container != obj.Container && !moving)
            return isContainer ? "A container's parent is a portfolio or program." : "The parent must be in the object's own container.";
        return ObjectTypeRules.CanContain(parent.Object.Type, obj.Object.Type) ? null : $"A {parent.Object.Type} cannot contain a {obj.Object.Type}.";
    }
}
