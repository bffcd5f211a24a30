using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Grains.Snapshots;
using MediatR;
using Greenlight.Modules.Access.Audit;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Organization;
using Greenlight.Modules.Access.Sharing;
using Greenlight.Modules.Access.Users;

namespace Greenlight.Modules.Access.Grains;

/// <summary>The state of a grain whose snapshot every silo may hold: its version moves on with every write, and survives removals.</summary>
[GenerateSerializer, Alias("access.versioned-state")]
public abstract class VersionedState : DurableState
{
    [Id(0)]
    public long Version { get; set; }
}

/// <summary>
/// A grain of this module: every state write records its audit entry with it, and before the write's
/// caller is answered every silo has dropped its older copies of the grain's snapshot
/// (<see cref="AccessSnapshots"/>), so the next check anywhere sees the change.
/// </summary>
public abstract class AuditedGrain<TState>(AuditLog audit, SnapshotInvalidation invalidation) : DurableGrain<TState> where TState : VersionedState, new()
{
    /// <summary>The key of this grain's snapshot in <see cref="SiloSnapshots"/> (see <see cref="AccessSnapshots"/>).</summary>
    protected abstract string SnapshotKey { get; }

    /// <summary>The grain's current snapshot for the silos' caches, tagged with the state's version.</summary>
    protected Snapshot<T> SnapshotOf<T>(T value) => new(State.Version, value);

    /// <summary>
    /// Writes the state (already changed in memory) with the audit entry of <paramref name="change"/> and the
    /// <paramref name="messages"/>. When the write fails the activation is dropped, as its in-memory state holds a change that was not stored.
    /// </summary>
    protected async Task WriteAuditedAsync(AuditChange? change, params INotification[] messages)
    {
        if (change is not null) Record(audit.Entry(change));
        foreach (var message in messages) Record(message);
        State.Version++;
        await WriteStateAsync();
        await invalidation.InvalidateEverywhereAsync(SnapshotKey, State.Version);
    }
}

/// <summary>Where the module's grains are found.</summary>
public static class AccessGrains
{
    public static IDirectoryGrain Directory(this IGrainFactory grains) => grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key);

    public static IUserGrain User(this IGrainFactory grains, string userId) => grains.GetGrain<IUserGrain>(userId);

    public static ISecuredObjectGrain SecuredObject(this IGrainFactory grains, ObjectRef obj) => grains.SecuredObject(ObjectKeys.Of(obj));

    public static ISecuredObjectGrain SecuredObject(this IGrainFactory grains, string objectKey) => grains.GetGrain<ISecuredObjectGrain>(objectKey);
}
