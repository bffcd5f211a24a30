using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Tests.Harness;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Greenlight.Kernel.Tests.Grains;

// ---- A plain Orleans grain with state: the runtime's guarantees as the kernel configures them. ----

[Alias("test.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("increment")]
    Task<long> IncrementAsync();

    [Alias("get"), ReadOnly]
    Task<long> GetAsync();

    /// <summary>The silo this activation lives on.</summary>
    [Alias("where"), ReadOnly]
    Task<string> WhereAsync();

    /// <summary>A read: whether every party of the rendezvous arrived while this call held the grain.</summary>
    [Alias("meet-reading"), ReadOnly]
    Task<bool> MeetWhileReadingAsync(string rendezvous);

    /// <summary>A write (increments, then stores) that waits at the rendezvous between the two.</summary>
    [Alias("meet-writing")]
    Task<bool> MeetWhileWritingAsync(string rendezvous);
}

[GenerateSerializer, Alias("test.counter-state")]
public sealed class CounterState
{
    [Id(0)]
    public long Value { get; set; }
}

/// <summary>Journals "activate:KEY:VALUE" (the value it read) and "deactivate:KEY".</summary>
[GrainType("test.counter")]
public sealed class CounterGrain(Journal journal, Signals signals, ILocalSiloDetails silo) : Grain<CounterState>, ICounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal.Record($"activate:{this.GetPrimaryKeyString()}:{State.Value}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Record($"deactivate:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public async Task<long> IncrementAsync()
    {
        State.Value++;
        await WriteStateAsync();
        return State.Value;
    }

    public Task<long> GetAsync() => Task.FromResult(State.Value);

    public Task<string> WhereAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());

    public Task<bool> MeetWhileReadingAsync(string rendezvous) => Meeting(rendezvous).ArriveAndWaitAsync();

    public async Task<bool> MeetWhileWritingAsync(string rendezvous)
    {
        State.Value++;
        var met = await Meeting(rendezvous).ArriveAndWaitAsync();
        await WriteStateAsync();
        return met;
    }

    private Rendezvous Meeting(string name) => signals.Rendezvous(name, parties: 2, TimeSpan.FromSeconds(10));
}

// ---- A DurableGrain: a change and the messages it causes, stored in one write and handed on exactly once. ----

[Alias("test.ledger")]
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>Adds the entry and records <see cref="EntryPosted"/>; returns the number of entries.</summary>
    [Alias("post")]
    Task<int> PostAsync(string entry);

    /// <summary>Adds every entry, recording one message each, in one write.</summary>
    [Alias("post-many")]
    Task PostManyAsync(string[] entries);

    /// <summary>Adds the entry; its message is delivered with these options.</summary>
    [Alias("post-later")]
    Task PostLaterAsync(string entry, DateTimeOffset dueAt, string deduplicationKey);

    /// <summary>Records <see cref="LedgerReset"/>, then clears the state (ClearStateAsync).</summary>
    [Alias("reset")]
    Task ResetAsync(string reason);

    [Alias("entries"), ReadOnly]
    Task<string[]> EntriesAsync();

    [Alias("unsent"), ReadOnly]
    Task<int> UnsentCountAsync();
}

[GenerateSerializer, Alias("test.ledger-state")]
public sealed class LedgerState : DurableState
{
    [Id(0)]
    public List<string> Entries { get; set; } = [];
}

[Alias("test.entry-posted")]
public sealed record EntryPosted(string Ledger, string Entry, int Count) : INotification;

[Alias("test.ledger-reset")]
public sealed record LedgerReset(string Ledger, string Reason) : INotification;

