using Greenlight.Kernel.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Greenlight.Host.Health;

/// <summary>Ready when the store answers a query.</summary>
public sealed class StoreHealthCheck(IStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            await connection.ScalarAsync<long>("SELECT 1");
            return HealthCheckResult.Healthy($"{store.Dialect} store answers.");
        }
        catch (Exception error)
        {
            return HealthCheckResult.Unhealthy($"{store.Dialect} store does not answer.", error);
        }
    }
}
