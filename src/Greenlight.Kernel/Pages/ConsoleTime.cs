using System.Globalization;

namespace Greenlight.Kernel.Pages;

/// <summary>Instants as console pages show them: UTC, to the minute, the same on every page.</summary>
public static class ConsoleTime
{
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
