namespace Greenlight.Kernel.Tests.Harness;

/// <summary>Polls a condition until it holds or a deadline passes, so tests wait as little as the machine allows and fail instead of hanging.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {timeout ?? DefaultTimeout} waiting until {what}.");
            await Task.Delay(20);
        }
    }
}
