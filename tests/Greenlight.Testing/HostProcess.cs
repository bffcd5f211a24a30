using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Greenlight.Testing;

/// <summary>The host process ended before it became ready, as a failed start-up does.</summary>
public sealed class HostProcessExitedException(int exitCode, string standardOutput, string standardError)
    : Exception($"The host exited with {exitCode}:\n{standardOutput}\n{standardError}")
{
    public int ExitCode { get; } = exitCode;
    public string StandardOutput { get; } = standardOutput;
    public string StandardError { get; } = standardError;
}

/// <summary>The built host as a real operating-system process on a loopback port, so tests can kill it mid-write.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CapturedOutput _output;

    private HostProcess(Process process, CapturedOutput output, Uri address, int siloPort) =>
        (_process, _output, Address, SiloPort) = (process, output, address, siloPort);

    public Uri Address { get; }

    /// <summary>The port of this host's Orleans silo: a silo address names it (see <see cref="Orleans.Runtime.SiloAddress"/>).</summary>
    public int SiloPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the host wrote to stdout so far; complete once it has exited (after <see cref="KillAsync"/>).</summary>
    public string StandardOutput => _output.StandardOutput;

    /// <summary>What the host wrote to stderr so far.</summary>
    public string StandardError => _output.StandardError;

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Starts the host and waits until /health/ready answers 200 (its silo is an active member of the cluster).</summary>
    /// <param name="settings">Passed as <c>--key=value</c> arguments.</param>
    /// <param name="environment">Set in the host's environment on top of this process's; a null value removes a variable.</param>
    /// <param name="hostDirectory">Another build's Greenlight.Host.dll folder (an older version's); by default this build's.</param>
    /// <exception cref="HostProcessExitedException">The host ended before it became ready.</exception>
    public static async Task<HostProcess> StartAsync(
        IDictionary<string, string?> settings, int? port = null, IDictionary<string, string?>? environment = null, string? hostDirectory = null)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? TestPorts.Free()}");
        var siloPort = TestPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.NewTemporaryDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(hostDirectory ?? TestPaths.HostDirectory, "Greenlight.Host.dll"));
        start.ArgumentList.Add($"--urls={address}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        start.ArgumentList.Add($"--{Greenlight.Kernel.Security.Secrets.MasterKey.Variable}={TestSecrets.MasterKey}");
        start.ArgumentList.Add($"--Cluster:SiloPort={siloPort}");
        start.ArgumentList.Add("--Grains:RedeliveryPeriod=00:00:05");
        // As in TestHost: tests that count e-mails count their module's own.
        start.ArgumentList.Add("--Console:InviteNewUsers=false");
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        var output = new CapturedOutput(process);

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        // Generous: several hosts starting at once on a loaded 2-core machine take a while.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                // Drains the redirected streams, so the exception carries everything the host wrote.
                await process.WaitForExitAsync();
                throw new HostProcessExitedException(process.ExitCode, output.StandardOutput, output.StandardError);
            }
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return new HostProcess(process, output, address, siloPort);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The host did not become ready:\n{output.StandardOutput}\n{output.StandardError}");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as a crash would leave things.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>Collects both streams as the process writes them, so a full pipe never blocks the host.</summary>
    private sealed class CapturedOutput
    {
        private readonly StringBuilder _standardOutput = new();
        private readonly StringBuilder _standardError = new();

        public CapturedOutput(Process process)
        {
            process.OutputDataReceived += (_, e) => Append(_standardOutput, e.Data);
            process.ErrorDataReceived += (_, e) => Append(_standardError, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string StandardOutput => Read(_standardOutput);
        public string StandardError => Read(_standardError);

        private static void Append(StringBuilder stream, string? line)
        {
            if (line is null) return;
            lock (stream) stream.AppendLine(line);
        }

        private static string Read(StringBuilder stream)
        {
            lock (stream) return stream.ToString();
        }
    }
}
