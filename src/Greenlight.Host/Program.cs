using Greenlight.Host;
using Greenlight.Host.Operations;
using Greenlight.Host.Plugins;
using Greenlight.Kernel.Composition;

if (await OperatorCommands.TryRunAsync(args) is { } exitCode) return exitCode;
try
{
    await GreenlightApp.Create(args).RunAsync();
}
catch (Exception error) when (error is PluginLoadException or InvalidSettingsException)
{
    await Console.Error.WriteLineAsync($"Greenlight did not start. {error.Message}");
    return 1;
}
return 0;
