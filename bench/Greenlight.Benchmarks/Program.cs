using BenchmarkDotNet.Running;
using Greenlight.Benchmarks.Access;
using Greenlight.Benchmarks.Cluster;
using Greenlight.Benchmarks.ConsolePages;
using Greenlight.Benchmarks.HotProjects;
using Greenlight.Benchmarks.Load;
using Greenlight.Benchmarks.Mirror;
using Greenlight.Benchmarks.Storage;
using Greenlight.Benchmarks.Telemetry;

namespace Greenlight.Benchmarks;

// An explicit, namespaced entry point: the host's top-level Program is public (for tests) and a
// second global Program here would shadow it with warning CS0436.
public static class Program
{
    /// <summary>
    /// <c>access-check</c>, <c>load</c>, <c>state-write</c>, <c>mixed-load</c>, <c>failover</c>, <c>mirror-throughput</c>, <c>hot-projects</c>, <c>telemetry-cost</c> and <c>import-copy</c>
    /// are custom harnesses (per-operation samples, rates against a limit, host processes); anything else goes to BenchmarkDotNet.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "access-check":
                await AccessCheckBench.RunAsync(args[1..]);
                return 0;
            case "load":
                await CheckLoadBench.RunAsync(args[1..]);
                return 0;
            case StateWriteBench.Command:
                return await StateWriteBench.RunAsync(args[1..]);
            case ImportCopyBench.Command:
                return await ImportCopyBench.RunAsync(args[1..]);
            case MixedLoadBench.Command:
                return await MixedLoadBench.RunAsync(args[1..]);
            case FailoverBench.Command:
                return await FailoverBench.RunAsync(args[1..]);
            case MirrorThroughput.Command:
                return await MirrorThroughput.RunAsync(args[1..]);
            case HotProjectsBench.Command:
                return await HotProjectsBench.RunAsync(args[1..]);
            case TelemetryCostBench.Command:
                return await TelemetryCostBench.RunAsync(args[1..]);
            case ProjectPageBench.Command:
                return await ProjectPageBench.RunAsync(args[1..]);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
