using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Greenlight.Kernel.Grains.Snapshots;

/// <summary>
/// This silo's copies of grain-owned snapshots, so hot reads (every access check) make no grain call.
/// The owning grain keeps them current: after each write it calls <see cref="SnapshotInvalidation"/>,
/// which reaches every silo and drops older copies before the write's caller is answered.
/// </summary>
/// <param name="membership">With <paramref name="localSilo"/>: copies are kept only once this silo has been an active member
/// for <see cref="GrainOptions.SnapshotWarmUp"/>, by when every other silo's view of the cluster includes it, so their
/// invalidations reach it. Without them (a cache outside a silo) copies are kept at once.</param>
public sealed class SiloSnapshots(
    IOptions<GrainOptions> options, TimeProvider clock, IClusterMembershipService? membership = null, ILocalSiloDetails? localSilo = null)
{
    private readonly ConcurrentDictionary<string, Snapshot<object>> _entries = new(StringComparer.Ordinal);

    // Moves on at every invalidation: a fetch that overlapped one keeps nothing, as it cannot tell
    // whether what it fetched is older than what was invalidated.
    private long _epoch;

    // When this silo may start keeping copies (null: not yet seen active); a cache outside a silo keeps them at once.
    private DateTimeOffset? _keepingFrom = membership is null ? DateTimeOffset.MinValue : null;

    private int _missesSinceSizeCheck;

    public int Count => _entries.Count;

    /// <summary>The cached copy, or the owner's current one (fetched, and kept unless an invalidation overlapped the fetch).</summary>
    public async ValueTask<T> GetAsync<T>(string key, Func<Task<Snapshot<T>>> fetch) where T : class =>
        (await FindAsync<T>(key, async () => await fetch()))!;

    /// <summary>As <see cref="GetAsync{T}"/>, for a fetch that may find nothing: nothing is returned, and nothing kept.</summary>
    public async ValueTask<T?> FindAsync<T>(string key, Func<Task<Snapshot<T>?>> fetch) where T : class
    {
        if (_entries.TryGetValue(key, out var cached) && cached.Value is T value) return value;
        var started = Interlocked.Read(ref _epoch);
        if (await fetch() is not { } fetched) return null;
        if (Interlocked.Read(ref _epoch) != started || !Warm()) return fetched.Value;
        var kept = _entries.AddOrUpdate(key, new Snapshot<object>(fetched.Version, fetched.Value),
            (_, existing) => existing.Version > fetched.Version ? existing : new Snapshot<object>(fetched.Version, fetched.Value));
        // An invalidation that slipped in between the check and the store finds nothing to drop: drop it here.
        if (Interlocked.Read(ref _epoch) != started) _entries.TryRemove(new KeyValuePair<string, Snapshot<object>>(key, kept));
        // Counting a concurrent dictionary takes all its locks: look at the size once per hundredth of the capacity.
        if (Interlocked.Increment(ref _missesSinceSizeCheck) % Math.Max(1, options.Value.SnapshotCapacity / 100) == 0
            && _entries.Count > options.Value.SnapshotCapacity) EvictSome();
        return fetched.Value;
    }

    /// <summary>Copies older than <paramref name="version"/> are stale.</summary>
    public void Invalidate(string key, long version)
    {
        Interlocked.Increment(ref _epoch);
        while (_entries.TryGetValue(key, out var existing) && existing.Version < version
               && !_entries.TryRemove(new KeyValuePair<string, Snapshot<object>>(key, existing)))
        {
            // Replaced meanwhile: look again.
        }
    }

    private bool Warm()
    {
        if (_keepingFrom is { } from) return clock.GetUtcNow() >= from;
        var self = membership!.CurrentSnapshot.Members.GetValueOrDefault(localSilo!.SiloAddress);
        if (self?.Status == SiloStatus.Active) _keepingFrom = clock.GetUtcNow() + options.Value.SnapshotWarmUp;
        return false;
    }

    /// <summary>Drops a tenth of the capacity's worth of entries, whichever come first: a memory bound, not a recency policy.</summary>
    private void EvictSome()
    {
        foreach (var key in _entries.Keys.Take(options.Value.SnapshotCapacity / 10 + 1)) _entries.TryRemove(key, out _);
    }
}
