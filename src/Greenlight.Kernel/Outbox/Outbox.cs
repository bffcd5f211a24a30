using MediatR;
using Greenlight.Kernel.Storage;

namespace Greenlight.Kernel.Outbox;

/// <summary>
/// Durable delivery of notifications to their handlers: a message is written in the transaction of
/// the change that caused it, then delivered at least once to each <see cref="INotificationHandler{T}"/>
/// of its type, each handler on its own (one failing handler does not replay the others).
/// A message with a due time waits until then (a job to try again later).
/// </summary>
public interface IOutbox
{
    /// <summary>Adds the message in <paramref name="tx"/>: it exists if and only if the transaction commits.</summary>
    Task EnqueueAsync(IStoreTransaction tx, INotification message, DeliveryOptions? options = null);
}

/// <param name="DueAt">Not delivered before this time (a job to try again later: timers are Orleans reminders); now when null.</param>
/// <param name="DeduplicationKey">At most one undelivered message per handler carries this key; enqueuing it again is a no-op.</param>
public sealed record DeliveryOptions(DateTimeOffset? DueAt = null, string? DeduplicationKey = null);

public static class OutboxExtensions
{
    /// <summary>Enqueues in a transaction of its own, for callers with no state change to join.</summary>
    public static Task EnqueueAsync(this IOutbox outbox, IStore store, INotification message, DeliveryOptions? options = null, CancellationToken cancellationToken = default) =>
        store.InTransactionAsync(tx => outbox.EnqueueAsync(tx, message, options), cancellationToken);
}
