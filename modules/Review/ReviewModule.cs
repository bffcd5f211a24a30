using Greenlight.Kernel.Modules;
using Greenlight.Modules.Review.Approvals;
using Greenlight.Modules.Review.Email;
using Greenlight.Modules.Review.ExperienceManager;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Modules.Review;

/// <summary>The services scanning cannot find: the SMTP sender (section <c>Email</c>), the Experience Manager client, the approval starter.</summary>
public sealed class ReviewModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddHttpClient<IExperienceManagerClient, ExperienceManagerClient>();
        services.AddScoped<ApprovalStarter>();
        services.AddScoped<ViewableApprovals>();
    }
}
