using Greenlight.Kernel.Security.Tokens;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Work.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Review.Tests.Support;

/// <summary>
/// A host with the real Work and Review modules, the Access module faked (<see cref="FakeAccess"/>), email going to an
/// SMTP sink and a clock the test moves (the modules' clock: Orleans keeps real time). Start it again on the same <see cref="SqlitePath"/> to restart it.
/// </summary>
public sealed class ReviewHost : IAsyncDisposable
{
    private ReviewHost(TestHost host, FakeAccess access, SmtpSink smtp, ManualTimeProvider clock, string sqlitePath, string? postgres, HttpClient admin) =>
        (Host, Access, Smtp, Clock, SqlitePath, Postgres, Admin) = (host, access, smtp, clock, sqlitePath, postgres, admin);

    /// <summary>Where the emails' links point (a path below the host, as behind a reverse proxy).</summary>
    public const string PublicUrl = "https://greenlight.example.test/team/";

    public TestHost Host { get; }
    public FakeAccess Access { get; }
    public SmtpSink Smtp { get; }
    public ManualTimeProvider Clock { get; }
    public string SqlitePath { get; }
    public string? Postgres { get; }
    public HttpClient Admin { get; }

    /// <param name="restartOf">A stopped host whose store (and administrator) this one takes over.</param>
    /// <param name="postgres">A PostgreSQL connection string instead of the SQLite file.</param>
    /// <param name="extra">Settings and service registrations on top of these (telemetry for a test that reads it).</param>
    public static async Task<ReviewHost> StartAsync(SmtpSink smtp, ManualTimeProvider clock, ReviewHost? restartOf = null, string? postgres = null,
        (IReadOnlyDictionary<string, string?> Settings, Action<IServiceCollection> Services)? extra = null)
    {
        postgres ??= restartOf?.Postgres;
        var access = restartOf?.Access ?? new FakeAccess();
        var sqlitePath = restartOf?.SqlitePath ?? System.IO.Path.Combine(TestPaths.NewTemporaryDirectory(), "review.db");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = sqlitePath,
            ["Email:Host"] = smtp.Host,
            ["Email:Port"] = smtp.Port.ToString(),
            ["Email:From"] = "greenlight@example.test",
            // An approval with a reminder to send is woken every second, and sends what the test's clock says is due.
            ["Review:ReminderPeriod"] = "00:00:01",
            ["Review:PublicUrl"] = PublicUrl,
        };
        if (postgres is not null) settings["Storage:PostgreSql"] = postgres;
        if (restartOf is not null) settings["GREENLIGHT_BOOTSTRAP_TOKEN"] = restartOf.Host.AdminToken;
        foreach (var (key, value) in extra?.Settings ?? new Dictionary<string, string?>()) settings[key] = value;
        var host = await TestHost.StartAsync(settings, services =>
        {
            FakeAccess.Replace(services, access);
            services.AddSingleton<TimeProvider>(clock);
            // Orleans takes its clocks from the TimeProvider unless told otherwise: its reminders, membership and idle
            // collection run on real time, as in production, while the modules read the test's clock.
            services.AddKeyedSingleton<TimeProvider>(KeyedService.AnyKey, TimeProvider.System);
            extra?.Services(services);
        });
        var admin = restartOf is null ? host.Admin : host.Client(restartOf.Host.AdminToken);
        var adminId = (await admin.GetSuccessAsync<List<ApiTokenInfo>>("/api/v1/tokens"))[0].UserId;
        access.AddUser(adminId, License.Standard, administrator: true);
        return new ReviewHost(host, access, smtp, clock, sqlitePath, postgres, admin);
    }

    /// <summary>A user with a token of their own.</summary>
    public async Task<(string Id, HttpClient Client)> UserAsync(string name, License license = License.Standard)
    {
        var id = $"{name}-{Guid.NewGuid():N}"[..20];
        Access.AddUser(id, license);
        var tokens = Host.Services.GetRequiredService<ApiTokens>();
        var issued = await Host.Services.GetRequiredService<IStore>().InTransactionAsync(tx => tokens.CreateAsync(tx, id, "test"));
        return (id, Host.Client(issued.Token));
    }

    /// <summary>A Standard user with a token of their own who may view the documents, as every participant must.</summary>
    public async Task<(string Id, HttpClient Client)> ViewerAsync(string name, params string[] documents)
    {
        var user = await UserAsync(name);
        foreach (var document in documents) Access.Grant(user.Id, document, Permission.View);
        return user;
    }

    public async Task<string> ProjectAsync(string name = "Campaign") =>
        (await (await Admin.PostAsJsonAsync("/api/v1/projects", new { name })).ReadSuccessAsync<ProjectView>()).Id;

    public Task<ProjectView> GetProjectAsync(string projectId) => Admin.GetSuccessAsync<ProjectView>($"/api/v1/projects/{projectId}");

    public async Task<string> DocumentAsync(string projectId, string name = "poster.pdf") =>
        (await (await Admin.PostAsync($"/api/v1/projects/{projectId}/documents?name={name}", Pdf())).ReadSuccessAsync<DocumentView>()).Id;

    /// <param name="content">The new version's bytes; by default the same as the first version's.</param>
    public Task<HttpResponseMessage> NewVersionAsync(string projectId, string documentId, byte[]? content = null) =>
        Admin.PostAsync($"/api/v1/projects/{projectId}/documents/{documentId}/versions", Pdf(content));

    public Task<HttpResponseMessage> StartApprovalAsync(string projectId, string documentId, object body, HttpClient? client = null) =>
        (client ?? Admin).PostAsJsonAsync($"/api/v1/projects/{projectId}/documents/{documentId}/approvals", body, Json.Options);

    public async Task<ApprovalView> ApprovalAsync(string projectId, string documentId, object body) =>
        await (await StartApprovalAsync(projectId, documentId, body)).ReadSuccessAsync<ApprovalView>();

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, string approvalId, Decision decision, string? comment = null) =>
        client.PostAsJsonAsync($"/api/v1/approvals/{approvalId}/decisions", new { decision, comment }, Json.Options);

    public Task<ApprovalView> GetApprovalAsync(string approvalId) => Admin.GetSuccessAsync<ApprovalView>($"/api/v1/approvals/{approvalId}");

    /// <summary>The messages to the user, once at least <paramref name="count"/> arrived.</summary>
    public Task<List<ReceivedEmail>> EmailsToAsync(string userId, int count) => Eventually.MatchesAsync(
        () => Task.FromResult(EmailsTo(userId)), m => m.Count >= count, TimeSpan.FromSeconds(15), $"{count} email(s) to {userId}");

    public List<ReceivedEmail> EmailsTo(string userId) => [.. Smtp.Messages.Where(m => m.Recipients.Contains($"{userId}@example.test"))];

    public Task<List<Modules.Review.Listing.EventView>> ProjectEventsAsync(string projectId) =>
        Admin.GetSuccessAsync<List<Modules.Review.Listing.EventView>>($"/api/v1/projects/{projectId}/approval-events");

    /// <summary>Whether the approval's deadline reminder is registered with Orleans (has its row in the reminder table).</summary>
    public async Task<bool> DeadlineReminderRegisteredAsync(string approvalId)
    {
        await using var connection = await Host.Services.GetRequiredService<IStore>().OpenConnectionAsync();
        return await connection.ScalarAsync<long>("SELECT COUNT(*) FROM orleans_reminders WHERE grain_id = @grain AND reminder_name = @name",
            ("grain", $"review.approval/{approvalId}"), ("name", ApprovalGrain.DeadlineReminderName)) > 0;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>The bytes of a document's first version.</summary>
    public static byte[] FirstVersion => "%PDF-1.7 test"u8.ToArray();

    private static ByteArrayContent Pdf(byte[]? bytes = null)
    {
        var content = new ByteArrayContent(bytes ?? FirstVersion);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return content;
    }
}

