using Greenlight.Kernel.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Greenlight.Kernel.Grains;

/// <summary>
/// On PostgreSQL, listens for other hosts' state writes and drops the activations they made stale.
/// A notice missed while disconnected costs no data (writes are version-checked), only freshness,
/// so after a reconnect every activation is dropped and re-reads.
/// </summary>
public sealed class StaleActivationListener(IStore store, GrainRuntime runtime, HostIdentity host, ILogger<StaleActivationListener> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this host receives notices (immediately on SQLite, which has one host).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not PostgresStore postgres)
        {
            _listening.TrySetResult();
            return;
        }
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(
                    new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { KeepAlive = 15, Pooling = false }.ToString());
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notice) => OnNotice(notice.Payload);
                await using (var listen = connection.Command($"LISTEN {SqlGrainStorage.NotificationChannel}"))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (reconnecting) await runtime.DeactivateAllAsync(DeactivationReason.StaleState);
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Lost the state-change listener connection; reconnecting");
                reconnecting = true;
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void OnNotice(string payload)
    {
        if (!StaleStateNotice.TryParse(payload, out var sender, out var grain, out var version) || sender == host.Id) return;
        _ = runtime.DropIfStaleAsync(grain, version);
    }
}
