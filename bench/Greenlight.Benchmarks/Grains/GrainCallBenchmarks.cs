using BenchmarkDotNet.Attributes;

namespace Greenlight.Benchmarks.Grains;

[Alias("bench.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("increment")]
    Task<int> IncrementAsync();
}

/// <summary>Stateless and trivial on purpose: what is measured is Orleans around the call, not the call.</summary>
[GrainType("bench.counter")]
public sealed class CounterGrain : Grain, ICounterGrain
{
    private int _count;

    public Task<int> IncrementAsync() => Task.FromResult(++_count);
}

[Alias("bench.caller")]
public interface ICallerGrain : IGrainWithStringKey
{
    /// <summary>Calls the counter grain <paramref name="times"/> times, one after another, from inside this grain.</summary>
    [Alias("call")]
    Task CallAsync(ICounterGrain counter, int times);
}

[GrainType("bench.caller")]
public sealed class CallerGrain : Grain, ICallerGrain
{
    public async Task CallAsync(ICounterGrain counter, int times)
    {
        for (var i = 0; i < times; i++) await counter.IncrementAsync();
    }
}

/// <summary>
/// An Orleans grain call on an already-active grain, from outside any grain (as an HTTP handler makes
/// it) and from another grain, against the same method called directly on an object of the same class.
/// </summary>
[MemoryDiagnoser]
public class GrainCallBenchmarks
{
    private const string Key = "bench";
    private const int CallsPerInvoke = 100;

    private BenchmarkKernel _kernel = null!;
    private IGrainFactory _grains = null!;
    private ICounterGrain _reference = null!;
    private ICallerGrain _caller = null!;

    // The very same grain class, created with new: no runtime, no proxy, no message, no turn. Its
    // method never touches the grain context, so it runs unactivated.
    private readonly ICounterGrain _plain = new CounterGrain();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _kernel = await BenchmarkKernel.StartSqliteAsync();
        _grains = _kernel.Grains;
        _reference = _grains.GetGrain<ICounterGrain>(Key);
        _caller = _grains.GetGrain<ICallerGrain>(Key);
        // Activate both now, so every measured call finds its activation.
        await _caller.CallAsync(_reference, 1);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _kernel.DisposeAsync();

    [Benchmark(Baseline = true, Description = "Direct async call on a plain object")]
    public Task<int> DirectCall() => _plain.IncrementAsync();

    [Benchmark(Description = "Grain call, reference reused")]
    public Task<int> ReusedReference() => _reference.IncrementAsync();

    [Benchmark(Description = "Grain call, GetGrain each call")]
    public Task<int> GetGrainEachCall() => _grains.GetGrain<ICounterGrain>(Key).IncrementAsync();

    [Benchmark(OperationsPerInvoke = CallsPerInvoke, Description = "Grain call from another grain")]
    public Task GrainToGrain() => _caller.CallAsync(_reference, CallsPerInvoke);
}
