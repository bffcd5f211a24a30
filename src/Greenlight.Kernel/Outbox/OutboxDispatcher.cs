using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Mediator;
using Greenlight.Kernel.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenlight.Kernel.Outbox;

/// <summary>Claims due messages and delivers each to its handler in a scope of its own, as the system principal.</summary>
public sealed class OutboxDispatcher(
    SqlOutbox outbox,
    OutboxRegistry registry,
    OutboxSignal signal,
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly ConcurrentDictionary<Type, MethodInfo> HandleMethods = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await outbox.ClaimAsync(options.Value.BatchSize, stoppingToken);
                if (claimed.Count == 0)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                    continue;
                }
                await Parallel.ForEachAsync(claimed,
                    new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency },
                    (envelope, _) => new ValueTask(DeliverAsync(envelope, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The store is unreachable: nothing is lost (messages stay in it), so wait and try again.
                logger.LogError(error, "Outbox dispatch failed; retrying");
                await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task DeliverAsync(OutboxEnvelope envelope, CancellationToken stoppingToken)
    {
        try
        {
            if (!registry.TryResolve(envelope.MessageType, envelope.HandlerType, out var types))
                throw new InvalidOperationException($"No handler {envelope.HandlerType} for {envelope.MessageType} is loaded on this host.");
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentPrincipal>().Set(Principal.System);
            var handler = ActivatorUtilities.CreateInstance(scope.ServiceProvider, types.Handler);
            var message = JsonSerializer.Deserialize(envelope.Payload, types.Message, GrainJson.Options)!;
            var handle = HandleMethods.GetOrAdd(types.Message, static m => typeof(INotificationHandler<>).MakeGenericType(m).GetMethod("Handle")!);
            await (Task)handle.Invoke(handler, [message, stoppingToken])!;
            await outbox.CompleteAsync(envelope);
        }
        catch (Exception error)
        {
            var cause = error is TargetInvocationException { InnerException: { } inner } ? inner : error;
            if (cause is OperationCanceledException && stoppingToken.IsCancellationRequested)
            {
                await outbox.ReleaseAsync(envelope);
                return;
            }
            logger.LogWarning(cause, "Delivery of outbox message {MessageId} ({MessageType} to {HandlerType}) failed, attempt {Attempt}",
                envelope.Id, envelope.MessageType, envelope.HandlerType, envelope.Attempts + 1);
            await outbox.FailAsync(envelope, $"{cause.GetType().Name}: {cause.Message}");
        }
    }
}
