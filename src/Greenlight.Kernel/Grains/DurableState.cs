using Greenlight.Kernel.Messages;
using Greenlight.Kernel.Outbox;
using MediatR;

namespace Greenlight.Kernel.Grains;

/// <summary>
/// Base of the state of a <see cref="DurableGrain{TState}"/>: besides the module's own data it
/// carries the messages recorded by the last change that were not yet handed on, so that a change
/// and its consequences are stored in one write.
/// </summary>
[GenerateSerializer, Alias("greenlight.durable-state")]
public abstract class DurableState
{
    [Id(0)]
    public List<RecordedMessage> Unsent { get; set; } = [];
}

/// <summary>A message a grain recorded with its state: stored by name and JSON, so it outlives renames of its class.</summary>
[GenerateSerializer, Immutable, Alias("greenlight.recorded-message")]
public sealed record RecordedMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string Payload,
    [property: Id(3)] DateTimeOffset? DueAt = null,
    [property: Id(4)] string? DeduplicationKey = null)
{
    public static RecordedMessage Of(INotification message, DeliveryOptions? delivery) =>
        new(Guid.NewGuid().ToString("N"), MessageCatalog.Name(message.GetType()),
            System.Text.Json.JsonSerializer.Serialize(message, message.GetType(), MessageCatalog.Json),
            delivery?.DueAt, delivery?.DeduplicationKey);

    public DeliveryOptions Delivery => new(DueAt, DeduplicationKey);
}
