using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Storage.Backup;

namespace Greenlight.Host.Operations;

/// <summary><c>&lt;command&gt; &lt;file&gt; [--data &lt;folder&gt;] [--Key=value …]</c>: the file, restore's data folder, and the host's settings.</summary>
internal sealed record OperatorArguments(string File, string? DataFolder, string[] Settings, IConfiguration Configuration, StoreOptions Store)
{
    public static OperatorArguments Parse(string[] args, string usage)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal)) throw new OperationFailedException(usage);
        var settings = args[2..].ToList();
        var data = settings.IndexOf("--data");
        string? dataFolder = null;
        if (data >= 0)
        {
            if (args[0] != "restore" || data + 1 >= settings.Count) throw new OperationFailedException(usage);
            dataFolder = settings[data + 1];
            settings.RemoveRange(data, 2);
        }
        var configuration = new ConfigurationBuilder().AddHostSources([.. settings]).Build();
        var store = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        return new OperatorArguments(args[1], dataFolder, [.. settings], configuration, store);
    }
}
