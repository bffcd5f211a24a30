using Greenlight.Kernel.Modules;
using Greenlight.Modules.Review.Approvals;
using Greenlight.Modules.Review.ExperienceManager;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Modules.Review;

/// <summary>The services scanning cannot find: the Experience Manager client, the approval starter.</summary>
public sealed class ReviewModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient<IExperienceManagerClient, ExperienceManagerClient>();
        services.AddScoped<ApprovalStarter>();
        services.AddScoped<ViewableApprovals>();
    }
}
