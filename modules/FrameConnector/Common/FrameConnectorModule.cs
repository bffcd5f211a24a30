using Greenlight.Kernel.Modules;
using Greenlight.Modules.FrameConnector.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Modules.FrameConnector.Common;

public sealed class FrameConnectorOptions
{
    public const string Section = "FrameConnector";

    /// <summary>Frame.io's V4 API root; tests point it at the fake.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.frame.io/v4/");

    /// <summary>Where Frame.io reaches this host (webhooks); empty: the address the administrator used to connect.</summary>
    public Uri? PublicUrl { get; set; }

    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxWaitPerCall { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed tries of one sync step before it is parked with its error (listed per project, retried from the API).</summary>
    public int MaxStepAttempts { get; set; } = 5;

    public FrameioClientOptions ClientOptions() => new()
    {
        BaseUrl = BaseUrl, BaseBackoff = BaseBackoff, AttemptTimeout = AttemptTimeout, MaxWaitPerCall = MaxWaitPerCall,
    };
}

public sealed class FrameConnectorModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FrameConnectorOptions>(configuration.GetSection(FrameConnectorOptions.Section));
        services.AddSingleton<FrameioClients>();
        services.AddSingleton<SystemSender>();
        services.AddSingleton<Links>();
        services.AddSingleton(sp => new FrameioWebhookVerifier(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<Inbound.WebhookInbox>();
    }
}
