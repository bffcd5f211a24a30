namespace Greenlight.Kernel.Pages;

/// <summary>
/// Puts a module's console page (a routable Razor component) in the console's navigation. The host finds the pages
/// of every module assembly, a plugin's included, by the same scan as endpoints; this marks the ones a person starts from.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConsoleNavigationAttribute(string title, string href, int order = 100) : Attribute
{
    public string Title { get; } = title;

    public string Href { get; } = href;

    /// <summary>Lower first.</summary>
    public int Order { get; } = order;

    /// <summary>Who sees the entry (<see cref="IConsoleAudiences"/>); everyone signed in unless set.</summary>
    public ConsoleAudience Audience { get; set; }
}
