using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Greenlight.Kernel.Grains.Snapshots;

/// <summary>Places a grain on the silo whose address is its key: a per-silo grain that others can reach by address.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("greenlight.silo-keyed-placement")]
public sealed class SiloKeyedPlacement : PlacementStrategy
{
    public static readonly SiloKeyedPlacement Instance = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloKeyedPlacementAttribute() : PlacementAttribute(SiloKeyedPlacement.Instance);

public sealed class SiloKeyedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        var silo = context.GetCompatibleSilos(target).FirstOrDefault(s => s.ToParsableString() == key)
            ?? throw new SiloUnavailableException($"Silo {key} is not in the cluster.");
        return Task.FromResult(silo);
    }
}
