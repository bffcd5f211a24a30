using Greenlight.Kernel.Errors;

namespace Greenlight.Host.Http;

public static class RouteValues
{
    /// <summary>
    /// A value in a route (an id, a key, a name) is refused with a 400 naming its parameter when it could never
    /// name anything: blank, holding a control character, or holding a brace. Blank and braced values otherwise
    /// reach grains as keys, which Orleans refuses (a blank key) or cannot store (its ADO.NET storage formats a
    /// key as a format string, so a brace fails the write); control characters forge lines wherever a value is written.
    /// </summary>
    public static TBuilder RefuseMalformedRouteValues<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            foreach (var (name, value) in context.HttpContext.Request.RouteValues)
            {
                if (value is string text && (string.IsNullOrWhiteSpace(text) || text.Any(c => char.IsControl(c) || c is '{' or '}')))
                    throw RequestValidationException.ForField(name, "Not a valid value: blank, or holding a control character or a brace.");
            }
            return await next(context);
        });
}
