using Orleans.Runtime;
using Orleans.Storage;

namespace Greenlight.Kernel.Errors;

/// <summary>
/// Failures that say the cluster is changing — a silo died or is being declared dead while it held a grain the work
/// needed, or a second activation of a grain met the first one's write while the dead silo was being declared dead
/// (the write was refused, nothing changed) — not that the work is wrong: once a survivor holds the grain (seconds),
/// the same call succeeds.
/// </summary>
public static class ClusterChange
{
    public static bool Caused(Exception failure) =>
        failure is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException or InconsistentStateException;
}
