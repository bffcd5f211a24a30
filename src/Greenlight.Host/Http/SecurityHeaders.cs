namespace Greenlight.Host.Http;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers every response carries: no MIME sniffing, no framing by other sites, no referrer leaving the
    /// site, and nothing cached that may hold a token or personal data (API answers are per caller).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Path.StartsWithSegments("/api")) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
