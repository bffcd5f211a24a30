using System.Globalization;
using Greenlight.Kernel.Storage;

namespace Greenlight.Benchmarks.Load;

/// <summary><c>--name value</c> options of the load and cluster harnesses.</summary>
public sealed class LoadOptions(IReadOnlyList<string> args)
{
    public int Int(string name, int fallback) => Value(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public string String(string name, string fallback) => Value(name) ?? fallback;

    /// <summary><c>--store sqlite|postgresql|both</c> (both unless given).</summary>
    public IReadOnlyList<SqlDialect> Stores() => String("--store", "both") switch
    {
        "both" => [SqlDialect.Sqlite, SqlDialect.PostgreSql],
        "sqlite" => [SqlDialect.Sqlite],
        "postgresql" => [SqlDialect.PostgreSql],
        var other => throw new ArgumentException($"--store {other}: expected sqlite, postgresql or both."),
    };

    /// <summary>Every value of an option that may be repeated.</summary>
    public IReadOnlyList<string> All(string name) =>
        Enumerable.Range(0, args.Count - 1).Where(i => args[i] == name).Select(i => args[i + 1]).ToList();

    private string? Value(string name)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }
}
