using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Storage;
using MediatR;

namespace Greenlight.Work.Tests.Support;

/// <summary>
/// Throws the first time it sees a matching message, so the hand-on of that write fails after the write was
/// stored: what a process that dies between storing a change and handing it on leaves behind.
/// </summary>
public sealed class FailOnce<T>(Func<T, bool> match) : IProjection<T> where T : INotification
{
    private int _failed;

    public bool HasFailed => Volatile.Read(ref _failed) == 1;

    public Task ApplyAsync(T message, IStoreTransaction tx) =>
        match(message) && Interlocked.Exchange(ref _failed, 1) == 0
            ? throw new InvalidOperationException($"{typeof(T).Name} fails once, as a crash right after the write would.")
            : Task.CompletedTask;
}

/// <summary>Holds the hand-on of a matching message (and so the write that recorded it) until <see cref="Release"/>.</summary>
public sealed class Hold<T>(Func<T, bool> match) : IProjection<T> where T : INotification
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a matching message is being handed on.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    public async Task ApplyAsync(T message, IStoreTransaction tx)
    {
        if (!match(message)) return;
        _reached.TrySetResult();
        await _released.Task;
    }
}
