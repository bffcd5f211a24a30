using Greenlight.Host;
using Greenlight.Host.Plugins;

try
{
    await GreenlightApp.Create(args).RunAsync();
}
catch (PluginLoadException error)
{
    await Console.Error.WriteLineAsync($"Greenlight did not start. {error.Message}");
    return 1;
}
return 0;
