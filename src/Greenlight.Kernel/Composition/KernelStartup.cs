using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Storage;
using Microsoft.Extensions.Hosting;

namespace Greenlight.Kernel.Composition;

/// <summary>The first hosted service to start: the schema is current and the organization exists before anything else runs.</summary>
public sealed class KernelStartup(SchemaMigrator migrator, OrganizationBootstrapper bootstrapper) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await bootstrapper.BootstrapAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
