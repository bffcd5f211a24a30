using Greenlight.Kernel.Grains;
using MediatR;
using Greenlight.Modules.Access.Audit;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Organization;
using Greenlight.Modules.Access.Sharing;
using Greenlight.Modules.Access.Users;

namespace Greenlight.Modules.Access.Grains;

/// <summary>A grain of this module: every state write records its audit entry with it.</summary>
public abstract class AuditedGrain<TState>(AuditLog audit) : DurableGrain<TState> where TState : DurableState, new()
{
    /// <summary>
    /// Writes the state (already changed in memory) with the audit entry of <paramref name="change"/> and the
    /// <paramref name="messages"/>. When the write fails the activation is dropped, as its in-memory state holds a change that was not stored.
    /// </summary>
    protected Task WriteAuditedAsync(AuditChange? change, params INotification[] messages)
    {
        if (change is not null) Record(audit.Entry(change));
        foreach (var message in messages) Record(message);
        return WriteStateAsync();
    }
}

/// <summary>Where the module's grains are found.</summary>
public static class AccessGrains
{
    public static IDirectoryGrain Directory(this IGrainFactory grains) => grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key);

    public static IUserGrain User(this IGrainFactory grains, string userId) => grains.GetGrain<IUserGrain>(userId);

    public static IContainerGrain Container(this IGrainFactory grains, ObjectRef container) => grains.GetGrain<IContainerGrain>(ObjectKeys.Of(container));
}
