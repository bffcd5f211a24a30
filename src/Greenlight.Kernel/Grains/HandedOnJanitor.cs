using Greenlight.Kernel.Modules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenlight.Kernel.Grains;

/// <summary>Hourly, forgets the ids of messages handed on longer ago than <see cref="GrainOptions.HandedOnRetention"/>.</summary>
public sealed class HandedOnJanitor(RecordedMessageDelivery delivery, TimeProvider clock, IOptions<GrainOptions> options, ILogger<HandedOnJanitor> logger)
    : PeriodicChore(TimeSpan.FromHours(1), logger)
{
    protected override string Doing => "forget old handed-on message ids";

    protected override Task RunOnceAsync(CancellationToken stoppingToken) =>
        delivery.ForgetBeforeAsync(clock.GetUtcNow() - options.Value.HandedOnRetention, stoppingToken);
}
