using Greenlight.Kernel.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Modules.Work.Common;

public sealed class WorkOptions
{
    public const string Section = "Work";

    /// <summary>The largest document version accepted; a larger upload gets 413 and nothing is stored.</summary>
    public long MaxDocumentBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Document bytes are stored and read in chunks of this size.</summary>
    public int DocumentChunkBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Where an upload's bytes wait (in a file only the host's user may read, deleted when done) until they are all in,
    /// so no store transaction stays open while a client sends them; the system's temporary directory when not set.
    /// It needs room for <see cref="MaxDocumentBytes"/> per upload in progress.
    /// </summary>
    public string? UploadSpoolDirectory { get; set; }
}

public sealed class WorkModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkOptions>(configuration.GetSection(WorkOptions.Section));
        services.AddSingleton<DocumentContentStore>();
        services.AddSingleton<WorkItemRows>();
        services.AddScoped<Catalog.CatalogService>();
        services.AddScoped<ConsoleAccess>();
    }
}
