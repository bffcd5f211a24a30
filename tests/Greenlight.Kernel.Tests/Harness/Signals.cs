using System.Collections.Concurrent;

namespace Greenlight.Kernel.Tests.Harness;

/// <summary>
/// What a test and the grains, projections and storage of every silo in this process share. Grain
/// calls copy their arguments, so a test hands grains the name of a rendezvous or a fault, never the object.
/// </summary>
public sealed class Signals
{
    private readonly ConcurrentDictionary<string, Rendezvous> _rendezvous = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _faults = new(StringComparer.Ordinal);

    /// <summary>The rendezvous of that name, created by its first user.</summary>
    public Rendezvous Rendezvous(string name, int parties, TimeSpan timeout) => _rendezvous.GetOrAdd(name, _ => new Rendezvous(parties, timeout));

    /// <summary>The next <paramref name="times"/> checks of <paramref name="fault"/> fail (<see cref="int.MaxValue"/>: until <see cref="Disarm"/>).</summary>
    public void Arm(string fault, int times = 1) => _faults[fault] = times;

    public void Disarm(string fault) => _faults.TryRemove(fault, out _);

    /// <summary>Whether this check of <paramref name="fault"/> fails; each failure uses up one of its armed times.</summary>
    public bool Fails(string fault)
    {
        while (_faults.TryGetValue(fault, out var left))
        {
            if (left == int.MaxValue) return true;
            if (left <= 0) return false;
            if (_faults.TryUpdate(fault, left - 1, left)) return true;
        }
        return false;
    }
}

/// <summary>A meeting every party must reach; a party gives up after a timeout so a test fails rather than hangs.</summary>
public sealed class Rendezvous(int parties, TimeSpan timeout)
{
    private readonly TaskCompletionSource _everyone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    /// <summary>True when every party arrived before this one's timeout.</summary>
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

/// <summary>Thrown where a test armed a fault; it crosses grain calls as itself.</summary>
[GenerateSerializer, Alias("test.injected-fault")]
public sealed class InjectedFaultException(string fault) : Exception($"Injected fault '{fault}'.");
