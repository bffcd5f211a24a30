using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenlight.Kernel.Grains;

/// <summary>Hourly, forgets the ids of messages handed on longer ago than <see cref="GrainOptions.HandedOnRetention"/>.</summary>
public sealed class HandedOnJanitor(RecordedMessageDelivery delivery, TimeProvider clock, IOptions<GrainOptions> options, ILogger<HandedOnJanitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        try
        {
            do
            {
                await ForgetOldAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ForgetOldAsync(CancellationToken stoppingToken)
    {
        try
        {
            await delivery.ForgetBeforeAsync(clock.GetUtcNow() - options.Value.HandedOnRetention, stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not forget old handed-on message ids; trying again in an hour");
        }
    }
}
