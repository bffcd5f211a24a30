using BenchmarkDotNet.Attributes;
using Greenlight.Kernel.Grains;

namespace Greenlight.Benchmarks.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    /// <summary>Returns a bare <see cref="Task"/>: the proxy takes a different (wrapping) path for it than for Task&lt;T&gt;.</summary>
    Task TouchAsync();
}

/// <summary>Stateless and trivial on purpose: what is measured is the runtime around the call, not the call.</summary>
[GrainType("bench-counter")]
public sealed class CounterGrain : Grain, ICounterGrain
{
    private int _count;

    public Task<int> IncrementAsync() => Task.FromResult(++_count);

    public Task TouchAsync()
    {
        _count++;
        return Task.CompletedTask;
    }
}

/// <summary>
/// The cost of calling an already-active grain through the runtime (proxy, directory lookup, turn)
/// relative to calling the same code on a plain object.
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private const string Key = "bench";

    private BenchmarkKernel _kernel = null!;
    private IGrainFactory _grains = null!;
    private ICounterGrain _reference = null!;

    // The very same grain class, created with new: no runtime, no proxy, no turn. Its methods never
    // touch the grain context, so they run unactivated.
    private readonly ICounterGrain _plain = new CounterGrain();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _kernel = await BenchmarkKernel.StartSqliteAsync();
        _grains = _kernel.Grains;
        _reference = _grains.GetGrain<ICounterGrain>(Key);
        // Activate it now, so every measured call finds an existing activation.
        await _reference.IncrementAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _kernel.DisposeAsync();

    [Benchmark(Baseline = true, Description = "Direct call on a plain object")]
    public Task<int> DirectCall() => _plain.IncrementAsync();

    [Benchmark(Description = "Grain call, reference reused")]
    public Task<int> ReusedReference() => _reference.IncrementAsync();

    [Benchmark(Description = "Grain call, GetGrain each call")]
    public Task<int> GetGrainEachCall() => _grains.GetGrain<ICounterGrain>(Key).IncrementAsync();

    [Benchmark(Description = "Grain call returning Task, reference reused")]
    public Task ReusedReferenceReturningTask() => _reference.TouchAsync();
}
