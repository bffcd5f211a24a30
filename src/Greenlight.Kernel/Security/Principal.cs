namespace Greenlight.Kernel.Security;

/// <summary>Who is acting: a user (through an API token) or the system itself (background jobs).</summary>
public sealed record Principal(string UserId, bool IsSystem)
{
    public static Principal System { get; } = new("system", true);
    public static Principal User(string userId) => new(userId, false);
}

/// <summary>The principal of the current scope; set once by the HTTP pipeline or by a background job.</summary>
public interface ICurrentPrincipal
{
    Principal? Principal { get; }
}

public sealed class CurrentPrincipal : ICurrentPrincipal
{
    public Principal? Principal { get; private set; }

    public void Set(Principal principal)
    {
        if (Principal is not null && Principal != principal)
            throw new InvalidOperationException("The principal of a scope is set once.");
        Principal = principal;
    }
}
