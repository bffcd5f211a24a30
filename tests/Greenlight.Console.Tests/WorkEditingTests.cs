namespace Greenlight.Console.Tests;

/// <summary>
/// Editing the work in the console: statuses from the project page, assignees by name, editing, moving and deleting (with a
/// confirmation) portfolios, projects, tasks, issues and documents, picking a project's group; and no such form for a person
/// the Access module would refuse.
/// </summary>
[Collection(ConsoleHostCollection.Name)]
public sealed class WorkEditingTests(ConsoleHostFixture console)
{
    private HttpClient Admin => console.Host.Admin;

    [Fact]
    public async Task A_manager_sets_statuses_sees_assignees_by_name_moves_an_issue_and_edits_moves_and_deletes_a_task()
    {
        var cora = await console.InvitedUserAsync("cora");
        var colin = await console.InvitedUserAsync("colin");
        var team = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/access/teams", new { name = "Designers" }));
        var project = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Summer launch" }));
        var storyboard = await TaskAsync(project, "Storyboard");
        await TaskAsync(project, "Mood board");
        await IdAsync(await Admin.PostAsJsonAsync($"/api/v1/projects/{project}/issues", new { name = "Logo too small" }));
        (await Admin.PostAsJsonAsync($"/api/v1/projects/{project}/tasks/{storyboard}/assignments", new { kind = "User", assigneeId = colin.Id })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync($"/api/v1/projects/{project}/tasks/{storyboard}/assignments", new { kind = "Team", assigneeId = team })).EnsureSuccessStatusCode();
        await ShareAsync("Project", project, cora.Id, "Manage");
        var page = await SignedInAsync(cora);

        await page.GotoAsync($"projects/{project}");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = $"Storyboard New {NameOf(colin.Email)}, Designers (team)" })).ToBeVisibleAsync();
        await page.GetByLabel("Task to update").SelectOptionAsync(new SelectOptionValue { Label = "Storyboard (New)" });
        await page.GetByLabel("Set task to").SelectOptionAsync("InProgress");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set task status" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Storyboard InProgress" })).ToBeVisibleAsync();
        await page.GetByLabel("Set issue to").SelectOptionAsync("Resolved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set issue status" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Logo too small Resolved" })).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "project-statuses-and-assignees");

        await page.GetByRole(AriaRole.Link, new() { Name = "Logo too small" }).ClickAsync();
        await page.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "The task Storyboard" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "The task it is about" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Logo too small Resolved Storyboard" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Mood board", Exact = true }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator("#name-problem")).ToContainTextAsync("empty");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Mood boards");
        await page.GetByLabel("Description").FillAsync("Three directions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mood boards" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Three directions").First).ToBeVisibleAsync();

        await page.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Under the task Storyboard" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Storyboard", Exact = true })).ToBeVisibleAsync(); // "Part of Storyboard"
        var moodBoards = page.Url.Split('/')[^1];
        Assert.Equal(storyboard, (await console.GetAsync($"/api/v1/projects/{project}/tasks/{moodBoards}")).GetProperty("parentTaskId").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the task Mood boards…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "for good" })).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "task-delete-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete the task Mood boards" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Summer launch" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mood boards", Exact = true })).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/v1/projects/{project}/tasks/{moodBoards}")).StatusCode);
    }

    [Fact]
    public async Task A_manager_renames_and_moves_a_document_edits_moves_and_deletes_the_project_and_deletes_the_emptied_portfolio()
    {
        var cora = await console.InvitedUserAsync("cora");
        var portfolio = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "Retail" }));
        var project = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Shop windows" }));
        await IdAsync(await Admin.PostAsJsonAsync($"/api/v1/projects/{project}/folders", new { name = "Proofs" }));
        var pdf = new ByteArrayContent("%PDF-1.7"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } };
        await IdAsync(await Admin.PostAsync($"/api/v1/projects/{project}/documents?name=layout.pdf", pdf));
        await ShareAsync("Project", project, cora.Id, "Manage");
        await ShareAsync("Portfolio", portfolio, cora.Id, "Manage");
        var page = await SignedInAsync(cora);

        await page.GotoAsync($"projects/{project}");
        await page.GetByRole(AriaRole.Link, new() { Name = "layout.pdf", Exact = true }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("layout-v1.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "layout-v1.pdf" })).ToBeVisibleAsync();
        await page.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "The folder Proofs" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Move to").Locator("option", new() { HasText = "Proofs" })).ToHaveCountAsync(0); // where it is now
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "layout-v1.pdf Proofs" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit, move or delete this project" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Shop windows EU");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit Shop windows EU" })).ToBeVisibleAsync();
        await page.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "The portfolio Retail" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Move to").Locator("option", new() { HasText = "Retail" })).ToHaveCountAsync(0); // where it is now
        Assert.Equal(portfolio, (await console.GetAsync($"/api/v1/projects/{project}")).GetProperty("portfolioId").GetString());
        await ConsoleHostFixture.ScreenshotAsync(page, "project-edit");

        await page.GotoAsync($"portfolios/{portfolio}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the portfolio Retail…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete the portfolio Retail" }).ClickAsync();
        await Expect(page.Locator(".problems[role=alert]")).ToContainTextAsync("still holds"); // refused, shown on the form

        await page.GotoAsync($"projects/{project}/edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the project Shop windows EU…" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "No, keep it" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the project Shop windows EU…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete the project Shop windows EU" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Projects", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/v1/projects/{project}")).StatusCode);

        await page.GotoAsync($"portfolios/{portfolio}");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Retail EU");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Retail EU" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the portfolio Retail EU…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete the portfolio Retail EU" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portfolios" }).First).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/v1/portfolios/{portfolio}")).StatusCode);
    }

    [Fact]
    public async Task A_person_who_may_only_view_is_offered_no_status_edit_move_or_delete_form()
    {
        var viewer = await console.InvitedUserAsync("vic");
        var portfolio = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/portfolios", new { name = "Archive" }));
        var project = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Old catalogue", portfolioId = portfolio }));
        var task = await TaskAsync(project, "Index");
        var issue = await IdAsync(await Admin.PostAsJsonAsync($"/api/v1/projects/{project}/issues", new { name = "Typo" }));
        await ShareAsync("Portfolio", portfolio, viewer.Id, "View");
        var page = await SignedInAsync(viewer);

        await page.GotoAsync($"projects/{project}");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Index New" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Task to update")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Issue to update")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit, move or delete this project" })).ToHaveCountAsync(0);
        foreach (var path in new[] { $"projects/{project}/tasks/{task}", $"projects/{project}/issues/{issue}", $"projects/{project}/edit", $"portfolios/{portfolio}" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Project");
            await Expect(page.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Sign out"]);
        }
    }

    [Fact]
    public async Task Create_project_and_its_edit_page_offer_the_groups_the_person_belongs_to_with_their_subgroups_and_no_other()
    {
        var studio = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "Studio" }));
        var print = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "Print", parentId = studio }));
        await IdAsync(await Admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "Finance" }));
        var name = $"gia{Guid.NewGuid():N}"[..11];
        await Admin.CreateUserAsync(name, "standard", new Dictionary<string, object?> { ["homeGroupId"] = studio });
        var email = AccessUsers.EmailOf(name);
        var page = await SignedInAsync((email, await console.LinkPathAsync(email, "You are invited to Greenlight")));

        await page.GetByRole(AriaRole.Link, new() { Name = "Projects" }).First.ClickAsync();
        // Print indented under Studio; Finance, a group she has nothing to do with, not offered.
        await Expect(page.GetByLabel("Group").Locator("option")).ToHaveTextAsync([new Regex("^\\(no group\\)$"), new Regex("^Studio$"), new Regex("^\\s+Print$")]);
        await page.GetByLabel("Name").FillAsync("Poster run");
        await page.GetByLabel("Group").SelectOptionAsync(print);
        await ConsoleHostFixture.ScreenshotAsync(page, "create-project-group");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Poster run" })).ToBeVisibleAsync();
        var project = page.Url.Split('/')[^1];
        Assert.Equal(print, (await console.GetAsync($"/api/v1/projects/{project}")).GetProperty("groupId").GetString());

        // The project page's edit page changes it among the same groups.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit, move or delete this project" }).ClickAsync();
        await Expect(page.GetByLabel("Group", new() { Exact = true })).ToHaveValueAsync(print);
        await page.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(studio);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save group" }).ClickAsync();
        await Eventually.MatchesAsync(() => console.GetAsync($"/api/v1/projects/{project}"), p => p.GetProperty("groupId").GetString() == studio,
            TimeSpan.FromSeconds(30), "the project is in the Studio group");
    }

    private async Task<IPage> SignedInAsync((string Email, string InvitationPath) user)
    {
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, user.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, user.Email);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    private Task<IPage> SignedInAsync((string Id, string Email, string InvitationPath) user) => SignedInAsync((user.Email, user.InvitationPath));

    /// <summary>A user's name, as the fixture makes it: the e-mail address's local part.</summary>
    private static string NameOf(string email) => email.Split('@')[0];

    private async Task ShareAsync(string type, string id, string userId, string permission) =>
        (await Admin.PostAsJsonAsync($"/api/v1/access/objects/{type}/{id}/{type}/{id}/shares",
            new { granteeKind = "User", granteeId = userId, permission }, Json.Options)).EnsureSuccessStatusCode();

    private async Task<string> TaskAsync(string projectId, string name) =>
        await IdAsync(await Admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/tasks", new { name }));

    private static async Task<string> IdAsync(HttpResponseMessage created) =>
        (await created.ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;
}