/// <summary>Request bodies, as a client writes them.</summary>
public static class Bodies
{
    public static object Approver(string id) => new { kind = "User", id, role = "Approver" };

    public static object Reviewer(string id) => new { kind = "User", id, role = "Reviewer" };

    public static object Team(string id) => new { kind = "Team", id, role = "Approver" };

    public static object Stage(string name, object[] participants, bool onlyOneDecision = false, DateTimeOffset? dueAt = null, int? dueInWorkdays = null) =>
        new { name, participants, onlyOneDecision, dueAt, dueInWorkdays };

    public static object[] Path(params object[] stages) => stages;

    public static object Approval(params object[][] paths) => new { message = "Please review the poster.", paths = paths.Select(stages => new { stages }) };
}

/// <summary>A host of a test's own: its own SMTP sink, clock and store (SQLite, or PostgreSQL), which the test may restart.</summary>
public sealed class OwnReviewHost : IAsyncDisposable
{
    private readonly SmtpSink _smtp = SmtpSink.Start();
    private TestPostgresDatabase? _database;

    public ManualTimeProvider Clock { get; } = new();

    public ReviewHost Review { get; private set; } = null!;

    public static async Task<OwnReviewHost> StartAsync(bool onPostgres = false,
        (IReadOnlyDictionary<string, string?> Settings, Action<IServiceCollection> Services)? extra = null)
    {
        var own = new OwnReviewHost();
        own._database = onPostgres ? await TestPostgresDatabase.CreateAsync() : null;
        own.Review = await ReviewHost.StartAsync(own._smtp, own.Clock, postgres: own._database?.ConnectionString, extra: extra);
        return own;
    }

    /// <summary>Stops the host, runs <paramref name="whileStopped"/>, and starts a new one on the same store.</summary>
    public async Task RestartAsync(Action whileStopped)
    {
        await Review.DisposeAsync();
        whileStopped();
        Review = await ReviewHost.StartAsync(_smtp, Clock, restartOf: Review);
    }

    public async ValueTask DisposeAsync()
    {
        await Review.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}

/// <summary>One host for the tests of a class; each test makes users and documents of its own.</summary>
public sealed class ReviewHostFixture : IAsyncLifetime
{
    private OwnReviewHost _own = null!;

    public ReviewHost Review => _own.Review;

    public async Task InitializeAsync() => _own = await OwnReviewHost.StartAsync();

    public async Task DisposeAsync() => await _own.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ReviewHostCollection : ICollectionFixture<ReviewHostFixture>
{
    public const string Name = "review host";
}

/// <summary>Tests on the shared host of <see cref="ReviewHostCollection"/>.</summary>
public abstract class SharedHostTests(ReviewHostFixture fixture)
{
    protected ReviewHost Review => fixture.Review;

    /// <summary>A new project with one document in it.</summary>
    protected async Task<(string Project, string Document)> ProjectWithDocumentAsync()
    {
        var project = await Review.ProjectAsync();
        return (project, await Review.DocumentAsync(project));
    }
}
