using Greenlight.Host.Plugins;
using Greenlight.Testing;

namespace Greenlight.Host.Tests.Plugins;

/// <summary>A plugin that cannot load stops start-up, and the operator is told which file and why.</summary>
public sealed class BrokenPluginTests
{
    private const string BrokenFile = "Broken.dll";
    private readonly string _pluginsFolder = FolderWithGarbagePlugin();

    [Fact]
    public void Creating_the_app_throws_naming_the_file_and_the_reason()
    {
        var error = Assert.Throws<PluginLoadException>(() => GreenlightApp.Create([$"--Modules:PluginsPath={_pluginsFolder}"]));

        Assert.Equal(Path.Combine(_pluginsFolder, BrokenFile), error.File);
        AssertNamesFileAndReason(error.Message);
    }

    [Fact]
    public async Task The_host_process_exits_non_zero_with_the_reason_on_stderr()
    {
        var exited = await Assert.ThrowsAsync<HostProcessExitedException>(() => HostProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["Modules:PluginsPath"] = _pluginsFolder,
                ["Storage:SqlitePath"] = Path.Combine(TestPaths.NewTemporaryDirectory(), "greenlight.db"),
            }));

        Assert.NotEqual(0, exited.ExitCode);
        AssertNamesFileAndReason(exited.StandardError);
    }

    private void AssertNamesFileAndReason(string message)
    {
        var lead = $"Plugin '{Path.Combine(_pluginsFolder, BrokenFile)}' could not be loaded: ";
        Assert.Contains(lead, message);
        var reason = message[(message.IndexOf(lead, StringComparison.Ordinal) + lead.Length)..].Trim();
        Assert.True(reason.Length > 10, $"No reason given: {message}");
    }

    private static string FolderWithGarbagePlugin()
    {
        var folder = TestPaths.NewTemporaryDirectory();
        File.WriteAllText(Path.Combine(folder, BrokenFile), "This is not an assembly.");
        return folder;
    }
}
