namespace Greenlight.FrameConnector.Tests.Support;

/// <summary>A fresh fake Frame.io and a client for its token user, per test.</summary>
public abstract class FrameioTestBase : IAsyncLifetime
{
    protected FrameioHarness Harness { get; private set; } = null!;

    protected FrameioClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Harness = await FrameioHarness.StartAsync();
        Client = Harness.Client();
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
