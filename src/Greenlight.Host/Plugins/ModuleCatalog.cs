using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Greenlight.Host.Plugins;

/// <summary>The module assemblies of this host: those it ships with and those dropped into the plugins folder.</summary>
public static class ModuleCatalog
{
    public static IReadOnlyList<Assembly> Discover(string pluginsPath)
    {
        var shipped = ShippedModules();
        var plugins = PluginLoader.LoadAll(pluginsPath);
        var clash = plugins.FirstOrDefault(p => shipped.Any(s => s.GetName().Name == p.GetName().Name));
        if (clash is not null)
            throw new PluginLoadException(clash.Location, "a module of that name already ships with the host.");
        return [.. shipped, .. plugins];
    }

    /// <summary>The host's project references (the kernel and every folder under modules/), read from its deps.json.</summary>
    private static List<Assembly> ShippedModules()
    {
        var host = typeof(ModuleCatalog).Assembly;
        var context = DependencyContext.Load(host) ?? throw new InvalidOperationException($"{host.GetName().Name}.deps.json is missing.");
        return context.RuntimeLibraries
            .Where(l => l.Type == "project" && l.Name != host.GetName().Name)
            .Select(l => Assembly.Load(new AssemblyName(l.Name)))
            .ToList();
    }
}
