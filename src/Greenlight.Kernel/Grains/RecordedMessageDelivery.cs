using System.Collections.Concurrent;
using Greenlight.Kernel.Messages;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Storage;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Kernel.Grains;

/// <summary>
/// Hands on the messages grains recorded with their state, exactly once in effect: in one
/// transaction, every message not handed on before is logged by id, applied to its
/// <see cref="IProjection{TMessage}"/>s and queued in the outbox for its notification handlers.
/// A message handed on again (a retry, or a redelivery after a crash) changes nothing.
/// </summary>
public sealed class RecordedMessageDelivery(IStore store, IOutbox outbox, MessageCatalog catalog, IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, INotification, IStoreTransaction, Task>> Projectors = new();

    public Task HandOnAsync(IReadOnlyList<RecordedMessage> messages, CancellationToken cancellationToken = default) =>
        store.InTransactionAsync(async tx =>
        {
            await using var scope = scopes.CreateAsyncScope();
            foreach (var recorded in messages)
            {
                var first = await tx.ExecuteAsync(
                    "INSERT INTO handed_on_messages (id, handed_on_at) VALUES (@id, @at) ON CONFLICT DO NOTHING",
                    ("id", recorded.Id), ("at", clock.GetUtcNow().ToUnixTimeMilliseconds()));
                if (first == 0) continue;
                var message = catalog.Deserialize(recorded.Type, recorded.Payload);
                await Projectors.GetOrAdd(message.GetType(), ProjectorFor)(scope.ServiceProvider, message, tx);
                await outbox.EnqueueAsync(tx, message, recorded.Delivery);
            }
        }, cancellationToken);

    /// <summary>Forgets ids handed on before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> ForgetBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        store.InTransactionAsync(tx => tx.ExecuteAsync(
            "DELETE FROM handed_on_messages WHERE handed_on_at < @cutoff", ("cutoff", cutoff.ToUnixTimeMilliseconds())), cancellationToken);

    private static Func<IServiceProvider, INotification, IStoreTransaction, Task> ProjectorFor(Type messageType) =>
        (Func<IServiceProvider, INotification, IStoreTransaction, Task>)typeof(RecordedMessageDelivery)
            .GetMethod(nameof(ApplyProjectionsAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(messageType)
            .CreateDelegate(typeof(Func<IServiceProvider, INotification, IStoreTransaction, Task>));

    private static async Task ApplyProjectionsAsync<TMessage>(IServiceProvider services, INotification message, IStoreTransaction tx)
        where TMessage : INotification
    {
        foreach (var projection in services.GetServices<IProjection<TMessage>>()) await projection.ApplyAsync((TMessage)message, tx);
    }
}
