namespace Greenlight.Kernel.Outbox.ParkedMessages;

/// <summary>
/// Work a module keeps outside the outbox that is stuck: given up on after its tries, or waiting for an operator. Listed
/// with the outbox's parked messages in the one operator view (<c>GET /admin/outbox/parked</c>) and tried again through
/// it (<c>POST /admin/outbox/parked/{id}/retry</c>), so that nothing stuck is visible only in a module's own views.
/// A module registers its source in its <c>IModule.ConfigureServices</c>.
/// </summary>
public interface IStuckWorkSource
{
    /// <summary>The newest <paramref name="limit"/> stuck items, as parked messages: <see cref="ParkedMessage.LastError"/> says what blocks each.</summary>
    Task<IReadOnlyList<ParkedMessage>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Tries the item again; false when <paramref name="id"/> is none of this source's items.</summary>
    Task<bool> RetryAsync(string id, CancellationToken cancellationToken);
}
