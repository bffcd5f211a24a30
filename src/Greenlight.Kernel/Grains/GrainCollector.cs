using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Greenlight.Kernel.Grains;

/// <summary>Deactivates idle activations on a timer, and all of them when the host stops.</summary>
public sealed class GrainCollector(GrainRuntime runtime, IOptions<GrainRuntimeOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await runtime.CollectIdleAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await runtime.DeactivateAllAsync(DeactivationReason.ShuttingDown);
    }
}
