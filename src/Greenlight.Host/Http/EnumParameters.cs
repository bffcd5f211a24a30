using Greenlight.Kernel.Errors;

namespace Greenlight.Host.Http;

public static class EnumParameters
{
    /// <summary>
    /// A route or query value bound to an enum must be one of its names. Minimal APIs also bind numbers
    /// ("7", "-1"), in range or not, which then travel on as values nobody meant: refused here with a 400
    /// naming the parameter. (An unknown name never binds: that is a 400 already.)
    /// </summary>
    public static TBuilder AcceptEnumNamesOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var enums = factory.MethodInfo.GetParameters()
                .Select(p => (Name: p.Name!, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
                .Where(p => p.Type.IsEnum)
                .ToList();
            if (enums.Count == 0) return next;
            return context =>
            {
                var request = context.HttpContext.Request;
                foreach (var (name, type) in enums)
                {
                    var raw = request.RouteValues.TryGetValue(name, out var routed) ? routed?.ToString() : request.Query[name].FirstOrDefault();
                    if (raw is not null && !Enum.GetNames(type).Contains(raw, StringComparer.OrdinalIgnoreCase))
                        throw RequestValidationException.ForField(name, $"Must be one of: {string.Join(", ", Enum.GetNames(type))}.");
                }
                return next(context);
            };
        });
}
