using Greenlight.Modules.Review;
using Greenlight.Modules.Review.ExperienceManager;
using Greenlight.Review.Tests.Support;
using Greenlight.Testing.Logging;
using Greenlight.Testing.ExperienceManager;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Greenlight.Review.Tests.ExperienceManager;

/// <summary>
/// The client as the host wires it (the module's registrations, HttpClientFactory and its logging at
/// Trace), pointed at a fresh fake server, with every log line captured.
/// </summary>
public sealed class ExperienceManagerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ExperienceManagerHarness(FakeExperienceManagerServer server)
    {
        Server = server;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        new ReviewModule().ConfigureServices(services, new ConfigurationBuilder().Build());
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<IExperienceManagerClient>();
        Connection = new ExperienceManagerConnection(server.BaseUrl, server.AccessToken);
    }

    public FakeExperienceManagerServer Server { get; }

    public IExperienceManagerClient Client { get; }

    public ExperienceManagerConnection Connection { get; }

    public CapturedLogs Logs { get; } = new();

    public static async Task<ExperienceManagerHarness> StartAsync(FakeExperienceManagerOptions? options = null) =>
        new(await FakeExperienceManagerServer.StartAsync(options));

    /// <summary>Bytes that differ from offset to offset, so a part put in the wrong place shows.</summary>
    public static byte[] Binary(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    public async Task<string> UploadAsync(string folder, string fileName, byte[] content)
    {
        await Client.EnsureFolderAsync(Connection, folder);
        return await Client.UploadAsync(Connection, folder, new AssetFile(fileName, "image/png", content.Length, new MemoryStream(content)));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
