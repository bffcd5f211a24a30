using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Kernel.Modules;

/// <summary>
/// Tidying every host does at an interval, from start-up on (a module's subclass is found by the scan like any hosted
/// service). A failed run is logged and tried again at the next tick: tidying that waits loses nothing.
/// </summary>
public abstract class PeriodicChore(TimeSpan interval, ILogger logger) : BackgroundService
{
    /// <summary>What the chore does, for the log line of a failed run ("delete expired sessions").</summary>
    protected abstract string Doing { get; }

    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                await TryRunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TryRunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not {Chore}; trying again in {Interval}", Doing, interval);
        }
    }
}
