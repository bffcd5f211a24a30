using System.Text.Json.Serialization;
using Greenlight.Host.Authentication;
using Greenlight.Host.Console;
using Greenlight.Host.Dashboard;
using Greenlight.Host.Health;
using Greenlight.Host.Http;
using Greenlight.Host.OpenApi;
using Greenlight.Host.Plugins;
using Greenlight.Host.Problems;
using Greenlight.Host.Telemetry;
using Greenlight.Kernel.Composition;
using Greenlight.Kernel.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;

namespace Greenlight.Host;

/// <summary>Builds the host: configuration, modules, HTTP pipeline. Program runs it; tests start it on loopback.</summary>
public static class GreenlightApp
{
    /// <param name="configureServices">Applied after every other registration: a replacement clock, a fake client.</param>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Configuration ships beside the binaries; data/ and plugins/ are relative to the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddHostSources(args);

        var modules = ModuleCatalog.Discover(builder.Configuration["Modules:PluginsPath"] ?? "plugins");
        // Plugins are loaded before the silo is built, so their grains and serializers are part of it.
        builder.AddGreenlightKernel(modules);
        builder.AddGreenlightTelemetry();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("Http:MaxRequestBodyBytes") ?? 10 * 1024 * 1024;
            kestrel.AddServerHeader = false;
        });
        // Enums travel by name only: a number is refused, so "decision": 1 cannot slip through as a default;
        // and a field a body requires must be there.
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            StrictJson.Apply(o.SerializerOptions);
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ExceptionProblems>();
        builder.Services.AddGreenlightAuthentication();
        builder.AddGreenlightConsole(modules);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
        builder.Services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = SchemaNames.ReferenceId;
            o.AddSchemaTransformer<DeclaredFields>();
            o.AddOperationTransformer<PathParameters>();
            o.AddDocumentTransformer<ProblemResponses>();
            o.AddDocumentTransformer<BearerSecurityScheme>();
        });

        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseGreenlightPrincipal();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi();
        // UseWhen, not Map: the UI redirects /docs to a relative "index.html", which resolves to
        // /docs/index.html only when the UI sees the whole path (under Map it sees "" and sends /index.html).
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/docs"), docs => docs.RequireAuthenticatedUser().UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "Greenlight API v1");
        }));

        app.MapGreenlightDashboard();
        app.MapGreenlightMetrics();
        app.MapGreenlightConsole();

        var api = app.MapGroup("/api/v1").RequireAuthorization().AcceptEnumNamesOnly().RefuseMalformedRouteValues();
        foreach (var endpoints in app.Services.GetServices<IEndpoints>()) endpoints.MapEndpoints(api);
        return app;
    }
}
