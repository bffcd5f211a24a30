using System.Reflection;
using FluentValidation;
using Greenlight.Kernel.Email;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Grains.Snapshots;
using Greenlight.Kernel.Http;
using Greenlight.Kernel.Messages;
using Greenlight.Kernel.Modules;
using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Security.Secrets;
using Greenlight.Kernel.Security.Tokens;
using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Telemetry;
using Greenlight.Kernel.Validation;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Greenlight.Kernel.Composition;

public static class KernelServices
{
    /// <summary>
    /// Makes the host a Greenlight host: the kernel, an Orleans silo on the configured store, and
    /// everything the module assemblies contribute, found by scanning: request and notification
    /// handlers, projections, validators, request authorizers, endpoints, schema migrations, grains
    /// (with their serializers), hosted services, and each <see cref="IModule"/>'s own registrations
    /// (last, so they may replace kernel defaults).
    /// </summary>
    public static IHostApplicationBuilder AddGreenlightKernel(this IHostApplicationBuilder builder, IEnumerable<Assembly> moduleAssemblies)
    {
        var (services, configuration) = (builder.Services, builder.Configuration);
        OrganizationBootstrapper.CheckSettings(configuration);
        var kernel = typeof(KernelServices).Assembly;
        var modules = moduleAssemblies.Where(a => a != kernel).Distinct().ToList();
        List<Assembly> all = [kernel, .. modules];

        services.Configure<StoreOptions>(configuration.GetSection(StoreOptions.Section));
        services.Configure<GrainOptions>(configuration.GetSection(GrainOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(HostIdentity.New());
        services.AddSingleton(new MessageCatalog(all));

        // The store is opened now: the silo's storage, reminders and clustering are configured with it.
        var store = (configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions()).Open();
        services.AddSingleton(store);
        services.AddSingleton<SchemaMigrator>();

        // Hosted services start one after another in registration order: the schema and the
        // organization, then the silo, then the work that calls grains (outbox, modules' services).
        services.AddHostedService<KernelStartup>();
        builder.UseOrleans(silo => GreenlightSilo.Configure(silo, configuration, store, all));
        AddMediator(services, TelemetryOptions.From(configuration).IsOn);
        AddSecurity(services, configuration);
        AddGrainSupport(services);
        AddOutbox(services);
        Scan(services, all, modules);

        foreach (var module in modules.SelectMany(a => a.GetTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModule).IsAssignableFrom(t)))
        {
            ((IModule)Activator.CreateInstance(module)!).ConfigureServices(services, configuration);
        }
        return builder;
    }

    /// <summary>MediatR 5 has no DI package: its service factory resolves from the scope the mediator lives in.</summary>
    private static void AddMediator(IServiceCollection services, bool traced)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        // The span wraps the whole pipeline, so it sees authorization and validation decide; no telemetry, no behaviour.
        if (traced) services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RequestTracingBehavior<,>));
        // Authorization runs outermost, so a caller without rights learns nothing from validation.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
    }

    private static void AddSecurity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CurrentPrincipal>();
        services.AddScoped<ICurrentPrincipal>(sp => sp.GetRequiredService<CurrentPrincipal>());
        services.AddSingleton<IOrganization, StoredOrganization>();
        services.AddSingleton<IAccessPolicy, BootstrapAdministratorPolicy>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<OrganizationBootstrapper>();
        AddSecrets(services, configuration);
    }

    private static void AddSecrets(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => MasterKey.From(configuration, configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions()));
        services.AddDataProtection().SetApplicationName("Greenlight");
        services.AddOptions<KeyManagementOptions>().Configure<IStore, MasterKey>((options, store, masterKey) =>
        {
            options.XmlRepository = new StoreXmlRepository(store);
            options.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey);
        });
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
    }

    private static void AddGrainSupport(IServiceCollection services)
    {
        services.AddSingleton<RecordedMessageDelivery>();
        services.AddHostedService<HandedOnJanitor>();
        services.AddSingleton<SiloSnapshots>();
        services.AddSingleton<SnapshotInvalidation>();
    }

    private static void AddOutbox(IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        // Built on first use, after every module has registered its handlers.
        services.AddSingleton(_ => OutboxRegistry.From(services));
        services.AddSingleton<SqlOutbox>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<SqlOutbox>());
        services.AddHostedService<OutboxDispatcher>();
    }

    private static void Scan(IServiceCollection services, IEnumerable<Assembly> all, IEnumerable<Assembly> modules)
    {
        services.Scan(scan => scan.FromAssemblies(all)
            .AddClasses(c => c.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false)
                .AsImplementedInterfaces(IsClosed(typeof(IRequestHandler<,>))).WithTransientLifetime()
            .AddClasses(c => c.AssignableTo(typeof(INotificationHandler<>)), publicOnly: false)
                .AsImplementedInterfaces(IsClosed(typeof(INotificationHandler<>))).WithTransientLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IProjection<>)), publicOnly: false)
                .AsImplementedInterfaces(IsClosed(typeof(IProjection<>))).WithTransientLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false)
                .AsImplementedInterfaces(IsClosed(typeof(IValidator<>))).WithTransientLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IRequestAuthorizer<>)), publicOnly: false)
                .AsImplementedInterfaces(IsClosed(typeof(IRequestAuthorizer<>))).WithTransientLifetime()
            .AddClasses(c => c.AssignableTo<IEndpoints>(), publicOnly: false).As<IEndpoints>().WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo<ISchemaMigration>(), publicOnly: false).As<ISchemaMigration>().WithSingletonLifetime());
        // The kernel registers its own hosted services above, in the order they must start.
        services.Scan(scan => scan.FromAssemblies(modules)
            .AddClasses(c => c.AssignableTo<IHostedService>(), publicOnly: false).As<IHostedService>().WithSingletonLifetime());
    }

    private static Func<Type, bool> IsClosed(Type openGeneric) => i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric;
}
