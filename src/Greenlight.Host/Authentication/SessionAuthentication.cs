using System.Security.Claims;
using System.Text.Encodings.Web;
using Greenlight.Kernel.Security.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Greenlight.Host.Authentication;

/// <summary>
/// The console's session cookie, checked against the stored sessions on every request (an ended session, or a
/// deactivated user's, stops at once). It does not authenticate a state-changing API call: those take a bearer token,
/// so a cookie the browser sends on its own can never change data outside the console's antiforgery-checked forms.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IServiceProvider services)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(IConsoleSessions.CookieName, out var secret) || secret.Length == 0) return AuthenticateResult.NoResult();
        if (IsApi(Request) && !HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method)) return AuthenticateResult.NoResult();
        if (services.GetService<IConsoleSessions>() is not { } sessions) return AuthenticateResult.NoResult();
        if (await sessions.AuthenticateAsync(secret, Context.RequestAborted) is not { } user) return AuthenticateResult.Fail("Ended or unknown session.");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.UserId), new Claim(ClaimTypes.Name, user.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The API, and any client that does not ask for HTML, gets 401 as it always did; a browser is sent to sign in and back.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (IsApi(Request) || !Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            Response.Headers.WWWAuthenticate = "Bearer";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        // A stale cookie (ended session, deactivated user) goes with the redirect.
        if (Request.Cookies.ContainsKey(IConsoleSessions.CookieName)) SessionCookie.Delete(Context);
        Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(Request.PathBase + Request.Path + Request.QueryString));
        return Task.CompletedTask;
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/health");
}

public static class GreenlightAuthentication
{
    /// <summary>The default scheme picks per request: a bearer token when the request has an Authorization header, else the session cookie.</summary>
    public const string SchemeName = "Greenlight";

    public static void AddGreenlightAuthentication(this IServiceCollection services) => services
        .AddAuthentication(SchemeName)
        .AddPolicyScheme(SchemeName, null, o => o.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.Count > 0 ? ApiTokenAuthenticationHandler.SchemeName : SessionAuthenticationHandler.SchemeName)
        .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
        .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
}
