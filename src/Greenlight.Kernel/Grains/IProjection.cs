using Greenlight.Kernel.Storage;
using MediatR;

namespace Greenlight.Kernel.Grains;

/// <summary>
/// Applies a message a grain recorded to the module's own tables (query rows, audit entries), in
/// the transaction that hands the message on; runs exactly once per message, before the grain call
/// that recorded it returns. Found by the module scan. Anything that may fail for reasons outside
/// the store (e-mail, HTTP) belongs in an <see cref="INotificationHandler{T}"/>, delivered by the outbox.
/// </summary>
public interface IProjection<in TMessage> where TMessage : INotification
{
    Task ApplyAsync(TMessage message, IStoreTransaction tx);
}
