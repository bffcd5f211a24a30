using Xunit.Abstractions;

namespace Greenlight.Integration.Tests.Sweeps;

/// <summary>One host and its sweep world per test class: the sweeps change what they touch, so classes do not share one.</summary>
public class SweepFixture : IAsyncLifetime
{
    public SweepWorld World { get; private set; } = null!;

    /// <summary>Settings of this class's host on top of the sweep world's.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync() => World = await SweepWorld.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (World is not null) await World.DisposeAsync();
    }
}

/// <summary>
/// The sweep classes run one after the other: each sends thousands of requests to a host of its own, and on
/// a 2-core machine side by side they would only starve each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SweepCollection
{
    public const string Name = "api sweeps";
}

/// <summary>What a sweep reports: each case in its output, and its failures together in the assertion.</summary>
public sealed class SweepReport(ITestOutputHelper output)
{
    private readonly List<string> _failures = [];

    public int Cases { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public void Passed(string operationAndCase)
    {
        Cases++;
        output.WriteLine($"ok   {operationAndCase}");
    }

    public void Failed(string operationAndCase, string what)
    {
        Cases++;
        _failures.Add($"{operationAndCase}: {what}");
        output.WriteLine($"FAIL {operationAndCase}: {what}");
    }

    public void Note(string line) => output.WriteLine(line);

    public void AssertNoFailures(string sweep, int atLeastCases)
    {
        Assert.True(Cases >= atLeastCases, $"{sweep}: only {Cases} cases ran; the sweep found less of the API than it should.");
        Assert.True(_failures.Count == 0, $"{sweep}: {_failures.Count} of {Cases} cases failed:\n" + string.Join("\n", _failures));
    }

    /// <summary>A body short enough for a report line.</summary>
    public static string Shorten(string text, int length = 300) => text.Length <= length ? text : text[..length] + "…";
}
