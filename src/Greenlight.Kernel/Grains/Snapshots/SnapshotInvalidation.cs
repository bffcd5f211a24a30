using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Greenlight.Kernel.Grains.Snapshots;

/// <summary>What an owning grain calls after a write: every active silo drops its copies older than the new version.</summary>
public sealed class SnapshotInvalidation(
    IGrainFactory grains, IClusterMembershipService membership, IOptions<GrainOptions> options, ILogger<SnapshotInvalidation> logger)
{
    public Task InvalidateEverywhereAsync(string key, long version) =>
        Task.WhenAll(membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .Select(member => InvalidateOnAsync(member.SiloAddress, key, version)));

    private async Task InvalidateOnAsync(SiloAddress silo, string key, long version)
    {
        try
        {
            await grains.GetGrain<ISiloSnapshotsGrain>(silo.ToParsableString()).InvalidateAsync(key, version)
                .WaitAsync(options.Value.SnapshotInvalidationTimeout);
        }
        catch (Exception error)
        {
            // A silo that cannot be reached is dead or about to be declared dead (and then stops itself), and its copies with it.
            logger.LogWarning(error, "Silo {Silo} did not drop its copy of {Key}; it is unreachable", silo, key);
        }
    }
}

[Alias("greenlight.silo-snapshots")]
public interface ISiloSnapshotsGrain : IGrainWithStringKey
{
    [Alias("invalidate")]
    Task InvalidateAsync(string key, long version);
}

/// <summary>One per silo (its key is the silo's address, and it is placed there): the door to that silo's <see cref="SiloSnapshots"/>.</summary>
[GrainType("greenlight.silo-snapshots"), SiloKeyedPlacement, Orleans.Concurrency.Reentrant]
public sealed class SiloSnapshotsGrain(SiloSnapshots snapshots) : Grain, ISiloSnapshotsGrain
{
    public Task InvalidateAsync(string key, long version)
    {
        snapshots.Invalidate(key, version);
        return Task.CompletedTask;
    }
}
