namespace Greenlight.Console.Tests;

/// <summary>The administrator's setup pages: groups as a tree with their administrators, connecting a group to Frame.io, users.</summary>
[Collection(ConsoleHostCollection.Name)]
public sealed class SetupTests(ConsoleHostFixture console)
{
    [Fact]
    public async Task An_administrator_creates_a_group_and_a_subgroup_and_the_group_administrator_only_subgroups_of_theirs()
    {
        var page = await SignedInAsync(await console.InvitedUserAsync("ada", "system-administrator"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Groups" }).First.ClickAsync();
        var marketing = $"Marketing {Guid.NewGuid():N}"[..16];
        await CreateGroupAsync(page, marketing, "Top level");
        await CreateGroupAsync(page, marketing + " video", marketing);
        var branch = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = marketing }).First;
        await Expect(branch.GetByRole(AriaRole.Listitem).Filter(new() { HasText = marketing + " video" })).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "groups");

        var groups = await console.GetAsync("/api/v1/access/groups");
        var marketingId = groups.EnumerateArray().Single(g => g.GetProperty("name").GetString() == marketing).GetProperty("id").GetString();
        var gus = await console.InvitedUserAsync("gus");
        (await console.Host.Admin.PutAsJsonAsync($"/api/v1/access/groups/{marketingId}/administrators", new { userIds = new[] { gus.Id } }, Json.Options))
            .EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await Expect(branch).ToContainTextAsync("administrators: gus");

        var gusPage = await SignedInAsync(gus);
        await gusPage.GetByRole(AriaRole.Link, new() { Name = "Groups" }).First.ClickAsync();
        var inside = gusPage.GetByLabel("Inside");
        await Expect(inside.Locator("option")).ToHaveTextAsync([marketing, marketing + " video"]);
    }

    [Fact]
    public async Task An_administrator_connects_a_group_to_Frame_io_with_an_account_choice_tests_it_and_disconnects()
    {
        const string token = "fio-console-token-7731";
        console.Frameio.AddTokenUser(token, email: "studio-admin@example.com");
        var group = $"Post {Guid.NewGuid():N}"[..11];
        (await console.Host.Admin.PostAsJsonAsync("/api/v1/access/groups", new { name = group })).EnsureSuccessStatusCode();
        var page = await SignedInAsync(await console.InvitedUserAsync("ida", "system-administrator"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Groups" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Connect {group} to Frame.io" }).ClickAsync();
        await Expect(page.GetByText("Not connected.")).ToBeVisibleAsync();

        await page.GetByLabel("Frame.io token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Initiate connection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The token works: choose the account.");
        await page.GetByLabel("Frame.io account").SelectOptionAsync(new SelectOptionValue { Label = "Studio South" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Connected to Studio South.");
        await Expect(page.GetByText("Account: Studio South.")).ToBeVisibleAsync();
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        await ConsoleHostFixture.ScreenshotAsync(page, "frameio-connection");

        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The connection works (Frame.io user studio-admin@example.com).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Disconnected.");
        await Expect(page.GetByText("Not connected.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_administrator_flags_two_users_for_Frame_io_in_one_bulk_edit_and_deactivates_and_reactivates_one()
    {
        var admin = console.Host.Admin;
        var (umaName, ugoName) = (Unique("uma"), Unique("ugo"));
        var (uma, ugo, una) = (await admin.CreateUserAsync(umaName), await admin.CreateUserAsync(ugoName), await admin.CreateUserAsync(Unique("una")));
        var page = await SignedInAsync(await console.InvitedUserAsync("ulf", "system-administrator"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).First.ClickAsync();
        await page.GetByLabel($"Select {umaName}").CheckAsync();
        await page.GetByLabel($"Select {ugoName}").CheckAsync();
        await page.GetByLabel("Add to projects in Frame.io").SelectOptionAsync(new SelectOptionValue { Label = "Yes" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Set Frame.io flag" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 users changed");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = umaName })).ToContainTextAsync("Yes");
        await ConsoleHostFixture.ScreenshotAsync(page, "users");
        Assert.True((await console.GetAsync($"/api/v1/access/users/{uma}")).GetProperty("addToFrameioProjects").GetBoolean());
        Assert.True((await console.GetAsync($"/api/v1/access/users/{ugo}")).GetProperty("addToFrameioProjects").GetBoolean());
        Assert.False((await console.GetAsync($"/api/v1/access/users/{una}")).GetProperty("addToFrameioProjects").GetBoolean());

        await page.GetByLabel($"Select {ugoName}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = ugoName })).ToContainTextAsync("Deactivated");
        Assert.False((await console.GetAsync($"/api/v1/access/users/{ugo}")).GetProperty("active").GetBoolean());
        await page.GetByLabel($"Select {ugoName}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reactivate" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = ugoName })).ToContainTextAsync("Active");
        Assert.True((await console.GetAsync($"/api/v1/access/users/{ugo}")).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task An_administrator_edits_a_user_name_level_groups_and_Frame_io_flag()
    {
        var admin = console.Host.Admin;
        var veraName = Unique("vera");
        var vera = await admin.CreateUserAsync(veraName);
        var group = Unique("Print");
        var groupId = (await (await admin.PostAsJsonAsync("/api/v1/access/groups", new { name = group })).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString();
        var page = await SignedInAsync(await console.InvitedUserAsync("val", "system-administrator"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = veraName }).ClickAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Vera Renamed " + vera[..6]);
        await page.GetByLabel("Access level").SelectOptionAsync(new SelectOptionValue { Label = "Light (Light)" });
        await page.GetByLabel(group, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Add to projects in Frame.io").SelectOptionAsync(new SelectOptionValue { Label = "Yes" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vera Renamed " + vera[..6] })).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "user");
        var saved = await console.GetAsync($"/api/v1/access/users/{vera}");
        Assert.Equal("light", saved.GetProperty("accessLevelId").GetString());
        Assert.Equal([groupId], saved.GetProperty("groupIds").EnumerateArray().Select(g => g.GetString()));
        Assert.True(saved.GetProperty("addToFrameioProjects").GetBoolean());
    }

    [Fact]
    public async Task An_administrator_creates_a_team_and_sees_its_members()
    {
        var page = await SignedInAsync(await console.InvitedUserAsync("tia", "system-administrator"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Teams" }).First.ClickAsync();
        var team = Unique("Colour");
        await page.GetByLabel("Name").FillAsync(team);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"The team \"{team}\" is created.");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = team })).ToContainTextAsync("No members yet");

        var teamId = (await console.GetAsync("/api/v1/access/teams")).EnumerateArray().Single(t => t.GetProperty("name").GetString() == team).GetProperty("id").GetString();
        var memberName = Unique("tom");
        await console.Host.Admin.CreateUserAsync(memberName, profile: new Dictionary<string, object?> { ["homeTeamId"] = teamId });
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = team })).ToContainTextAsync(memberName);
    }

    private static string Unique(string name) => $"{name}{Guid.NewGuid():N}"[..(name.Length + 8)];

    private async Task<IPage> SignedInAsync((string Id, string Email, string InvitationPath) user)
    {
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, user.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, user.Email);
        return page;
    }

    private static async Task CreateGroupAsync(IPage page, string name, string inside)
    {
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Inside").SelectOptionAsync(new SelectOptionValue { Label = inside });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"The group \"{name}\" is created.");
    }
}
