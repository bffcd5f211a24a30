using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace Greenlight.Host.Plugins;

public sealed class PluginLoadException(string file, string reason, Exception? inner = null)
    : Exception($"Plugin '{file}' could not be loaded: {reason}", inner)
{
    public string File { get; } = file;
}

/// <summary>
/// Loads plugin modules, each in a load context of its own: <c>plugins/X.dll</c>, or
/// <c>plugins/X/X.dll</c> with its dependencies beside it.
/// </summary>
public static class PluginLoader
{
    // Orleans finds its generated code in every assembly loaded into the process, so a second copy of a
    // plugin (a second host built in one process, as tests and benchmarks do) would declare its grain
    // and message types twice and stop the silo. A plugin file is loaded once per process; later hosts share it.
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Loaded = new(StringComparer.Ordinal);

    public static IReadOnlyList<Assembly> LoadAll(string pluginsPath)
    {
        var root = Path.GetFullPath(pluginsPath);
        if (!Directory.Exists(root)) return [];
        var entries = Directory.EnumerateFiles(root, "*.dll")
            .Concat(Directory.EnumerateDirectories(root)
                .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".dll"))
                .Where(File.Exists))
            .Order(StringComparer.Ordinal);
        return entries.Select(path => Loaded.GetOrAdd(path, file => new Lazy<Assembly>(() => Load(file))).Value).ToList();
    }

    private static Assembly Load(string path)
    {
        try
        {
            var assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
            // Resolve every type now, so a missing dependency fails start-up here, naming this file.
            _ = assembly.GetTypes();
            return assembly;
        }
        catch (ReflectionTypeLoadException error)
        {
            var reasons = error.LoaderExceptions.Where(e => e is not null).Select(e => e!.Message).Distinct();
            throw new PluginLoadException(path, string.Join("; ", reasons), error);
        }
        catch (Exception error) when (error is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw new PluginLoadException(path, error.Message, error);
        }
    }

    /// <summary>
    /// Assemblies the host has (the kernel, ASP.NET Core, FluentValidation…) come from the host, so a
    /// plugin's types and the host's are the same types; the rest from the plugin's own folder.
    /// </summary>
    private sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(pluginPath))
    {
        private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            try
            {
                return Default.LoadFromAssemblyName(assemblyName);
            }
            catch (FileNotFoundException)
            {
                return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
            }
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
