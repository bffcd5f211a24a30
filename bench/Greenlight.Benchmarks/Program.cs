using BenchmarkDotNet.Running;
using Greenlight.Benchmarks.Access;

namespace Greenlight.Benchmarks;

// An explicit, namespaced entry point: the host's top-level Program is public (for tests) and a
// second global Program here would shadow it with warning CS0436.
public static class Program
{
    /// <summary>
    /// <c>access-check</c> and <c>load</c> are custom harnesses (per-operation samples, for medians and
    /// p99); anything else goes to BenchmarkDotNet.
    /// </summary>
    public static async Task Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "access-check":
                await AccessCheckBench.RunAsync(args[1..]);
                break;
            case "load":
                await CheckLoadBench.RunAsync(args[1..]);
                break;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                break;
        }
    }
}
