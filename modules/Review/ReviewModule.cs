using Greenlight.Kernel.Modules;
using Greenlight.Modules.Review.Email;
using Greenlight.Modules.Review.ExperienceManager;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Modules.Review;

/// <summary>The clients scanning cannot find: the SMTP sender (section <c>Email</c>) and the Experience Manager client.</summary>
public sealed class ReviewModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddHttpClient<IExperienceManagerClient, ExperienceManagerClient>();
    }
}
