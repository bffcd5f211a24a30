namespace Greenlight.Kernel.Composition;

/// <summary>
/// Section <c>Cluster</c>: this host's silo. On the embedded store it is a cluster of one; on
/// PostgreSQL every host sharing the database joins one cluster through its membership table.
/// </summary>
public sealed class GreenlightClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>The port silos talk to each other on; give each host on one machine its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The address other silos reach this one at (this machine's address on the cluster's network).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Names the cluster and the stored state; hosts with the same ids on one database are one cluster.</summary>
    public string ClusterId { get; set; } = "greenlight";

    public string ServiceId { get; set; } = "greenlight";

    /// <summary>Serve the Orleans dashboard at <c>/admin/dashboard</c> (System Administrators only).</summary>
    public bool Dashboard { get; set; } = true;
}
