using Greenlight.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace Greenlight.FrameConnector.Tests.Support;

/// <summary>A fake Frame.io with one token user (two accounts), and clients for that user whose waits are milliseconds.</summary>
public sealed class FrameioHarness : IAsyncDisposable
{
    public const string Token = "fio-token-3f9c1b7e-keep-out-of-logs";

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ILoggerFactory _loggers;

    private FrameioHarness(FakeFrameioServer fake, FakeFrameioSeed seed, TimeProvider time)
    {
        Fake = fake;
        Seed = seed;
        Time = time;
        _loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    public FakeFrameioServer Fake { get; }

    public FakeFrameioSeed Seed { get; }

    public string AccountId => Seed.Accounts[0].AccountId;

    public string WorkspaceId => Seed.Accounts[0].WorkspaceId;

    public CapturedLogs Logs { get; } = new();

    /// <summary>The clock of the fake's rate limits and of the clients: a manual one makes their waits exact.</summary>
    public TimeProvider Time { get; }

    public static async Task<FrameioHarness> StartAsync(TimeProvider? time = null)
    {
        var fake = await FakeFrameioServer.StartAsync(time);
        return new FrameioHarness(fake, fake.AddTokenUser(Token), time ?? TimeProvider.System);
    }

    /// <summary>
    /// Frame.io's defaults, with back-off cut to milliseconds so the suite stays fast. The attempt timeout
    /// stays generous: on a loaded 2-core machine a healthy call can take seconds, and tests of timeouts set their own.
    /// </summary>
    public FrameioClientOptions Options => new()
    {
        BaseUrl = Fake.BaseUrl,
        BaseBackoff = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(15),
        MaxWaitPerCall = TimeSpan.FromSeconds(30),
    };

    public FrameioClient Client(FrameioClientOptions? options = null, FrameioCredentials? credentials = null) =>
        new(_http, credentials ?? new FrameioCredentials(Token, isLegacyDeveloperToken: false), options ?? Options, Time, _loggers.CreateLogger<FrameioClient>());

    public FrameioAssumedCalls AssumedCalls() =>
        new(_http, new FrameioCredentials(Token, isLegacyDeveloperToken: false), Options, logger: _loggers.CreateLogger<FrameioAssumedCalls>());

    public async Task<FrameioProject> NewProjectAsync(IFrameioClient client, string name = "Spring campaign") =>
        await client.CreateProjectAsync(AccountId, WorkspaceId, name);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _loggers.Dispose();
        await Fake.DisposeAsync();
    }
}
