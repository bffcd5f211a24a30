using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Messages;
using MediatR;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Telemetry;
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

    /// <summary>
    /// Keeps up to <see cref="OutboxOptions.Concurrency"/> deliveries in flight, claiming more as
    /// slots free up, so one slow handler does not hold back the messages claimed with it.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                var free = options.Value.Concurrency - inFlight.Count;
                var claimed = free > 0 ? await outbox.ClaimAsync(Math.Min(free, options.Value.BatchSize), stoppingToken) : [];
                inFlight.AddRange(claimed.Select(envelope => DeliverAsync(envelope, stoppingToken)));
                if (claimed.Count > 0 && claimed.Count == free) await Task.WhenAny(inFlight);
                else if (claimed.Count == 0) await Task.WhenAny([signal.WaitAsync(options.Value.PollInterval, stoppingToken), .. inFlight]);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                // The store is unreachable: nothing is lost (messages stay in it), so wait and try again.
                logger.LogError(error, "Outbox dispatch failed; retrying");
                await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        // Deliveries in flight finish, or hand their message back, before the host stops.
        await Task.WhenAll(inFlight);
    }

    private async Task DeliverAsync(OutboxEnvelope envelope, CancellationToken stoppingToken)
    {
        var kind = KernelMetrics.Kind(envelope.MessageType);
        KernelMetrics.JobsInFlight.Add(1, kind);
        using var span = StartSpan(envelope);
        try
        {
            var failure = await HandleAsync(envelope, stoppingToken);
            span?.SetStatus(failure is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, failure?.GetType().Name);
            if (failure is null)
            {
                await outbox.CompleteAsync(envelope);
                KernelMetrics.JobsCompleted.Add(1, kind);
            }
            else if (failure is OperationCanceledException && stoppingToken.IsCancellationRequested)
            {
                await outbox.ReleaseAsync(envelope);
            }
            else
            {
                logger.LogWarning(failure, "Delivery of outbox message {MessageId} ({MessageType} to {HandlerType}) failed, attempt {Attempt}",
                    envelope.Id, envelope.MessageType, envelope.HandlerType, envelope.Attempts + 1);
                // A job that failed only because the cluster was changing is tried again until a survivor takes it: it is never parked for that.
                await outbox.FailAsync(envelope, $"{failure.GetType().Name}: {failure.Message}", mayPark: !ClusterChange.Caused(failure));
            }
        }
        catch (Exception storeError)
        {
            // The outcome could not be recorded: the claim lapses and the message is delivered again.
            logger.LogError(storeError, "Could not record the outcome of outbox message {MessageId}", envelope.Id);
        }
        finally
        {
            KernelMetrics.JobsInFlight.Add(-1, kind);
        }
    }

    /// <summary>
    /// The job's span starts a trace of its own (a job runs later, maybe on another host, maybe more than once),
    /// linked to the span of the work that queued it: a trace viewer follows the link from the request to its jobs.
    /// </summary>
    private static Activity? StartSpan(OutboxEnvelope envelope)
    {
        Activity.Current = null;
        ActivityLink[]? links = ActivityContext.TryParse(envelope.TraceParent, null, out var queuedBy) ? [new ActivityLink(queuedBy)] : null;
        var span = GreenlightTelemetry.Source.StartActivity(ActivityKind.Consumer, parentContext: default, links: links, name: $"outbox {envelope.MessageType}");
        span?.SetTag(KernelMetrics.KindTag, envelope.MessageType);
        span?.SetTag("greenlight.job.handler", envelope.HandlerType);
        span?.SetTag("greenlight.job.attempt", envelope.Attempts + 1);
        return span;
    }

    /// <summary>Runs the handler in a scope of its own as the system principal; returns what it threw, or null.</summary>
    private async Task<Exception?> HandleAsync(OutboxEnvelope envelope, CancellationToken stoppingToken)
    {
        try
        {
            if (!registry.TryResolve(envelope.MessageType, envelope.HandlerType, out var types))
                throw new InvalidOperationException($"No handler {envelope.HandlerType} for {envelope.MessageType} is loaded on this host.");
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentPrincipal>().Set(Principal.System);
            var handler = ActivatorUtilities.CreateInstance(scope.ServiceProvider, types.Handler);
            var message = JsonSerializer.Deserialize(envelope.Payload, types.Message, MessageCatalog.Json)!;
            var handle = HandleMethods.GetOrAdd(types.Message, static m => typeof(INotificationHandler<>).MakeGenericType(m).GetMethod("Handle")!);
            await (Task)handle.Invoke(handler, [message, stoppingToken])!;
            return null;
        }
        catch (Exception error)
        {
            return error is TargetInvocationException { InnerException: { } inner } ? inner : error;
        }
    }
}
