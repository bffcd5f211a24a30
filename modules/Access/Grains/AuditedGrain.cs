using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Audit;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Organization;
using Greenlight.Modules.Access.Sharing;
using Greenlight.Modules.Access.Users;

namespace Greenlight.Modules.Access.Grains;

/// <summary>A grain of this module: every state write carries its audit entry in the same transaction.</summary>
public abstract class AuditedGrain<TState>(AuditLog audit) : Grain<TState> where TState : class, new()
{
    /// <summary>
    /// Writes the state (already changed in memory) with <paramref name="change"/> and <paramref name="alsoInTransaction"/>.
    /// When the write fails the activation is dropped, as its in-memory state holds a change that did not commit.
    /// </summary>
    protected async Task WriteAuditedAsync(AuditChange? change, Func<IStoreTransaction, Task>? alsoInTransaction = null)
    {
        try
        {
            await WriteStateAsync(async tx =>
            {
                if (change is not null) await audit.RecordAsync(tx, change);
                if (alsoInTransaction is not null) await alsoInTransaction(tx);
            });
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}

/// <summary>Where the module's grains are found.</summary>
public static class AccessGrains
{
    public static IDirectoryGrain Directory(this IGrainFactory grains) => grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key);

    public static IUserGrain User(this IGrainFactory grains, string userId) => grains.GetGrain<IUserGrain>(userId);

    public static IContainerGrain Container(this IGrainFactory grains, ObjectRef container) => grains.GetGrain<IContainerGrain>(ObjectKeys.Of(container));
}
