using Greenlight.Kernel.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Greenlight.Modules.Access.SignIn;

/// <summary>
/// Every <c>Console:SignInCleanupInterval</c> (default an hour), deletes the sessions and password links that can no longer be
/// used (expired, ended or used), so the tables hold only live secrets. Every host runs it; the deletes do not mind.
/// </summary>
public sealed class ExpiredSignInCleanup(Accounts accounts, IConfiguration configuration, ILogger<ExpiredSignInCleanup> logger)
    : PeriodicChore(configuration.GetValue("Console:SignInCleanupInterval", TimeSpan.FromHours(1)), logger)
{
    protected override string Doing => "delete expired sessions and password links";

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => accounts.DeleteUnusableAsync(stoppingToken);
}
