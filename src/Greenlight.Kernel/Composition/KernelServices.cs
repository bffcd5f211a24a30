using System.Reflection;
using FluentValidation;
using Greenlight.Kernel.Email;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Http;
using Greenlight.Kernel.Mediator;
using Greenlight.Kernel.Modules;
using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Security.Secrets;
using Greenlight.Kernel.Security.Tokens;
using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Validation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Greenlight.Kernel.Composition;

public static class KernelServices
{
    /// <summary>
    /// Registers the kernel and everything the given module assemblies contribute, found by scanning:
    /// request and notification handlers, validators, request authorizers, endpoints, schema migrations, grains, hosted
    /// services, and each <see cref="IModule"/>'s own registrations (last, so they may replace kernel defaults).
    /// </summary>
    public static IServiceCollection AddGreenlightKernel(this IServiceCollection services, IConfiguration configuration, IEnumerable<Assembly> moduleAssemblies)
    {
        var kernel = typeof(KernelServices).Assembly;
        var modules = moduleAssemblies.Where(a => a != kernel).Distinct().ToList();
        List<Assembly> all = [kernel, .. modules];

        services.Configure<StoreOptions>(configuration.GetSection(StoreOptions.Section));
        services.Configure<GrainRuntimeOptions>(configuration.GetSection(GrainRuntimeOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(HostIdentity.New());
        services.AddMemoryCache();

        // Hosted services start in registration order: the schema and organization first.
        services.AddHostedService<KernelStartup>();
        AddStore(services);
        AddMediator(services);
        AddSecurity(services, configuration);
        AddGrains(services, all);
        AddOutbox(services);
        Scan(services, all, modules);

        foreach (var module in modules.SelectMany(a => a.GetTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModule).IsAssignableFrom(t)))
        {
            ((IModule)Activator.CreateInstance(module)!).ConfigureServices(services, configuration);
        }
        return services;
    }

    private static void AddStore(IServiceCollection services)
    {
        services.AddSingleton<IStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.PostgreSql)
                ? new SqliteStore(options.SqlitePath)
                : new PostgresStore(options.PostgreSql);
        });
        services.AddSingleton<SchemaMigrator>();
    }

    private static void AddMediator(IServiceCollection services)
    {
        services.AddScoped<IMediator, Mediator.Mediator>();
        services.AddScoped<ISender>(sp => sp.GetRequiredService<IMediator>());
        services.AddScoped<IPublisher>(sp => sp.GetRequiredService<IMediator>());
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
        services.AddSingleton(sp => MasterKey.From(configuration, sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.AddDataProtection().SetApplicationName("Greenlight");
        services.AddOptions<KeyManagementOptions>().Configure<IStore, MasterKey>((options, store, masterKey) =>
        {
            options.XmlRepository = new StoreXmlRepository(store);
            options.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey);
        });
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
    }

    private static void AddGrains(IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        services.AddSingleton(new GrainTypeRegistry(assemblies));
        services.AddSingleton<IGrainStorage, SqlGrainStorage>();
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddHostedService<GrainCollector>();
        services.AddSingleton<StaleActivationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<StaleActivationListener>());
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
