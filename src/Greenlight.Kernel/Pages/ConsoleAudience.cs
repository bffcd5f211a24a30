namespace Greenlight.Kernel.Pages;

/// <summary>Who a console navigation entry is for. The menu only hides; every page still refuses by itself what the person may not do.</summary>
public enum ConsoleAudience
{
    /// <summary>Every signed-in person.</summary>
    Everyone,

    /// <summary>System Administrators, and those who administer part of the organization (a group's administrators).</summary>
    Administrators,

    /// <summary>System Administrators only.</summary>
    SystemAdministrators,
}

/// <summary>
/// Whether the signed-in person belongs to an audience: asked by the console's menu, answered by the module that knows people
/// and their rights (the host names no module). Without one, the menu shows only the entries for everyone.
/// </summary>
public interface IConsoleAudiences
{
    Task<bool> IncludesCurrentAsync(ConsoleAudience audience, CancellationToken cancellationToken);
}
