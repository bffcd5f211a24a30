using Greenlight.Kernel.Tests.Harness;

namespace Greenlight.Kernel.Tests.Outbox;

// Each message type serves one kind of test, since every handler of a type gets every message of it.

/// <summary>Has two handlers, to show that each gets its own delivery.</summary>
public sealed record Pinged(string Key) : INotification;

internal sealed class RecordPingForAudit(Journal journal) : INotificationHandler<Pinged>
{
    public Task Handle(Pinged notification, CancellationToken cancellationToken)
    {
        journal.Record("audit:" + notification.Key);
        return Task.CompletedTask;
    }
}

internal sealed class RecordPingForSearch(Journal journal) : INotificationHandler<Pinged>
{
    public Task Handle(Pinged notification, CancellationToken cancellationToken)
    {
        journal.Record("search:" + notification.Key);
        return Task.CompletedTask;
    }
}

/// <summary>Its first handler fails the first <see cref="Failures"/> attempts; its second never fails.</summary>
public sealed record Flaky(string Key, int Failures) : INotification;

internal sealed class FailingFlakyHandler(Journal journal) : INotificationHandler<Flaky>
{
    public Task Handle(Flaky notification, CancellationToken cancellationToken)
    {
        journal.Record("flaky-attempt:" + notification.Key);
        var attempt = journal.Count("flaky-attempt:" + notification.Key);
        if (attempt <= notification.Failures)
            throw new InvalidOperationException($"Failure {attempt} of {notification.Failures} for {notification.Key}");
        journal.Record("flaky-delivered:" + notification.Key);
        return Task.CompletedTask;
    }
}

internal sealed class SteadyFlakyHandler(Journal journal) : INotificationHandler<Flaky>
{
    public Task Handle(Flaky notification, CancellationToken cancellationToken)
    {
        journal.Record("steady:" + notification.Key);
        return Task.CompletedTask;
    }
}

/// <summary>The durable timer of the tests: enqueued with a due time.</summary>
public sealed record Reminder(string Key) : INotification;

internal sealed class RecordReminder(Journal journal) : INotificationHandler<Reminder>
{
    public Task Handle(Reminder notification, CancellationToken cancellationToken)
    {
        journal.Record("reminder:" + notification.Key);
        return Task.CompletedTask;
    }
}

/// <summary>One of many, to count deliveries across hosts.</summary>
public sealed record Numbered(int Number) : INotification;

internal sealed class RecordNumbered(Journal journal) : INotificationHandler<Numbered>
{
    public Task Handle(Numbered notification, CancellationToken cancellationToken)
    {
        journal.Record("numbered:" + notification.Number);
        return Task.CompletedTask;
    }
}

/// <summary>Its handler fails the first <see cref="Failures"/> attempts as a call to a grain of a dead silo does.</summary>
public sealed record CaughtInFailover(string Key, int Failures) : INotification;

internal sealed class FailoverHandler(Journal journal) : INotificationHandler<CaughtInFailover>
{
    public Task Handle(CaughtInFailover notification, CancellationToken cancellationToken)
    {
        journal.Record("failover-attempt:" + notification.Key);
        if (journal.Count("failover-attempt:" + notification.Key) <= notification.Failures)
            throw new Orleans.Runtime.SiloUnavailableException("The silo holding the grain is dead.");
        journal.Record("failover-delivered:" + notification.Key);
        return Task.CompletedTask;
    }
}
