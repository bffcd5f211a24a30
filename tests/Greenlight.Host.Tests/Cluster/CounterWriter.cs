using Greenlight.Host.Tests.Support;

namespace Greenlight.Host.Tests.Cluster;

/// <summary>
/// Increments one counter, one request at a time, through the hosts in turn, and keeps count of what
/// was applied. A request whose host was killed, or that needed a grain living on a killed host (503),
/// has no answer: it may or may not have been applied, and the next answer tells which.
/// </summary>
internal sealed class CounterWriter(string counter)
{
    private long _applied;
    private int _unanswered;
    private int _answersLost;

    public string Counter => counter;

    /// <summary>Increments known to be applied: answered ones plus unanswered ones a later answer proved.</summary>
    public long Applied => Volatile.Read(ref _applied);

    public int AnswersLost => Volatile.Read(ref _answersLost);

    public async Task IncrementAsync(HostCluster cluster, int preferredHost)
    {
        HttpResponseMessage response;
        try
        {
            response = await cluster.Live(preferredHost).IncrementAsync(counter);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            NoAnswer();
            return;
        }
        if (response.IsUnavailable())
        {
            NoAnswer();
            return;
        }
        var value = await response.ReadSuccessAsync<long>();
        var step = value - _applied;
        Assert.True(step >= 1 && step <= 1 + _unanswered,
            $"'{counter}' went from {_applied} to {value} with {_unanswered} unanswered increments: a write was lost or applied twice.");
        _unanswered = 0;
        Volatile.Write(ref _applied, value);
    }

    /// <summary>The counter's final value holds every acknowledged increment, and at most the unanswered ones since.</summary>
    public void AssertFinalValue(long value) => Assert.True(value >= _applied && value <= _applied + _unanswered,
        $"'{counter}' ended at {value} after {_applied} acknowledged increments and {_unanswered} unanswered ones since.");

    private void NoAnswer()
    {
        _unanswered++;
        Interlocked.Increment(ref _answersLost);
    }
}
