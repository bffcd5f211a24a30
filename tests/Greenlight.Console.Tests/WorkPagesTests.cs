namespace Greenlight.Console.Tests;

/// <summary>The Work module's forms: creating a project, its status, tasks and subtasks, assignees, uploading and downloading documents.</summary>
[Collection(ConsoleHostCollection.Name)]
public sealed class WorkPagesTests(ConsoleHostFixture console)
{
    [Fact]
    public async Task A_Light_user_is_not_offered_Create_project()
    {
        var light = await console.InvitedUserAsync("lou", "light");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, light.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, light.Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Projects" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Projects", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create project" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_person_goes_from_a_portfolio_to_its_program_to_its_project()
    {
        var admin = console.Host.Admin;
        var portfolio = await IdAsync(await admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "Retail" }));
        var program = await IdAsync(await admin.PostAsJsonAsync("/api/v1/programs", new { portfolioId = portfolio, name = "Seasonal" }));
        await IdAsync(await admin.PostAsJsonAsync("/api/v1/projects", new { name = "Winter windows", programId = program }));
        var person = await console.InvitedUserAsync("ada", "system-administrator");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, person.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, person.Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Projects" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Portfolios and programs" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Retail" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Seasonal" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Winter windows" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Winter windows" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Its program" })).ToHaveAttributeAsync("href", $"programs/{program}");
    }

    [Fact]
    public async Task A_Standard_user_creates_a_project_adds_tasks_subtasks_issues_assigns_uploads_versions_and_downloads()
    {
        var coordinator = await console.InvitedUserAsync("cora");
        var colleague = await console.InvitedUserAsync("colin");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, coordinator.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, coordinator.Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Projects" }).First.ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Expect(page.Locator("#name-problem")).ToContainTextAsync("empty");
        await page.GetByLabel("Name").FillAsync("Spring campaign");
        await page.GetByLabel("Status").SelectOptionAsync("Planning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spring campaign" })).ToBeVisibleAsync();

        await page.GetByLabel("Task name").FillAsync("Storyboard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Storyboard New" })).ToBeVisibleAsync();
        await page.GetByLabel("Task name").FillAsync("Cover shoot");
        await page.GetByLabel("Subtask of").SelectOptionAsync(new SelectOptionValue { Label = "Storyboard" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cover shoot New Storyboard" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Expect(page.Locator("#assigneeId-problem")).ToBeVisibleAsync(); // nobody picked
        await page.GetByLabel("Task", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Cover shoot" });
        await page.GetByLabel("Assign to").SelectOptionAsync(ConsoleHostFixture.PersonOption(colleague.Email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Expect(page.GetByLabel("Assign to")).ToHaveValueAsync(""); // the page shown afresh once it is done
        var projectId = page.Url.Split('/')[^1];
        var coverShoot = await page.GetByLabel("Task", new() { Exact = true }).Locator("option", new() { HasText = "Cover shoot" }).GetAttributeAsync("value");
        await Eventually.MatchesAsync(() => console.GetAsync($"/api/v1/projects/{projectId}/tasks/{coverShoot}"),
            task => task.GetProperty("assignees").EnumerateArray().Any(a => a.GetProperty("id").GetString() == colleague.Id),
            TimeSpan.FromSeconds(30), "Cover shoot is assigned to the colleague");

        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "moodboard.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7 mood"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "moodboard.pdf" })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download moodboard.pdf version 1" }).ClickAsync());
        Assert.Equal("%PDF-1.7 mood", await File.ReadAllTextAsync(await download.PathAsync()));

        await page.GetByLabel("New version's file").SetInputFilesAsync(new FilePayload { Name = "moodboard-2.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7 mood 2"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload version" }).ClickAsync();
        var second = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download moodboard.pdf version 2" }).ClickAsync());
        Assert.Equal("%PDF-1.7 mood 2", await File.ReadAllTextAsync(await second.PathAsync()));

        await page.GetByLabel("Issue", new() { Exact = true }).FillAsync("Logo too small");
        await page.GetByLabel("About task").SelectOptionAsync(new SelectOptionValue { Label = "Storyboard" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add issue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Logo too small New Storyboard" })).ToBeVisibleAsync();

        await page.GetByLabel("Status").SelectOptionAsync("OnHold");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Expect(page.Locator(".badge").First).ToHaveTextAsync("OnHold");
        await ConsoleHostFixture.ScreenshotAsync(page, "project-work");
    }

    private static async Task<string> IdAsync(HttpResponseMessage created) =>
        (await created.ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;
}