/// <summary>Journals "activate:KEY:ENTRIES" (what it read, after any recovery hand-on).</summary>
[GrainType("test.ledger")]
public sealed class LedgerGrain(Journal journal) : DurableGrain<LedgerState>, ILedgerGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal.Record($"activate:{this.GetPrimaryKeyString()}:{State.Entries.Count}");
        return Task.CompletedTask;
    }

    public async Task<int> PostAsync(string entry)
    {
        Add(entry);
        await WriteStateAsync();
        return State.Entries.Count;
    }

    public async Task PostManyAsync(string[] entries)
    {
        foreach (var entry in entries) Add(entry);
        await WriteStateAsync();
    }

    public async Task PostLaterAsync(string entry, DateTimeOffset dueAt, string deduplicationKey)
    {
        Add(entry, new DeliveryOptions(dueAt, deduplicationKey));
        await WriteStateAsync();
    }

    public async Task ResetAsync(string reason)
    {
        Record(new LedgerReset(this.GetPrimaryKeyString(), reason));
        await ClearStateAsync();
    }

    public Task<string[]> EntriesAsync() => Task.FromResult(State.Entries.ToArray());

    public Task<int> UnsentCountAsync() => Task.FromResult(State.Unsent.Count);

    private void Add(string entry, DeliveryOptions? delivery = null)
    {
        State.Entries.Add(entry);
        Record(new EntryPosted(this.GetPrimaryKeyString(), entry, State.Entries.Count), delivery);
    }
}

/// <summary>The module's own table the ledger's messages are projected into; a row per projection run, so a repeat would show.</summary>
public sealed class LedgerEntriesTable() : PortableMigration("test-0001-ledger-entries", """
    CREATE TABLE IF NOT EXISTS test_ledger_entries (
        ledger TEXT NOT NULL,
        entry TEXT NOT NULL,
        entry_count INTEGER NOT NULL);
    """);

/// <summary>
/// Inserts the entry's row, then fails if the test armed <see cref="Fault"/> for the ledger: its own
/// row, and everything else of the hand-on, must then roll back. Journals "projected:LEDGER/ENTRY@SILO".
/// </summary>
public sealed class ProjectPostedEntry(Signals signals, Journal journal, ILocalSiloDetails silo) : IProjection<EntryPosted>
{
    /// <summary>The fault that fails the projection of this entry of this ledger.</summary>
    public static string Fault(string ledger, string entry) => $"projection:{ledger}/{entry}";

    public async Task ApplyAsync(EntryPosted message, IStoreTransaction tx)
    {
        await tx.ExecuteAsync("INSERT INTO test_ledger_entries (ledger, entry, entry_count) VALUES (@ledger, @entry, @count)",
            ("ledger", message.Ledger), ("entry", message.Entry), ("count", message.Count));
        if (signals.Fails(Fault(message.Ledger, message.Entry))) throw new InjectedFaultException(Fault(message.Ledger, message.Entry));
        journal.Record($"projected:{message.Ledger}/{message.Entry}@{silo.SiloAddress.ToParsableString()}");
    }
}

public sealed class ProjectLedgerReset : IProjection<LedgerReset>
{
    public Task ApplyAsync(LedgerReset message, IStoreTransaction tx) =>
        tx.ExecuteAsync("INSERT INTO test_ledger_entries (ledger, entry, entry_count) VALUES (@ledger, @entry, 0)",
            ("ledger", message.Ledger), ("entry", "reset:" + message.Reason));
}

// Two handlers of EntryPosted and one of LedgerReset: each is queued its own outbox row per message.

public sealed class NotifyLedgerWatchers(Journal journal) : INotificationHandler<EntryPosted>
{
    public Task Handle(EntryPosted notification, CancellationToken cancellationToken)
    {
        journal.Record($"watchers:{notification.Ledger}/{notification.Entry}");
        return Task.CompletedTask;
    }
}

public sealed class IndexLedgerEntry(Journal journal) : INotificationHandler<EntryPosted>
{
    public Task Handle(EntryPosted notification, CancellationToken cancellationToken)
    {
        journal.Record($"index:{notification.Ledger}/{notification.Entry}");
        return Task.CompletedTask;
    }
}

public sealed class AuditLedgerReset(Journal journal) : INotificationHandler<LedgerReset>
{
    public Task Handle(LedgerReset notification, CancellationToken cancellationToken)
    {
        journal.Record($"reset:{notification.Ledger}/{notification.Reason}");
        return Task.CompletedTask;
    }
}
