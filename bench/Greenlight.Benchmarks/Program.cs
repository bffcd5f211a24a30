using BenchmarkDotNet.Running;

namespace Greenlight.Benchmarks;

// An explicit, namespaced entry point: the host's top-level Program is public (for tests) and a
// second global Program here would shadow it with warning CS0436.
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
