using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Greenlight.Modules.Access.SignIn;

/// <summary>
/// How many password-reset requests an hour one e-mail address and one client may make (<c>Console:PasswordResetsPerAddress</c>,
/// default 3; <c>Console:PasswordResetsPerClient</c>, default 20), so the form cannot flood a mailbox or the relay. Counted per
/// host: several hosts of a cluster each allow as much, which still bounds a flood.
/// </summary>
public sealed class PasswordResetLimits : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perClient;

    public PasswordResetLimits(IConfiguration configuration)
    {
        _perAddress = PerHour(configuration.GetValue("Console:PasswordResetsPerAddress", 3));
        _perClient = PerHour(configuration.GetValue("Console:PasswordResetsPerClient", 20));
    }

    /// <summary>
    /// Takes one request from the client's allowance and then the address's; false when either is used up. A client over its
    /// limit takes nothing from the address, so it cannot use up someone else's resets.
    /// </summary>
    public bool TryTake(string email, string client)
    {
        using var fromClient = _perClient.AttemptAcquire(client);
        if (!fromClient.IsAcquired) return false;
        using var forAddress = _perAddress.AttemptAcquire(email.Trim().ToUpperInvariant());
        return forAddress.IsAcquired;
    }

    public void Dispose()
    {
        _perAddress.Dispose();
        _perClient.Dispose();
    }

    private static PartitionedRateLimiter<string> PerHour(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 }));
}
