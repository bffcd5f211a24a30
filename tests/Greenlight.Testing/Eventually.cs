using Xunit;
namespace Greenlight.Testing;

/// <summary>Waits for what hosts do in the background (outbox deliveries, other hosts' writes) to become visible.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout, interval);

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after <paramref name="timeout"/> instead of hanging.</summary>
    /// <param name="interval">The pause between probes (20 ms unless given): longer for costly probes.</param>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {timeout ?? DefaultTimeout} waiting until {what}.");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Probes until <paramref name="done"/> holds for the answer, and returns that answer; fails with the last one.</summary>
    /// <param name="interval">The pause between probes (50 ms unless given): longer for costly probes.</param>
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var answer = await probe();
            if (done(answer)) return answer;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"Still not {what} after {within.TotalSeconds:0.#} s; last answer: {Describe(answer)}");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
    }

    private static string Describe<T>(T answer) =>
        answer is System.Collections.IEnumerable items and not string ? "[" + string.Join(", ", items.Cast<object>()) + "]" : $"{answer}";
}
