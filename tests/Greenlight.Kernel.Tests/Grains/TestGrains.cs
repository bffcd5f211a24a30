using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Tests.Harness;

namespace Greenlight.Kernel.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<long> IncrementAsync();

    Task<long> GetAsync();

    /// <summary>Holds the grain's turn while recording how many calls are inside it at once.</summary>
    Task OccupyAsync(ConcurrencyMeter meter);

    /// <summary>Returns whether every party of <paramref name="rendezvous"/> arrived while this call held its turn.</summary>
    Task<bool> MeetAsync(Rendezvous rendezvous);
}

public sealed class CounterState
{
    public long Value { get; set; }
}

/// <summary>Records its activations and deactivations, by key, in the journal.</summary>
[GrainType("test.counter")]
internal sealed class CounterGrain(Journal journal) : Grain<CounterState>, ICounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal.Record($"activate:{GetPrimaryKeyString()}:{State.Value}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Record($"deactivate:{GetPrimaryKeyString()}:{reason}");
        return Task.CompletedTask;
    }

    public async Task<long> IncrementAsync()
    {
        State.Value++;
        await WriteStateAsync();
        return State.Value;
    }

    public Task<long> GetAsync() => Task.FromResult(State.Value);

    public async Task OccupyAsync(ConcurrencyMeter meter)
    {
        using (meter.Enter()) await Task.Delay(2);
    }

    public Task<bool> MeetAsync(Rendezvous rendezvous) => rendezvous.ArriveAndWaitAsync();
}

/// <summary>A second grain type, to show that a key names a different grain in each type.</summary>
public interface ITallyGrain : IGrainWithStringKey
{
    Task SetAsync(long value);
}

[GrainType("test.tally")]
internal sealed class TallyGrain : Grain<CounterState>, ITallyGrain
{
    public Task SetAsync(long value)
    {
        State.Value = value;
        return WriteStateAsync();
    }
}

/// <summary>Counts calls inside a section at once and remembers the most it saw.</summary>
public sealed class ConcurrencyMeter
{
    private int _inside;
    private int _maximum;

    public int Maximum => Volatile.Read(ref _maximum);

    public IDisposable Enter()
    {
        var inside = Interlocked.Increment(ref _inside);
        int seen;
        while (inside > (seen = Volatile.Read(ref _maximum)) && Interlocked.CompareExchange(ref _maximum, inside, seen) != seen)
        {
        }
        return new Exit(this);
    }

    private sealed class Exit(ConcurrencyMeter meter) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref meter._inside);
    }
}

/// <summary>A meeting every party must reach; a party gives up after a timeout so a test fails rather than hangs.</summary>
public sealed class Rendezvous(int parties, TimeSpan timeout)
{
    private readonly TaskCompletionSource _everyone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public async Task<bool> ArriveAndWaitAsync()
    {
        if (Interlocked.Increment(ref _arrived) == parties) _everyone.TrySetResult();
        try
        {
            await _everyone.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
