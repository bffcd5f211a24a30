// Host tests start hosts, host processes and clusters; on a 2-core machine running test classes side
// by side only starves them (and a starved silo misses the cluster's liveness probes).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
