using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Kernel.Modules;

/// <summary>
/// Optional: a module needs one only for services that scanning does not find (options, clients,
/// a replacement <see cref="Security.IAccessPolicy"/>). Handlers, validators, grains, endpoints,
/// schema migrations and hosted services are found without it.
/// </summary>
public interface IModule
{
    void ConfigureServices(IServiceCollection services, IConfiguration configuration);
}
