using Orleans.Runtime;

namespace Greenlight.Kernel.Errors;

/// <summary>
/// Failures that say the cluster is changing — a silo died or is being declared dead while it held a grain the work
/// needed — not that the work is wrong: once a survivor holds the grain (seconds), the same call succeeds.
/// </summary>
public static class ClusterChange
{
    public static bool Caused(Exception failure) =>
        failure is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException;
}
