using System.Diagnostics;
using System.Text.Json;
using Greenlight.Kernel.Composition;
using Greenlight.Kernel.Messages;
using MediatR;
using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Telemetry;
using Microsoft.Extensions.Options;

namespace Greenlight.Kernel.Outbox;

/// <summary>A claimed message, ready to deliver; <paramref name="TraceParent"/>: the trace context of the work that queued it, if traced.</summary>
public sealed record OutboxEnvelope(string Id, string MessageType, string HandlerType, string Payload, int Attempts, string? TraceParent = null);

public sealed record ParkedMessage(string Id, string MessageType, string HandlerType, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset ParkedAt);

/// <summary>The <c>outbox_messages</c> table: one row per (message, handler) until delivered.</summary>
public sealed class SqlOutbox(IStore store, OutboxRegistry registry, OutboxSignal signal, TimeProvider clock, HostIdentity host, IOptions<OutboxOptions> options)
    : IOutbox
{
    public async Task EnqueueAsync(IStoreTransaction tx, INotification message, DeliveryOptions? delivery = null)
    {
        var messageType = message.GetType();
        var handlers = registry.HandlersOf(messageType);
        if (handlers.Count == 0) return;
        var now = clock.GetUtcNow();
        var payload = JsonSerializer.Serialize(message, messageType, MessageCatalog.Json);
        var kind = OutboxRegistry.Name(messageType);
        // Null when nothing traces this host: the job then starts a trace of its own, linked to nothing.
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } queuing ? queuing.Id : null;
        var queued = 0;
        foreach (var handler in handlers)
        {
            queued += await tx.ExecuteAsync("""
                INSERT INTO outbox_messages (id, message_type, handler_type, payload, deduplication_key, created_at, due_at, trace_parent)
                VALUES (@id, @message, @handler, @payload, @key, @now, @due, @trace) ON CONFLICT DO NOTHING
                """,
                ("id", Guid.NewGuid().ToString("N")), ("message", kind), ("handler", OutboxRegistry.Name(handler)),
                ("payload", payload), ("key", delivery?.DeduplicationKey), ("now", now.ToUnixTimeMilliseconds()),
                ("due", (delivery?.DueAt ?? now).ToUnixTimeMilliseconds()), ("trace", traceParent));
        }
        if (queued > 0) tx.OnCommitted(() => KernelMetrics.JobsQueued.Add(queued, KernelMetrics.Kind(kind)));
        if ((delivery?.DueAt ?? now) <= now) tx.OnCommitted(signal.Wake);
    }

    /// <summary>Takes up to <paramref name="count"/> due messages for this host; other hosts skip them until the lease ends.</summary>
    public Task<List<OutboxEnvelope>> ClaimAsync(int count, CancellationToken cancellationToken) =>
        store.InTransactionAsync(async tx =>
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var skipLocked = tx.Dialect == SqlDialect.PostgreSql ? "FOR UPDATE SKIP LOCKED" : "";
            await using var command = tx.Command($"""
                UPDATE outbox_messages SET claimed_by = @host, claimed_until = @until
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE parked_at IS NULL AND due_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)
                    ORDER BY due_at LIMIT @count {skipLocked})
                RETURNING id, message_type, handler_type, payload, attempts, trace_parent
                """,
                ("host", host.Id), ("until", now + (long)options.Value.ClaimLease.TotalMilliseconds), ("now", now), ("count", count));
            var claimed = new List<OutboxEnvelope>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                claimed.Add(new OutboxEnvelope(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            return claimed;
        }, cancellationToken);

    public Task CompleteAsync(OutboxEnvelope envelope) =>
        store.InTransactionAsync(tx => tx.ExecuteAsync(
            "DELETE FROM outbox_messages WHERE id = @id AND claimed_by = @host", ("id", envelope.Id), ("host", host.Id)));

    /// <summary>Hands the message back unclaimed (the host is stopping): no attempt is counted.</summary>
    public Task ReleaseAsync(OutboxEnvelope envelope) =>
        store.InTransactionAsync(tx => tx.ExecuteAsync(
            "UPDATE outbox_messages SET claimed_by = NULL, claimed_until = NULL WHERE id = @id AND claimed_by = @host",
            ("id", envelope.Id), ("host", host.Id)));

    /// <summary>
    /// Counts a failed attempt: schedules the next one with back-off, or parks the message after the last unless
    /// <paramref name="mayPark"/> is false (the failure was the cluster's, not the message's).
    /// </summary>
    public async Task FailAsync(OutboxEnvelope envelope, string error, bool mayPark)
    {
        var attempts = envelope.Attempts + 1;
        var now = clock.GetUtcNow();
        var parked = mayPark && attempts >= options.Value.MaxAttempts;
        var recorded = await store.InTransactionAsync(tx => tx.ExecuteAsync("""
            UPDATE outbox_messages
            SET attempts = @attempts, last_error = @error, due_at = @due, parked_at = @parked, claimed_by = NULL, claimed_until = NULL
            WHERE id = @id AND claimed_by = @host
            """,
            ("attempts", attempts), ("error", error), ("due", (now + RetryDelay(attempts)).ToUnixTimeMilliseconds()),
            ("parked", parked ? now.ToUnixTimeMilliseconds() : null), ("id", envelope.Id), ("host", host.Id)));
        if (recorded == 0) return;
        KernelMetrics.JobsFailed.Add(1, KernelMetrics.Kind(envelope.MessageType));
        if (parked) KernelMetrics.JobsParked.Add(1, KernelMetrics.Kind(envelope.MessageType));
    }

    public async Task<IReadOnlyList<ParkedMessage>> ListParkedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("""
            SELECT id, message_type, handler_type, attempts, last_error, created_at, parked_at FROM outbox_messages
            WHERE parked_at IS NOT NULL ORDER BY parked_at DESC, id LIMIT @limit
            """, ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parked = new List<ParkedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parked.Add(new ParkedMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }
        return parked;
    }

    /// <summary>Puts a parked message back in line with a fresh set of attempts; false when no such parked message exists.</summary>
    public async Task<bool> RetryParkedAsync(string id, CancellationToken cancellationToken)
    {
        var updated = await store.InTransactionAsync(tx =>
        {
            tx.OnCommitted(signal.Wake);
            return tx.ExecuteAsync("""
                UPDATE outbox_messages SET parked_at = NULL, attempts = 0, due_at = @now, claimed_by = NULL, claimed_until = NULL
                WHERE id = @id AND parked_at IS NOT NULL
                """, ("now", clock.GetUtcNow().ToUnixTimeMilliseconds()), ("id", id));
        }, cancellationToken);
        return updated == 1;
    }

    /// <summary>Doubling from the base delay, capped, with ±20% jitter so that retries of a burst spread out.</summary>
    private TimeSpan RetryDelay(int attempts)
    {
        var exponential = options.Value.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(exponential, options.Value.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}

/// <summary>Wakes the dispatcher when this host committed a message that is due now.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one pending wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
