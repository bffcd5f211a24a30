using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Greenlight.Modules.Access.SignIn;

/// <summary>
/// Every <c>Console:SignInCleanupInterval</c> (default an hour), deletes the sessions and password links that can no longer be
/// used (expired, ended or used), so the tables hold only live secrets. Every host runs it; the deletes do not mind.
/// </summary>
public sealed class ExpiredSignInCleanup(Accounts accounts, IConfiguration configuration, ILogger<ExpiredSignInCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Console:SignInCleanupInterval", TimeSpan.FromHours(1)));
        try
        {
            do
            {
                await CleanUpAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CleanUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            await accounts.DeleteUnusableAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not delete expired sessions and password links; trying again at the next interval");
        }
    }
}
