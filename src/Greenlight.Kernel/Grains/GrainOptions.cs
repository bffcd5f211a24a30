namespace Greenlight.Kernel.Grains;

/// <summary>Section <c>Grains</c>: how grains live and how their recorded messages are recovered.</summary>
public sealed class GrainOptions
{
    public const string Section = "Grains";

    /// <summary>An activation unused this long is deactivated (Orleans's grain collection age).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How soon a grain that stored messages and died before handing them on is woken to hand them on
    /// (the period of its redelivery reminder; Orleans's minimum reminder period follows it down).
    /// </summary>
    public TimeSpan RedeliveryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the ids of handed-on messages are kept to recognize a repeat; far longer than any redelivery takes.</summary>
    public TimeSpan HandedOnRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Entries kept in this silo's snapshot cache; above it, some go (a memory bound) and are fetched again when read.</summary>
    public int SnapshotCapacity { get; set; } = 200_000;

    /// <summary>
    /// How long a silo that joined the cluster serves snapshots without keeping copies: until every other silo's view of the
    /// cluster includes it (membership spreads by gossip and table reads, every few seconds), their writes might not reach it.
    /// </summary>
    public TimeSpan SnapshotWarmUp { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a write waits for another silo to drop its copy of a snapshot; a silo that does not answer is being declared dead.</summary>
    public TimeSpan SnapshotInvalidationTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
