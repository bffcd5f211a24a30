using System.Security.Claims;
using System.Text.Encodings.Web;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Security.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Greenlight.Host.Authentication;

/// <summary><c>Authorization: Bearer &lt;token&gt;</c>, checked against the stored hashes.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0) return AuthenticateResult.Fail("Empty bearer token.");
        var userId = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        if (userId is null) return AuthenticateResult.Fail("Unknown or revoked token.");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}

public static class PrincipalMiddleware
{
    /// <summary>Hands the authenticated user to the request's scope, where the mediator's authorization reads it.</summary>
    public static IApplicationBuilder UseGreenlightPrincipal(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            context.RequestServices.GetRequiredService<CurrentPrincipal>().Set(Principal.User(userId));
        return next(context);
    });

    /// <summary>For middleware-served pages (the API browser) that endpoint authorization does not reach.</summary>
    public static IApplicationBuilder RequireAuthenticatedUser(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true) await next(context);
        else await context.ChallengeAsync();
    });
}
