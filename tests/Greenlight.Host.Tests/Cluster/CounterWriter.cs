using Greenlight.Testing;
using Greenlight.Host.Tests.Support;

namespace Greenlight.Host.Tests.MultiHost;

/// <summary>
/// Increments one counter, one request at a time, and keeps count of what was applied. A request
/// in flight when its host dies has no answer; the next answer tells whether it was applied.
/// </summary>
internal sealed class CounterWriter(string counter)
{
    private long _applied;
    private int _unanswered;
    private int _answersLost;

    public string Counter => counter;

    /// <summary>Increments known to be applied: answered ones plus unanswered ones a later answer proved.</summary>
    public long Applied => Volatile.Read(ref _applied);

    public int AnswersLostWithTheHost => Volatile.Read(ref _answersLost);

    public async Task IncrementAsync(HostPair hosts, int preferredHost)
    {
        long value;
        try
        {
            value = await hosts.Live(preferredHost).IncrementUntilAppliedAsync(counter);
        }
        catch (HttpRequestException)
        {
            _unanswered++;
            Interlocked.Increment(ref _answersLost);
            return;
        }
        var step = value - _applied;
        Assert.True(step >= 1 && step <= 1 + _unanswered,
            $"'{counter}' went from {_applied} to {value} with {_unanswered} unanswered increments: a write was lost or applied twice.");
        _unanswered = 0;
        Volatile.Write(ref _applied, value);
    }
}
