using Greenlight.Kernel.Modules;
using Greenlight.Modules.Review.Approvals;
using Greenlight.Modules.Review.ExperienceManager;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Greenlight.Modules.Review;

/// <summary>The services scanning cannot find: the Experience Manager client, the approval starter, the module's options.</summary>
public sealed class ReviewModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient<IExperienceManagerClient, ExperienceManagerClient>();
        services.AddScoped<ApprovalStarter>();
        services.AddScoped<ViewableApprovals>();

        var section = configuration.GetSection(ReviewOptions.Section);
        services.AddOptions<ReviewOptions>().Bind(section)
            .Validate(o => o.ReminderPeriod > TimeSpan.Zero, $"{ReviewOptions.Section}:{nameof(ReviewOptions.ReminderPeriod)} must be longer than zero.")
            .Validate(o => o.PublicUrl is null or { IsAbsoluteUri: true, Scheme: "https" or "http" },
                $"{ReviewOptions.Section}:{nameof(ReviewOptions.PublicUrl)} must be an absolute http or https URL.")
            .ValidateOnStart();
        // Orleans refuses a reminder period below its minimum: a shorter one set here lowers it, as Grains:RedeliveryPeriod does.
        var reminderPeriod = (section.Get<ReviewOptions>() ?? new ReviewOptions()).ReminderPeriod;
        services.Configure<ReminderOptions>(o =>
        {
            if (reminderPeriod > TimeSpan.Zero && reminderPeriod < o.MinimumReminderPeriod) o.MinimumReminderPeriod = reminderPeriod;
        });
    }
}
