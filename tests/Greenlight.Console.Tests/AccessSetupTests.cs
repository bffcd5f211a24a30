namespace Greenlight.Console.Tests;

/// <summary>The access setup pages: access levels, group administrators, sharing preferences, and a menu of only what the person may use.</summary>
[Collection(ConsoleHostCollection.Name)]
public sealed class AccessSetupTests(ConsoleHostFixture console)
{
    [Fact]
    public async Task An_administrator_copies_a_level_edits_it_within_its_license_and_deletes_it()
    {
        var page = await SignedInAsync(await console.InvitedUserAsync("lea", "system-administrator"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Access levels" }).First.ClickAsync();
        foreach (var (name, license) in new[] { ("System Administrator", "Standard"), ("Light", "Light"), ("External", "External") })
            await Expect(page.GetByRole(AriaRole.Row, new() { Name = name, Exact = false }).First).ToContainTextAsync(license);

        var copyName = Unique("Reviewers");
        await page.GetByLabel("Copy of").SelectOptionAsync(new SelectOptionValue { Label = "Light (Light)" });
        await page.GetByLabel("Name of the copy").FillAsync(copyName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy level" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = copyName })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The copy is made: set its name and settings.");

        // The Light license stops at View on projects: Edit is offered disabled, with the reason beside it.
        await Expect(page.Locator("#setting-projects option[value=Edit]")).ToBeDisabledAsync();
        await Expect(page.Locator("#refusal-projects")).ToHaveTextAsync("Refused by the Light license (at most View here): Edit.");
        await Expect(page.GetByLabel("Filters, views and groupings", new() { Exact = true })).ToBeEnabledAsync();
        await page.GetByLabel("Issues", new() { Exact = true }).SelectOptionAsync("View");
        await page.GetByLabel("Documents: Delete").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await ConsoleHostFixture.ScreenshotAsync(page, "access-level");

        var copyId = new Uri(page.Url).Segments[^1];
        var saved = await console.GetAsync($"/api/v1/access/levels/{copyId}");
        Assert.Equal(copyName, saved.GetProperty("name").GetString());
        Assert.Equal("View", Area(saved, "issues").GetProperty("setting").GetString());
        Assert.False(Area(saved, "documents").GetProperty("delete").GetBoolean());
        Assert.True(Area(saved, "documents").GetProperty("create").GetBoolean());

        // The API's own errors appear next to the field they name.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#name-problem")).Not.ToBeEmptyAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the access levels" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {copyName}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"The level \"{copyName}\" is deleted.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = copyName })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_administrator_adds_and_removes_a_group_administrator_who_then_administers_the_group()
    {
        var group = Unique("Studio");
        (await console.Host.Admin.PostAsJsonAsync("/api/v1/access/groups", new { name = group })).EnsureSuccessStatusCode();
        var gil = await console.InvitedUserAsync("gil");
        var gilName = (await console.GetAsync($"/api/v1/access/users/{gil.Id}")).GetProperty("name").GetString()!;
        var page = await SignedInAsync(await console.InvitedUserAsync("ava", "system-administrator"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Groups" }).First.ClickAsync();

        await page.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = group });
        await page.GetByLabel("User (Standard license)").SelectOptionAsync(new SelectOptionValue { Label = $"{gilName} ({gil.Email})" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add administrator" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{gilName} administers {group}.");
        var branch = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = group }).First;
        await Expect(branch).ToContainTextAsync($"administrators: {gilName}");
        await ConsoleHostFixture.ScreenshotAsync(page, "group-administrators");

        // The new administrator may now make subgroups of it, and only of it.
        var gilPage = await SignedInAsync(gil);
        await gilPage.GetByRole(AriaRole.Link, new() { Name = "Groups" }).First.ClickAsync();
        await Expect(gilPage.GetByLabel("Inside").Locator("option")).ToHaveTextAsync([group]);
        await Expect(gilPage.GetByRole(AriaRole.Heading, new() { Name = "Group administrators" })).ToHaveCountAsync(0);

        await page.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = group });
        await page.GetByLabel("User (Standard license)").SelectOptionAsync(new SelectOptionValue { Label = $"{gilName} ({gil.Email})" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove administrator" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{gilName} no longer administers {group}.");
        await Expect(branch).ToContainTextAsync("no administrators of its own");
        await gilPage.ReloadAsync();
        await Expect(gilPage.GetByText("Only a System Administrator or a group's administrator creates groups.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_administrator_sets_the_sharing_preferences_which_others_only_read()
    {
        var before = await console.GetAsync("/api/v1/access/preferences");
        try
        {
            var page = await SignedInAsync(await console.InvitedUserAsync("pia", "system-administrator"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Sharing preferences" }).First.ClickAsync();
            await page.GetByLabel("An assignee of a task or issue receives on it").SelectOptionAsync("Manage");
            await page.GetByLabel("And on the whole project").SelectOptionAsync(new SelectOptionValue { Label = "View" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The preferences are saved.");
            await ConsoleHostFixture.ScreenshotAsync(page, "sharing-preferences");
            var saved = await console.GetAsync("/api/v1/access/preferences");
            Assert.Equal("Manage", saved.GetProperty("assigneePermission").GetString());
            Assert.Equal("View", saved.GetProperty("assigneeProjectPermission").GetString());

            var plain = await SignedInAsync(await console.InvitedUserAsync("pat"));
            await plain.GotoAsync("setup/preferences");
            await Expect(plain.GetByText("Only a System Administrator changes the preferences.")).ToBeVisibleAsync();
            await Expect(plain.GetByRole(AriaRole.Button, new() { Name = "Save preferences" })).ToHaveCountAsync(0);
            await Expect(plain.Locator("dd").Nth(1)).ToHaveTextAsync("Manage");
        }
        finally
        {
            // The other tests of the host assign work under the defaults they expect.
            (await console.Host.Admin.PutAsJsonAsync("/api/v1/access/preferences", before)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task The_menu_shows_each_person_only_what_they_may_use_and_the_pages_still_refuse_by_themselves()
    {
        string[] setup = ["Access levels", "Groups", "Users", "Teams", "Sharing preferences", "Stuck work"];
        var administrator = await SignedInAsync(await console.InvitedUserAsync("mia", "system-administrator"));
        await Expect(Menu(administrator)).ToContainTextAsync(setup);

        var plan = await SignedInAsync(await console.InvitedUserAsync("pam"));
        await Expect(Menu(plan)).ToContainTextAsync(["My approvals", "Projects"]);
        foreach (var entry in setup)
        {
            await Expect(Menu(plan).Filter(new() { HasText = entry })).ToHaveCountAsync(0);
            await Expect(Content(plan).GetByRole(AriaRole.Link, new() { Name = entry, Exact = true })).ToHaveCountAsync(0);
        }
        await ConsoleHostFixture.ScreenshotAsync(plan, "menu-plan-user");
        await plan.GotoAsync("setup/levels");
        await Expect(plan.GetByText("Only a System Administrator may do this.")).ToBeVisibleAsync();
        await Expect(plan.GetByRole(AriaRole.Button, new() { Name = "Copy level" })).ToHaveCountAsync(0);

        // A group administrator sees the directory's pages, not the System Administrator's.
        var group = Unique("Desk");
        var groupId = (await (await console.Host.Admin.PostAsJsonAsync("/api/v1/access/groups", new { name = group })).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString();
        var gwen = await console.InvitedUserAsync("gwen");
        (await console.Host.Admin.PutAsJsonAsync($"/api/v1/access/groups/{groupId}/administrators", new { userIds = new[] { gwen.Id } }, Json.Options)).EnsureSuccessStatusCode();
        var groupAdministrator = await SignedInAsync(gwen);
        await Expect(Menu(groupAdministrator)).ToContainTextAsync(["Groups", "Users", "Teams"]);
        foreach (var entry in new[] { "Access levels", "Sharing preferences", "Stuck work" })
            await Expect(Menu(groupAdministrator).Filter(new() { HasText = entry })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_password_reset_request_over_the_limit_answers_the_same_neutral_page()
    {
        var user = await console.InvitedUserAsync("rae");
        var page = await console.NewPageAsync();
        // The address's hourly allowance is three; the fourth request is limited and must not tell.
        for (var i = 0; i < 4; i++)
        {
            await page.GotoAsync("forgot-password");
            await page.GetByLabel("E-mail address").FillAsync(user.Email);
            await page.GetByRole(AriaRole.Button, new() { Name = "E-mail me a link" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
                "If a user has this address, an e-mail with a link to set a new password is on its way. The link works once, for an hour.");
        }
    }

    private static ILocator Menu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Listitem);

    /// <summary>The page's own content (the home page repeats the menu as cards).</summary>
    private static ILocator Content(IPage page) => page.Locator("#main");

    private static JsonElement Area(JsonElement level, string area) =>
        level.GetProperty("areas").EnumerateObject().Single(p => string.Equals(p.Name, area, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Unique(string name) => $"{name}{Guid.NewGuid():N}"[..(name.Length + 8)];

    private Task<IPage> SignedInAsync((string Id, string Email, string InvitationPath) user) => console.SignedInPageAsync(user);
}
