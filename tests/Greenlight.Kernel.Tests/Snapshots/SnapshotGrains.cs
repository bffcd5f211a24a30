using Greenlight.Kernel.Grains.Snapshots;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Greenlight.Kernel.Tests.Snapshots;

/// <summary>Owns a snapshot that silos cache: each publish is a new version, invalidated everywhere before the call returns.</summary>
[Alias("test.price-list")]
public interface IPriceListGrain : IGrainWithStringKey
{
    /// <summary>Stores the new value as the next version; returns that version.</summary>
    [Alias("publish")]
    Task<long> PublishAsync(string value);

    [Alias("snapshot"), ReadOnly]
    Task<Snapshot<string>> SnapshotAsync();

    [Alias("where"), ReadOnly]
    Task<string> WhereAsync();
}

[GrainType("test.price-list")]
public sealed class PriceListGrain(SnapshotInvalidation invalidation, ILocalSiloDetails silo) : Grain, IPriceListGrain
{
    private Snapshot<string> _current = new(0, "");

    public async Task<long> PublishAsync(string value)
    {
        _current = new Snapshot<string>(_current.Version + 1, value);
        await invalidation.InvalidateEverywhereAsync(Key(this.GetPrimaryKeyString()), _current.Version);
        return _current.Version;
    }

    public Task<Snapshot<string>> SnapshotAsync() => Task.FromResult(_current);

    public Task<string> WhereAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());

    /// <summary>The key its snapshots are cached under in <see cref="SiloSnapshots"/>.</summary>
    public static string Key(string priceList) => "price-list:" + priceList;
}

/// <summary>Placed by <see cref="SiloKeyedPlacement"/>: its key names the silo it must live on.</summary>
[Alias("test.silo-probe")]
public interface ISiloProbeGrain : IGrainWithStringKey
{
    [Alias("where")]
    Task<string> WhereAsync();
}

[GrainType("test.silo-probe"), SiloKeyedPlacement]
public sealed class SiloProbeGrain(ILocalSiloDetails silo) : Grain, ISiloProbeGrain
{
    public Task<string> WhereAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
