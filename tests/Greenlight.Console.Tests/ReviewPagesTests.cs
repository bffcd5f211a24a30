using Greenlight.Testing.ExperienceManager;

namespace Greenlight.Console.Tests;

/// <summary>The Review pages beyond deciding: starting an approval, approval templates, metrics, the Experience Manager connection and publishing.</summary>
[Collection(ConsoleHostCollection.Name)]
public sealed class ReviewPagesTests(ConsoleHostFixture console)
{
    [Fact]
    public async Task A_coordinator_starts_a_multi_stage_approval_from_the_project_page_and_problems_show_next_to_their_field()
    {
        var (projectId, documentId) = await DocumentAsync();
        var (legal, brand, copy, outsider, gone) = (await console.InvitedUserAsync("lena"), await console.InvitedUserAsync("bruno"),
            await console.InvitedUserAsync("cora"), await console.InvitedUserAsync("otto"), await console.InvitedUserAsync("gina"));
        foreach (var user in new[] { legal, brand, copy }) await ShareAsync(projectId, documentId, user.Id);
        (await console.Host.Admin.PostAsync($"/api/v1/access/users/{gone.Id}/deactivate", null)).EnsureSuccessStatusCode();
        var page = await SignedInAsync(await console.InvitedUserAsync("cody", "system-administrator"));

        await page.GotoAsync($"projects/{projectId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start an approval of poster.pdf" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start an approval of poster.pdf" })).ToBeVisibleAsync();
        // People are picked by name; a deactivated user is not offered.
        await Expect(page.GetByLabel("Stage 1 approvers").Locator("option", new() { HasText = legal.Email })).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Stage 1 approvers").Locator("option", new() { HasText = gone.Email })).ToHaveCountAsync(0);
        await page.GetByLabel("Message to the participants").FillAsync("Legal first, then brand.");
        await page.GetByLabel("Stage 1 name").FillAsync("Legal");
        await page.GetByLabel("Stage 1 approvers").SelectOptionAsync(ConsoleHostFixture.PersonOption(legal.Email));
        await page.GetByLabel("Stage 1 due at (UTC)").FillAsync("2030-01-15T17:00");
        await page.GetByLabel("Stage 2 name").FillAsync("Brand");
        await page.GetByLabel("Stage 2 due in workdays").FillAsync("three");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start approval" }).ClickAsync();
        await Expect(Problem(page, "paths[0].stages[1].dueInWorkdays")).ToContainTextAsync("Give a whole number of workdays");

        // A person who may not open the document: the API's own refusal, next to the field that named them.
        await page.GetByLabel("Stage 2 approvers").SelectOptionAsync(ConsoleHostFixture.PersonOption(outsider.Email));
        await page.GetByLabel("Stage 2 due in workdays").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start approval" }).ClickAsync();
        await Expect(Problem(page, "paths[0].stages[1].participants[0]")).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "approval-create");

        await page.GetByLabel("Stage 2 approvers").SelectOptionAsync(ConsoleHostFixture.PersonOption(brand.Email));
        await page.GetByLabel("Stage 2 reviewers").SelectOptionAsync(ConsoleHostFixture.PersonOption(copy.Email));
        await page.GetByLabel("Stage 2 due in workdays").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start approval" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Stage Brand" })).ToBeVisibleAsync();
        var approvalId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var stages = (await console.GetAsync($"/api/v1/approvals/{approvalId}")).GetProperty("paths")[0].GetProperty("stages");
        Assert.Equal(["Legal", "Brand"], stages.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(new DateTimeOffset(2030, 1, 15, 17, 0, 0, TimeSpan.Zero), stages[0].GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal([(brand.Id, "Approver"), (copy.Id, "Reviewer")],
            stages[1].GetProperty("participants").EnumerateArray().Select(p => (p.GetProperty("id").GetString(), p.GetProperty("role").GetString())));
    }

    [Fact]
    public async Task Someone_who_may_only_view_the_document_is_offered_no_approval_form()
    {
        var (projectId, documentId) = await DocumentAsync();
        var viewer = await console.InvitedUserAsync("vic");
        await ShareAsync(projectId, documentId, viewer.Id);
        var page = await SignedInAsync(viewer);

        await page.GotoAsync($"projects/{projectId}/documents/{documentId}/approvals/new");

        await Expect(page.GetByText("Starting an approval needs Manage on the document")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start approval" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_standard_user_makes_a_template_and_starts_an_approval_from_it_and_a_light_user_sees_no_templates()
    {
        var (projectId, documentId) = await DocumentAsync();
        var approver = await console.InvitedUserAsync("tara");
        await ShareAsync(projectId, documentId, approver.Id);
        var page = await SignedInAsync(await console.InvitedUserAsync("stan", "system-administrator"));
        var name = $"Print sign-off {Guid.NewGuid():N}"[..22];

        await page.GetByRole(AriaRole.Link, new() { Name = "Approval templates" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create template" }).ClickAsync();
        await Expect(Problem(page, "name")).ToBeVisibleAsync();
        await Expect(Problem(page, "stages")).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Stage 1 name").FillAsync("Print");
        await page.GetByLabel("Stage 1 approvers").SelectOptionAsync(ConsoleHostFixture.PersonOption(approver.Email));
        await page.GetByLabel("Stage 1 due in workdays").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create template" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"The template \"{name}\" is created.");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = name })).ToContainTextAsync("Print: approvers tara");
        await ConsoleHostFixture.ScreenshotAsync(page, "approval-templates");

        await page.GotoAsync($"projects/{projectId}/documents/{documentId}/approvals/new");
        await page.GetByLabel("Template").SelectOptionAsync(new SelectOptionValue { Label = name });
        await page.GetByRole(AriaRole.Button, new() { Name = "Start approval" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Stage Print" })).ToBeVisibleAsync();
        var approvalId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var stage = (await console.GetAsync($"/api/v1/approvals/{approvalId}")).GetProperty("paths")[0].GetProperty("stages")[0];
        Assert.Equal(approver.Id, stage.GetProperty("participants")[0].GetProperty("id").GetString());

        var light = await SignedInAsync(await console.InvitedUserAsync("liam", "light"));
        await light.GotoAsync("setup/approval-templates");
        await Expect(light.GetByText("Approval templates are for users with a Standard license")).ToBeVisibleAsync();
        await Expect(light.GetByRole(AriaRole.Button, new() { Name = "Create template" })).ToHaveCountAsync(0);
        await Expect(light.GetByText(name)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_metrics_show_the_organizations_report_to_an_administrator_and_a_projects_report_from_its_approval()
    {
        var (projectId, documentId) = await DocumentAsync();
        var approverName = $"mia{Guid.NewGuid():N}"[..11];
        var approver = await console.Host.SignInNewUserAsync(approverName);
        await ShareAsync(projectId, documentId, approver.Id);
        var approvalId = await ApprovalAsync(projectId, documentId, approver.Id);
        (await approver.Client.PostAsJsonAsync($"/api/v1/approvals/{approvalId}/decisions", new { decision = "NeedsWork" })).EnsureSuccessStatusCode();
        var page = await SignedInAsync(await console.InvitedUserAsync("mo", "system-administrator"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Approval metrics" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Needs work", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Overdue", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Decided by").FillAsync("nobody@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(Problem(page, "approver")).ToContainTextAsync("No active user has this e-mail address.");
        await page.GetByLabel("Decided by").FillAsync(AccessUsers.EmailOf(approverName));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Needs work 1", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Completed 1", Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync($"approvals/{approvalId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "The project's approvals report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Approval metrics: Spring launch" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Needs work 1", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Completed 1", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Pending (open) 0", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Overdue 0", Exact = true })).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "approval-metrics");

        // Someone else: no organization's report, and no project's report for a project they may not view.
        var other = await SignedInAsync(await console.InvitedUserAsync("nell"));
        await other.GotoAsync("approvals/metrics");
        await Expect(other.GetByText("The organization's approvals report is for System Administrators")).ToBeVisibleAsync();
        await other.GotoAsync($"approvals/metrics?project={projectId}");
        await Expect(other.GetByRole(AriaRole.Rowheader, new() { Name = "Completed", Exact = true })).ToHaveCountAsync(0);
        await Expect(other.GetByRole(AriaRole.Button, new() { Name = "Show" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_administrator_connects_Experience_Manager_tests_it_publishes_an_approved_document_and_disconnects()
    {
        await using var aem = await FakeExperienceManagerServer.StartAsync();
        var (projectId, documentId) = await DocumentAsync();
        var approver = await console.Host.SignInNewUserAsync($"pia{Guid.NewGuid():N}"[..11]);
        await ShareAsync(projectId, documentId, approver.Id);
        var approvalId = await ApprovalAsync(projectId, documentId, approver.Id);
        (await approver.Client.PostAsJsonAsync($"/api/v1/approvals/{approvalId}/decisions", new { decision = "Approved" })).EnsureSuccessStatusCode();

        var outsider = await SignedInAsync(await console.InvitedUserAsync("ned"));
        await outsider.GotoAsync("setup/experience-manager");
        await Expect(outsider.GetByText("Only a System Administrator connects")).ToBeVisibleAsync();
        await Expect(outsider.GetByLabel("Access token")).ToHaveCountAsync(0);

        var page = await SignedInAsync(await console.InvitedUserAsync("eve", "system-administrator"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Experience Manager" }).First.ClickAsync();
        await Expect(page.GetByText("Not connected.")).ToBeVisibleAsync();
        await page.GetByLabel("Experience Manager URL").FillAsync("not a url");
        await page.GetByLabel("Access token").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        await Expect(Problem(page, "baseUrl")).ToContainTextAsync("absolute http or https URL");

        await page.GetByLabel("Experience Manager URL").FillAsync(aem.BaseUrl.ToString());
        await page.GetByLabel("Access token").FillAsync("the-wrong-token-1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The connection is saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The connection does not work.");

        await page.GetByLabel("Experience Manager URL").FillAsync(aem.BaseUrl.ToString());
        await page.GetByLabel("Access token").FillAsync(aem.AccessToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save connection" }).ClickAsync();
        await Expect(page.GetByText($"with a token ending in “{aem.AccessToken[^4..]}”")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The connection works.");
        Assert.DoesNotContain(aem.AccessToken, await page.ContentAsync(), StringComparison.Ordinal);
        await ConsoleHostFixture.ScreenshotAsync(page, "experience-manager");

        await page.GotoAsync($"approvals/{approvalId}");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Publications" })).ToContainTextAsync("poster.pdf: not published.");
        await page.GetByLabel("Experience Manager folder").FillAsync("../outside");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish to Experience Manager" }).ClickAsync();
        await Expect(Problem(page, "folderPath")).ToContainTextAsync("a path below the DAM root");
        await page.GetByLabel("Experience Manager folder").FillAsync("greenlight/spring");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish to Experience Manager" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("greenlight/spring");
        await Eventually.MatchesAsync(() => Task.FromResult(aem.Asset("greenlight/spring/poster.pdf")), a => a is not null && a.Metadata.Count > 0,
            TimeSpan.FromSeconds(60), "the approved document in Experience Manager with its metadata");
        await Eventually.MatchesAsync(async () => (await console.GetAsync($"/api/v1/approvals/{approvalId}/documents/{documentId}/publication")),
            p => p.GetProperty("publishedAt").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(60), "the publication recorded as done");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Publications" })).ToContainTextAsync("poster.pdf: published to greenlight/spring/poster.pdf");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish to Experience Manager" })).ToHaveCountAsync(0);
        await ConsoleHostFixture.ScreenshotAsync(page, "approval-published");

        await page.GotoAsync("setup/experience-manager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await Expect(page.GetByText("Not connected.")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await console.Host.Admin.GetAsync("/api/v1/admin/experience-manager/connection")).StatusCode);
    }

    /// <summary>The problems the page shows under a field (the id its aria-describedby names).</summary>
    private static ILocator Problem(IPage page, string field) => page.Locator($"[id='{field}-problem']");

    private Task<IPage> SignedInAsync((string Id, string Email, string InvitationPath) user) => console.SignedInPageAsync(user);

    /// <summary>A project "Spring launch" of the administrator's with the document poster.pdf.</summary>
    private async Task<(string ProjectId, string DocumentId)> DocumentAsync()
    {
        var admin = console.Host.Admin;
        var project = await (await admin.PostAsJsonAsync("/api/v1/projects", new { name = "Spring launch" })).ReadSuccessAsync<JsonElement>();
        var projectId = project.GetProperty("id").GetString()!;
        var pdf = new ByteArrayContent("%PDF-1.7"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } };
        var document = await (await admin.PostAsync($"/api/v1/projects/{projectId}/documents?name=poster.pdf", pdf)).ReadSuccessAsync<JsonElement>();
        return (projectId, document.GetProperty("id").GetString()!);
    }

    private async Task ShareAsync(string projectId, string documentId, string userId) =>
        (await console.Host.Admin.PostAsJsonAsync($"/api/v1/access/objects/Project/{projectId}/Document/{documentId}/shares",
            new { granteeKind = "User", granteeId = userId, permission = "View" }, Json.Options)).EnsureSuccessStatusCode();

    /// <summary>A one-stage approval the administrator starts through the API, the user its one approver.</summary>
    private async Task<string> ApprovalAsync(string projectId, string documentId, string approverId)
    {
        var body = new { paths = new[] { new { stages = new[] { new { name = "Sign-off", participants = new[] { new { kind = "User", id = approverId, role = "Approver" } } } } } } };
        var approval = await (await console.Host.Admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/documents/{documentId}/approvals", body, Json.Options))
            .ReadSuccessAsync<JsonElement>();
        return approval.GetProperty("id").GetString()!;
    }
}
