using System.Reflection;
using Greenlight.Kernel.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace Greenlight.Host.Console;

/// <summary>A link in the console's navigation, from a module page's <see cref="ConsoleNavigationAttribute"/>.</summary>
public sealed record ConsoleLink(string Title, string Href, int Order, ConsoleAudience Audience);

/// <summary>
/// The module assemblies that contribute console pages (routable Razor components), a plugin's included, found by scanning the
/// same assemblies as the endpoints; the router and the component endpoints both take them.
/// </summary>
public sealed class ConsolePages(IReadOnlyList<Assembly> assemblies)
{
    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies;

    public IReadOnlyList<ConsoleLink> Navigation { get; } = [.. assemblies.SelectMany(a => a.GetTypes())
        .Select(t => t.GetCustomAttribute<ConsoleNavigationAttribute>())
        .OfType<ConsoleNavigationAttribute>()
        .Select(n => new ConsoleLink(n.Title, n.Href, n.Order, n.Audience))
        .OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.Ordinal)];

    /// <summary>The links of the audiences the signed-in person is in; without a module to ask, only those for everyone.</summary>
    public async Task<IReadOnlyList<ConsoleLink>> NavigationForAsync(IConsoleAudiences? audiences, CancellationToken cancellationToken)
    {
        var included = new Dictionary<ConsoleAudience, bool> { [ConsoleAudience.Everyone] = true };
        foreach (var audience in Navigation.Select(l => l.Audience).Distinct().Where(a => !included.ContainsKey(a)))
            included[audience] = audiences is not null && await audiences.IncludesCurrentAsync(audience, cancellationToken);
        return [.. Navigation.Where(l => included[l.Audience])];
    }

    public static ConsolePages Scan(IEnumerable<Assembly> modules) => new([.. modules.Distinct().Where(a => a.GetTypes().Any(IsPage))]);

    private static bool IsPage(Type type) =>
        typeof(IComponent).IsAssignableFrom(type) && type.IsDefined(typeof(RouteAttribute), inherit: false);
}

public static class ConsoleSetup
{
    private static readonly string ApplicationName = typeof(ConsoleSetup).Assembly.GetName().Name!;
    private const string StylesheetResource = "Greenlight.Host.Console.console.css";

    public static void AddGreenlightConsole(this WebApplicationBuilder builder, IEnumerable<Assembly> modules)
    {
        // Run from the build output (not published), Blazor's script is found through this manifest, as `dotnet run` finds it in Development.
        var manifest = Path.Combine(AppContext.BaseDirectory, ApplicationName + ".staticwebassets.runtime.json");
        if (File.Exists(manifest))
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, manifest);
            StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        }
        var services = builder.Services;
        services.AddRazorComponents();
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddSingleton(ConsolePages.Scan(modules));
    }

    /// <summary>The console at <c>/</c>: its own pages, the modules' pages and the stylesheet (the one anonymous asset).</summary>
    public static void MapGreenlightConsole(this WebApplication app)
    {
        var pages = app.Services.GetRequiredService<ConsolePages>();
        // Blazor's script; named by file because a host started by a test runner carries that runner's application name.
        app.MapStaticAssets(Path.Combine(AppContext.BaseDirectory, ApplicationName + ".staticwebassets.endpoints.json")).AllowAnonymous();
        app.MapRazorComponents<App>().AddAdditionalAssemblies([.. pages.Assemblies]);
        var stylesheet = ReadStylesheet();
        app.MapGet("/console.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Text(stylesheet, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static string ReadStylesheet()
    {
        using var stream = typeof(ConsoleSetup).Assembly.GetManifestResourceStream(StylesheetResource)!;
        return new StreamReader(stream).ReadToEnd();
    }
}
