using System.Text.Json;
using Greenlight.Kernel.Storage;

namespace Greenlight.Kernel.Grains;

/// <summary>Base of every grain class. The runtime creates it through DI and calls it one turn at a time.</summary>
public abstract class Grain
{
    private GrainContext? _context;

    internal GrainContext Context => _context ?? throw new InvalidOperationException("The grain is not activated by the runtime.");

    protected IGrainFactory GrainFactory => Context.Runtime;

    public string GetPrimaryKeyString() => Context.Id.Key;

    /// <summary>Called once before the first call, after persistent state is read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ask the runtime to drop this activation once the current call ends.</summary>
    protected void DeactivateOnIdle() => Context.DeactivateOnIdle = true;

    internal void Attach(GrainContext context) => _context = context;

    internal virtual long? StateVersion => null;

    internal virtual Task ActivateAsync(CancellationToken cancellationToken) => OnActivateAsync(cancellationToken);
}

/// <summary>A grain with persistent state: read on activation, written by <see cref="WriteStateAsync"/>.</summary>
public abstract class Grain<TState> : Grain where TState : class, new()
{
    private long? _version;

    protected TState State { get; set; } = new();

    /// <summary>The version of the state this activation holds; null before the first write.</summary>
    protected string? Etag => _version?.ToString();

    internal override long? StateVersion => _version;

    protected async Task ReadStateAsync()
    {
        var stored = await Context.Storage.ReadAsync(Context.Id);
        State = stored?.Json is { } json ? JsonSerializer.Deserialize<TState>(json, GrainJson.Options)! : new TState();
        _version = stored?.Version;
    }

    /// <summary>
    /// Writes the state if nobody wrote it since it was read; otherwise throws
    /// <see cref="InconsistentStateException"/> and the activation is dropped so the next call reads afresh.
    /// <paramref name="alsoInTransaction"/> runs in the same transaction: outbox messages, module tables.
    /// </summary>
    protected Task WriteStateAsync(Func<IStoreTransaction, Task>? alsoInTransaction = null) =>
        PersistAsync(JsonSerializer.Serialize(State, GrainJson.Options), alsoInTransaction);

    /// <summary>Resets the state to a new <typeparamref name="TState"/> in storage and here.</summary>
    protected async Task ClearStateAsync(Func<IStoreTransaction, Task>? alsoInTransaction = null)
    {
        await PersistAsync(null, alsoInTransaction);
        State = new TState();
    }

    internal override async Task ActivateAsync(CancellationToken cancellationToken)
    {
        await ReadStateAsync();
        await OnActivateAsync(cancellationToken);
    }

    private async Task PersistAsync(string? json, Func<IStoreTransaction, Task>? alsoInTransaction)
    {
        var expected = _version;
        _version = await Context.Store.InTransactionAsync(async tx =>
        {
            var version = await Context.Storage.WriteAsync(tx, Context.Id, json, expected);
            if (alsoInTransaction is not null) await alsoInTransaction(tx);
            return version;
        });
    }
}

public static class GrainJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
