using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Greenlight.Host.Health;

/// <summary>Ready when this host's silo is an active member of the cluster, so grain calls are served.</summary>
public sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {silo.SiloAddress} is {silo.CurrentStatus}."));
}
