namespace Greenlight.Host;

/// <summary>Where the host's settings come from, in order of precedence (last wins); the operator commands read the same.</summary>
public static class HostConfiguration
{
    public static IConfigurationBuilder AddHostSources(this IConfigurationBuilder configuration, string[] args) => configuration
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"), optional: false)
        .AddEnvironmentVariables()
        .AddCommandLine(args);
}
