using Greenlight.Kernel.Modules;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Pages;
using Greenlight.Modules.Access.Audit;
using Greenlight.Modules.Access.Groups;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Sharing;
using Greenlight.Modules.Access.Policy;
using Greenlight.Modules.Access.SignIn;
using Greenlight.Kernel.Security.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Modules.Access;

/// <summary>Registers the module's services; runs after the kernel's, so its policy replaces the bootstrap one.</summary>
public sealed class AccessModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AccessSnapshots>();
        services.AddSingleton<SecuredTree>();
        services.AddSingleton<SecuredObjectRows>();
        services.AddSingleton<AccessEvaluator>();
        services.AddSingleton<DirectoryReading>();
        services.AddSingleton<IAccessPolicy, AccessPolicy>();
        services.AddSingleton<Accounts>();
        services.AddSingleton<IConsoleSessions>(sp => sp.GetRequiredService<Accounts>());
        services.AddTransient<PasswordLinkMailer>();
        services.AddSingleton<PasswordResetLimits>();
        services.AddScoped<IConsoleAudiences, ConsoleAudiences>();
    }
}
