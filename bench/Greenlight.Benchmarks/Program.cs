using BenchmarkDotNet.Running;
using Greenlight.Benchmarks.Mirror;

namespace Greenlight.Benchmarks;

// An explicit, namespaced entry point: the host's top-level Program is public (for tests) and a
// second global Program here would shadow it with warning CS0436.
public static class Program
{
    /// <summary>BenchmarkDotNet's switcher, or with <c>mirror-throughput</c> first, the Frame.io mirror throughput run.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == MirrorThroughput.Command) return await MirrorThroughput.RunAsync(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
