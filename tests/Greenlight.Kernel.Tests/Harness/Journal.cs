using System.Collections.Concurrent;

namespace Greenlight.Kernel.Tests.Harness;

/// <summary>What test handlers, behaviours and grains did, in order; one per harness unless a test shares one between hosts.</summary>
public sealed class Journal
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries.ToArray();

    public void Record(string entry) => _entries.Enqueue(entry);

    public int Count(string entry) => _entries.Count(e => e == entry);
}
