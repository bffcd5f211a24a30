using Greenlight.Kernel.Outbox;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Greenlight.Kernel.Grains;

/// <summary>
/// A grain whose changes cause messages (to other modules, to outside systems, to its own module's
/// tables) that must be neither lost nor duplicated, whatever instant the process dies.
/// <para>
/// A change calls <see cref="Record"/> for each message, then <see cref="WriteStateAsync"/>: the state and
/// the messages are stored in one write (Orleans storage), then handed on exactly once in effect by
/// <see cref="RecordedMessageDelivery"/> (projections in one transaction, the rest through the outbox),
/// then dropped from the state (the next write stores that). If the process dies between the write and
/// the hand-on, the next activation hands them on; a reminder, registered before such a write, wakes
/// the grain for it if nothing else does.
/// </para>
/// </summary>
public abstract class DurableGrain<TState> : Grain, IRemindable where TState : DurableState, new()
{
    public const string RedeliveryReminderName = "greenlight.redeliver-recorded-messages";

    private readonly IPersistentState<TState> _stored;
    private readonly RecordedMessageDelivery _delivery;
    private readonly TimeSpan _redeliveryPeriod;
    private IGrainReminder? _redeliveryReminder;

    // The stored state still lists messages that were handed on since; the next write clears them.
    private bool _storedHandedOn;

    protected DurableGrain()
    {
        // Orleans's ADO.NET storage keys a row by state name and grain key, not grain type: the state is named
        // after the grain type ([GrainType]), so two types with the same key keep rows of their own.
        _stored = ServiceProvider.GetRequiredService<IPersistentStateFactory>()
            .Create<TState>(GrainContext, new PersistentStateAttribute(GrainContext.GrainId.Type.ToString()!));
        _delivery = ServiceProvider.GetRequiredService<RecordedMessageDelivery>();
        _redeliveryPeriod = ServiceProvider.GetRequiredService<IOptions<GrainOptions>>().Value.RedeliveryPeriod;
        GrainContext.ObservableLifecycle.Subscribe(
            nameof(DurableGrain<TState>), GrainLifecycleStage.SetupState + 1, HandOnStoredAsync, ClearHandedOnAsync);
    }

    /// <summary>The state as last read or written, with the changes made since.</summary>
    protected TState State
    {
        get => _stored.State;
        set => _stored.State = value;
    }

    /// <summary>Whether the state was ever stored (a cleared state is stored too).</summary>
    protected bool RecordExists => _stored.RecordExists;

    /// <summary>Adds a message to the change being made; it is stored with the state by the next <see cref="WriteStateAsync"/>.</summary>
    protected void Record(INotification message, DeliveryOptions? delivery = null) => State.Unsent.Add(RecordedMessage.Of(message, delivery));

    /// <summary>
    /// Stores the state with the messages recorded since the last write, then hands them on. A write that
    /// fails drops this activation once the call ends, as its memory holds a change that was not stored.
    /// </summary>
    protected async Task WriteStateAsync()
    {
        var recorded = State.Unsent.Count > 0;
        if (recorded) await EnsureRedeliveryReminderAsync();
        try
        {
            await _stored.WriteStateAsync();
        }
        catch
        {
            // Nothing of this memory may be stored now, not even by the deactivation's tidying write.
            _storedHandedOn = false;
            DeactivateOnIdle();
            throw;
        }
        _storedHandedOn = false;
        OnStateStored();
        if (recorded) await HandOnAsync();
    }

    /// <summary>Runs once a write is stored, before its messages are handed on: what the grain lets readers see of its state.</summary>
    protected virtual void OnStateStored()
    {
    }

    /// <summary>Resets the state to a new one; messages recorded for the change are kept and handed on.</summary>
    protected Task ClearStateAsync()
    {
        State = new TState { Unsent = State.Unsent };
        return WriteStateAsync();
    }

    /// <summary>A reminder of the grain's own (the redelivery reminder is handled here).</summary>
    protected virtual Task OnReminderAsync(string reminderName, TickStatus status) => Task.CompletedTask;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RedeliveryReminderName)
        {
            await OnReminderAsync(reminderName, status);
            return;
        }
        if (State.Unsent.Count > 0) await HandOnAsync();
        if (_storedHandedOn) await StoreWithoutHandedOnAsync();
        await UnregisterRedeliveryReminderAsync();
    }

    private async Task HandOnAsync()
    {
        await _delivery.HandOnAsync(State.Unsent);
        State.Unsent.Clear();
        _storedHandedOn = true;
    }

    private async Task EnsureRedeliveryReminderAsync()
    {
        _redeliveryReminder ??= await this.RegisterOrUpdateReminder(RedeliveryReminderName, _redeliveryPeriod, _redeliveryPeriod);
    }

    private async Task UnregisterRedeliveryReminderAsync()
    {
        var reminder = _redeliveryReminder ?? await this.GetReminder(RedeliveryReminderName);
        if (reminder is not null) await this.UnregisterReminder(reminder);
        _redeliveryReminder = null;
    }

    private Task StoreWithoutHandedOnAsync()
    {
        _storedHandedOn = false;
        return _stored.WriteStateAsync();
    }

    /// <summary>On activation: a previous activation stored messages and died before handing them on.</summary>
    private Task HandOnStoredAsync(CancellationToken cancellationToken) =>
        State.Unsent.Count > 0 ? HandOnAsync() : Task.CompletedTask;

    /// <summary>On deactivation: leave no handed-on messages in storage, and no reminder that is not needed.</summary>
    private async Task ClearHandedOnAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_storedHandedOn) await StoreWithoutHandedOnAsync();
            // Messages not handed on (the hand-on failed) may be in storage: the reminder stays to wake the grain for them.
            if (_redeliveryReminder is not null && State.Unsent.Count == 0) await UnregisterRedeliveryReminderAsync();
        }
        catch (Exception error)
        {
            // Nothing is lost: the reminder (still registered) or the next activation hands them on again, changing nothing.
            ServiceProvider.GetRequiredService<ILogger<DurableGrain<TState>>>()
                .LogWarning(error, "Grain {GrainId} could not tidy its recorded messages on deactivation", this.GetGrainId());
        }
    }
}
