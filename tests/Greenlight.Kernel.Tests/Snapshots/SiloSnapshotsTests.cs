using System.Collections.Immutable;
using System.Net;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Grains.Snapshots;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Greenlight.Kernel.Tests.Snapshots;

/// <summary>One silo's cache of grain-owned snapshots: what it keeps, what an invalidation drops, and that a racing fetch never brings back a stale copy.</summary>
public sealed class SiloSnapshotsTests
{
    private readonly SiloSnapshots _snapshots = new(Options.Create(new GrainOptions()), TimeProvider.System);
    private readonly List<string> _fetches = [];

    /// <summary>A fetch that answers <paramref name="version"/> at once and counts itself.</summary>
    private Func<Task<Snapshot<string>>> Owner(long version, string value) => () =>
    {
        _fetches.Add(value);
        return Task.FromResult(new Snapshot<string>(version, value));
    };

    [Fact]
    public async Task A_miss_fetches_and_keeps_the_copy_and_a_hit_does_not_fetch()
    {
        Assert.Equal("v1", await _snapshots.GetAsync("prices", Owner(1, "v1")));

        Assert.Equal("v1", await _snapshots.GetAsync("prices", Owner(2, "v2")));
        Assert.Equal(["v1"], _fetches);
        Assert.Equal(1, _snapshots.Count);
    }

    [Fact]
    public async Task Keys_are_cached_apart()
    {
        await _snapshots.GetAsync("a", Owner(1, "a1"));
        await _snapshots.GetAsync("b", Owner(1, "b1"));

        Assert.Equal("a1", await _snapshots.GetAsync("a", Owner(9, "never")));
        Assert.Equal("b1", await _snapshots.GetAsync("b", Owner(9, "never")));
        Assert.Equal(["a1", "b1"], _fetches);
    }

    [Fact]
    public async Task An_invalidation_drops_older_copies_so_the_next_read_fetches_the_new_version()
    {
        await _snapshots.GetAsync("prices", Owner(1, "v1"));

        _snapshots.Invalidate("prices", version: 2);

        Assert.Equal("v2", await _snapshots.GetAsync("prices", Owner(2, "v2")));
        Assert.Equal(["v1", "v2"], _fetches);
    }

    [Fact]
    public async Task An_invalidation_of_a_version_not_newer_than_the_copy_keeps_it()
    {
        await _snapshots.GetAsync("prices", Owner(3, "v3"));

        _snapshots.Invalidate("prices", version: 3);
        _snapshots.Invalidate("prices", version: 2);
        _snapshots.Invalidate("other", version: 9);

        Assert.Equal("v3", await _snapshots.GetAsync("prices", Owner(4, "v4")));
        Assert.Equal(["v3"], _fetches);
    }

    [Fact]
    public async Task A_fetch_overlapped_by_an_invalidation_answers_its_caller_but_is_not_kept()
    {
        var slowFetch = new TaskCompletionSource<Snapshot<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = _snapshots.GetAsync("prices", () => slowFetch.Task).AsTask();

        // The owner writes v2 and invalidates while the old v1 is still on its way to this silo.
        _snapshots.Invalidate("prices", version: 2);
        slowFetch.SetResult(new Snapshot<string>(1, "v1"));

        Assert.Equal("v1", await reading);
        Assert.Equal("v2", await _snapshots.GetAsync("prices", Owner(2, "v2")));
        Assert.Equal(["v2"], _fetches);
    }

    [Fact]
    public async Task Many_fetches_racing_many_invalidations_never_leave_a_copy_older_than_the_last_invalidation()
    {
        long published = 0;
        var stop = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        var owner = Task.Run(() =>
        {
            while (DateTime.UtcNow < stop)
            {
                // The owner stores the new version, then invalidates, as a grain write does.
                var version = Interlocked.Increment(ref published);
                _snapshots.Invalidate("prices", version);
            }
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < stop)
            {
                await _snapshots.GetAsync("prices", async () =>
                {
                    var version = Interlocked.Read(ref published);
                    await Task.Yield();
                    return new Snapshot<string>(version, "v" + version);
                });
            }
        })).ToList();
        await Task.WhenAll([owner, .. readers]);

        // Whatever is cached now is the last published version: a fetch from the owner cannot be older than that.
        var last = Interlocked.Read(ref published);
        var cached = await _snapshots.GetAsync("prices", () => Task.FromResult(new Snapshot<string>(last, "v" + last)));
        Assert.Equal("v" + last, cached);
    }

    [Fact]
    public async Task An_older_fetch_finishing_last_does_not_replace_a_newer_copy()
    {
        var slowFetch = new TaskCompletionSource<Snapshot<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = _snapshots.GetAsync("prices", () => slowFetch.Task).AsTask();
        Assert.Equal("v2", await _snapshots.GetAsync("prices", Owner(2, "v2")));

        slowFetch.SetResult(new Snapshot<string>(1, "v1"));
        await slow;

        Assert.Equal("v2", await _snapshots.GetAsync("prices", Owner(3, "v3")));
    }

    [Fact]
    public async Task The_cache_holds_at_most_its_capacity_and_an_evicted_copy_is_fetched_again()
    {
        var snapshots = new SiloSnapshots(Options.Create(new GrainOptions { SnapshotCapacity = 20 }), TimeProvider.System);

        for (var i = 0; i < 100; i++) Assert.Equal($"v{i}", await snapshots.GetAsync($"key-{i}", Owner(1, $"v{i}")));

        Assert.InRange(snapshots.Count, 1, 20);
        for (var i = 0; i < 100; i++) Assert.Equal($"v{i}", await snapshots.GetAsync($"key-{i}", Owner(1, $"v{i}")));
        Assert.InRange(snapshots.Count, 1, 20);
    }

    [Fact]
    public async Task A_silo_that_just_joined_serves_fetched_copies_but_keeps_none_until_every_other_silo_can_reach_it()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var silo = new LocalSilo();
        var membership = new Membership(silo.SiloAddress, SiloStatus.Joining);
        var snapshots = new SiloSnapshots(Options.Create(new GrainOptions { SnapshotWarmUp = TimeSpan.FromSeconds(15) }), clock, membership, silo);

        Assert.Equal("v1", await snapshots.GetAsync("prices", Owner(1, "v1")));
        membership.Status = SiloStatus.Active;
        Assert.Equal("v1", await snapshots.GetAsync("prices", Owner(1, "v1")));
        clock.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal("v1", await snapshots.GetAsync("prices", Owner(1, "v1")));
        Assert.Equal(0, snapshots.Count);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("v1", await snapshots.GetAsync("prices", Owner(1, "v1")));
        Assert.Equal("v1", await snapshots.GetAsync("prices", Owner(2, "v2")));
        Assert.Equal(4, _fetches.Count);
    }

    private sealed class LocalSilo : ILocalSiloDetails
    {
        public string Name => "silo";
        public string ClusterId => "test";
        public string DnsHostName => "localhost";
        public SiloAddress SiloAddress { get; } = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
        public SiloAddress GatewayAddress => SiloAddress;
    }

    private sealed class Membership(SiloAddress self, SiloStatus status) : IClusterMembershipService
    {
        public SiloStatus Status { get; set; } = status;

        public ClusterMembershipSnapshot CurrentSnapshot => new(
            ImmutableDictionary<SiloAddress, ClusterMember>.Empty.Add(self, new ClusterMember(self, Status, "silo")), new MembershipVersion(1));

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => Task.FromResult(false);
    }
}
