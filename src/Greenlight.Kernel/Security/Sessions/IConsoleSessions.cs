namespace Greenlight.Kernel.Security.Sessions;

/// <summary>The person a live console session belongs to.</summary>
public sealed record SessionUser(string UserId, string Name);

/// <summary>
/// The console's sign-in sessions, as the host's cookie scheme sees them. The module that keeps accounts (Access)
/// implements it; a host without one has no console sign-in. The cookie holds the session's secret; only its hash is stored.
/// </summary>
public interface IConsoleSessions
{
    /// <summary>The cookie that carries the session's secret.</summary>
    public const string CookieName = "greenlight.session";

    /// <summary>The session's user, checked on every request: null once the session ended, expired, or its user was deactivated.</summary>
    ValueTask<SessionUser?> AuthenticateAsync(string sessionSecret, CancellationToken cancellationToken);

    /// <summary>Ends the session (sign-out); nothing happens for an unknown or ended one.</summary>
    Task EndAsync(string sessionSecret, CancellationToken cancellationToken);
}

/// <summary>How the session cookie is written: out of scripts' reach, never sent cross-site with a POST, only over HTTPS when the console is served so.</summary>
public static class SessionCookie
{
    public static void Append(Microsoft.AspNetCore.Http.HttpContext context, string sessionSecret, DateTimeOffset expiresAt) =>
        context.Response.Cookies.Append(IConsoleSessions.CookieName, sessionSecret, Options(context, expiresAt));

    public static void Delete(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Response.Cookies.Delete(IConsoleSessions.CookieName, Options(context, null));

    private static Microsoft.AspNetCore.Http.CookieOptions Options(Microsoft.AspNetCore.Http.HttpContext context, DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = "/",
        Expires = expiresAt,
        IsEssential = true,
    };
}
