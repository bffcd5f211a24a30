using Greenlight.Testing.Frameio;
using Greenlight.Testing.Smtp;

namespace Greenlight.Console.Tests;

/// <summary>
/// One host (real modules, e-mail to an SMTP sink) and one headless Debian chromium for the tests of the class; each test
/// makes users of its own and browses in a fresh browser context (no cookies shared between tests).
/// </summary>
public sealed partial class ConsoleHostFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium (test.sh installs it); Playwright's own browser download cannot work here.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("GREENLIGHT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public const string Password = "a long enough passphrase";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public SmtpSink Smtp { get; } = SmtpSink.Start();

    public TestHost Host { get; private set; } = null!;

    /// <summary>The Frame.io the host's connector talks to.</summary>
    public FakeFrameioServer Frameio { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Frameio = await FakeFrameioServer.StartAsync();
        Host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["FrameConnector:BaseUrl"] = Frameio.BaseUrl.ToString(),
            // A step Frame.io refuses is parked after two quick tries, so a test sees it on the sync pages soon.
            ["FrameConnector:MaxStepAttempts"] = "2", ["FrameConnector:StepRetryDelay"] = "00:00:00.100",
            ["Email:Host"] = Smtp.Host, ["Email:Port"] = Smtp.Port.ToString(), ["Email:From"] = "greenlight@example.test",
            ["Console:PublicUrl"] = "https://greenlight.example.test/", ["Console:InviteNewUsers"] = "true",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Tests may run as root (a container), where chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
        // Generous: the machine is shared and slow; a wait fails only on "never".
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A browser context of its own (cookies included), its base address the host's.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Creates a user as the administrator does (they are invited by e-mail); returns the id and the invitation link's path.</summary>
    public async Task<(string Id, string Email, string InvitationPath)> InvitedUserAsync(string name, string accessLevelId = "standard")
    {
        name = $"{name}{Guid.NewGuid():N}"[..(name.Length + 8)];
        var id = await Host.Admin.CreateUserAsync(name, accessLevelId);
        var email = AccessUsers.EmailOf(name);
        return (id, email, await LinkPathAsync(email, "You are invited to Greenlight"));
    }

    /// <summary>How the console's people pickers offer a user made by <see cref="InvitedUserAsync"/> (named as their address before the @).</summary>
    public static SelectOptionValue PersonOption(string email) => new() { Label = $"{email.Split('@')[0]} ({email})" };

    /// <summary>The path and query of the set-password link in the latest e-mail with this subject to the address.</summary>
    public async Task<string> LinkPathAsync(string email, string subject)
    {
        var message = await Eventually.MatchesAsync(
            () => Task.FromResult(Smtp.Messages.LastOrDefault(m => m.Recipients.Contains(email) && m.Subject == subject)),
            m => m is not null, TimeSpan.FromSeconds(60), $"an e-mail \"{subject}\" to {email}");
        var link = new Uri(SetPasswordLink().Match(message!.TextBody!).Value);
        Assert.Equal("greenlight.example.test", link.Host);
        return link.PathAndQuery.TrimStart('/');
    }

    /// <summary>Follows the link and sets the password, as the person does.</summary>
    public async Task SetPasswordAsync(IPage page, string invitationPath, string password = Password)
    {
        await page.GotoAsync(invitationPath);
        await page.GetByLabel("New password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your password is set")).ToBeVisibleAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("signin");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>A new page signed in as the invited person, who first sets their password from the invitation.</summary>
    public async Task<IPage> SignedInPageAsync((string Id, string Email, string InvitationPath) person)
    {
        var page = await NewPageAsync();
        await SetPasswordAsync(page, person.InvitationPath);
        await SignInAsync(page, person.Email);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A page of a test saved under docs/screenshots/ of the repository, for the README.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    public async Task<JsonElement> GetAsync(string path) => await Host.Admin.GetFromJsonAsync<JsonElement>(path);

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
        await Frameio.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Host.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("No Host.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"https?://\S+/set-password\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetPasswordLink();
}

[CollectionDefinition(Name)]
public sealed class ConsoleHostCollection : ICollectionFixture<ConsoleHostFixture>
{
    public const string Name = "console host";
}
