using System.Diagnostics;

namespace Greenlight.Host.Tests.Operations;

/// <summary>The built host run as an operator runs a command: <c>dotnet Greenlight.Host.dll backup …</c>, to its end.</summary>
public sealed record HostCommand(int ExitCode, string StandardOutput, string StandardError)
{
    public static async Task<HostCommand> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.NewTemporaryDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(TestPaths.HostDirectory, "Greenlight.Host.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        // Generous: a loaded 2-core machine starts .NET slowly; a command that hangs still fails the test.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new HostCommand(process.ExitCode, await standardOutput, await standardError);
    }

    /// <summary>Fails with everything the command printed unless it succeeded.</summary>
    public HostCommand Succeeded()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}:\n{StandardOutput}\n{StandardError}");
        return this;
    }
}
