using System.Reflection;

namespace Greenlight.Testing;

public static class TestPaths
{
    /// <summary>The built host (Greenlight.Host.dll and its config/), for tests that run it as a process.</summary>
    public static string HostDirectory => Metadata("HostDirectory");

    /// <summary>The built sample plugin, which no project references.</summary>
    public static string SamplePluginDirectory => Metadata("SamplePluginDirectory");

    public static string NewTemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "greenlight-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static readonly Lazy<string> SamplePluginFolder = new(CopySamplePlugin);

    /// <summary>
    /// A plugins folder holding only the sample plugin, as an operator would drop it. One per test
    /// process: a process loads a plugin file once, and every host started in it shares that load.
    /// </summary>
    public static string PluginsFolderWithSamplePlugin() => SamplePluginFolder.Value;

    private static string CopySamplePlugin()
    {
        var plugins = NewTemporaryDirectory();
        var target = Path.Combine(plugins, "Greenlight.SamplePlugin");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(SamplePluginDirectory))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return plugins;
    }

    private static string Metadata(string key) => Path.GetFullPath(typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
}
