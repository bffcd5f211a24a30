using Greenlight.Kernel.Modules;
using Greenlight.Kernel.Outbox.ParkedMessages;
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

    /// <summary>
    /// Tries of one sync step that Frame.io (or this host) refused before it is parked with its error (listed per project,
    /// retried from the API). Tries that found Frame.io down, slow or busy do not count: those go on until it answers.
    /// </summary>
    public int MaxStepAttempts { get; set; } = 5;

    /// <summary>The wait before a failed sync step's next try; it doubles with every try, up to <see cref="MaxStepRetryDelay"/>.</summary>
    public TimeSpan StepRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxStepRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Also make the calls Frame.io does not document (<see cref="IFrameioAssumedCalls"/>): invite by e-mail a person who is
    /// not in the account, and remove a deactivated person from the account. Off by default: people not in the account then
    /// wait for an invite, and deactivated people wait for their removal, both listed in the project's sync view.
    /// </summary>
    public bool UseAssumedCalls { get; set; }

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
        services.AddSingleton<Mirror.MirrorItemRows>();
        services.AddScoped<Mirror.MemberCandidates>();
        services.AddSingleton<IStuckWorkSource, Mirror.MirrorStuckWork>();
        services.AddSingleton(sp => new FrameioWebhookVerifier(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<Inbound.WebhookInbox>();
    }
}
