using System.Reflection;
using Greenlight.Host;
using Greenlight.Host.Plugins;
using Greenlight.Kernel.Composition;
using Greenlight.Testing;

namespace Greenlight.Architecture.Tests;

/// <summary>The assemblies the rules apply to: kernel, host, every shipped module, and the sample plugin.</summary>
internal static class Assemblies
{
    public static readonly Assembly Kernel = typeof(KernelServices).Assembly;
    public static readonly Assembly Host = typeof(GreenlightApp).Assembly;

    /// <summary>Shipped modules, found the way the host finds them (its deps.json), plus the sample plugin.</summary>
    public static readonly IReadOnlyList<Assembly> Modules =
    [
        .. ModuleCatalog.Discover(Path.Combine(Path.GetTempPath(), "greenlight-no-plugins")).Where(a => a != Kernel),
        Assembly.LoadFrom(Path.Combine(TestPaths.SamplePluginDirectory, "Greenlight.SamplePlugin.dll")),
    ];

    public static IEnumerable<Assembly> All => [Kernel, Host, .. Modules];

    public static IEnumerable<Type> ConcreteTypes => All.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false });

    public static bool IsModule(AssemblyName name) => Modules.Any(m => m.GetName().Name == name.Name);
}
