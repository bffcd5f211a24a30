namespace Greenlight.Console.Tests;

/// <summary>The share page: who has access and through what, sharing, changing and removing grants, the inheritance switch, and "why can / can't".</summary>
[Collection(ConsoleHostCollection.Name)]
public sealed class SharingTests(ConsoleHostFixture console)
{
    private HttpClient Admin => console.Host.Admin;

    [Fact]
    public async Task An_administrator_sees_who_has_access_through_what_shares_changes_removes_and_stops_inheriting()
    {
        var (project, task, names) = await LaunchWithStoryboardAsync();
        var ann = await console.InvitedUserAsync("ann", "light");
        await PatchAsync($"/api/v1/access/users/{ann.Id}", new { groupIds = new[] { names.PrintId } });
        var page = await SignedInAsync("sam", "system-administrator");

        await page.GotoAsync($"projects/{project}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Share Storyboard" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Share task Storyboard" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Where it sits" }).GetByRole(AriaRole.Link, new() { Name = "project Launch" }))
            .ToHaveAttributeAsync("href", $"share/Project/{project}");
        var inherited = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "inherited from project Launch" }).Filter(new() { HasText = $"group {names.Design}" });
        await Expect(inherited).ToContainTextAsync($"group {names.Design} and its subgroups {names.Print}");
        await Expect(inherited).ToContainTextAsync("View");

        await page.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();
        await Expect(page.Locator("#granteeId-problem")).ToContainTextAsync("Pick a person, team or group");
        await page.GetByLabel("Share with").SelectOptionAsync(new SelectOptionValue { Label = NameOf(ann) + $" ({ann.Email})" });
        await page.GetByLabel("Permission", new() { Exact = true }).SelectOptionAsync("Manage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();
        await Expect(page.Locator("#permission-problem")).ToContainTextAsync("access level Light allows on Tasks is View");

        await page.GetByLabel("Share with").SelectOptionAsync(new SelectOptionValue { Label = names.Studio });
        await page.GetByLabel("Permission", new() { Exact = true }).SelectOptionAsync("Contribute");
        await page.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();
        var studio = page.GetByLabel($"Permission of team {names.Studio}", new() { Exact = true });
        await Expect(studio).ToHaveValueAsync("Contribute");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"team {names.Studio}" })).ToContainTextAsync("shared on this task");
        await ConsoleHostFixture.ScreenshotAsync(page, "share-page");

        await studio.SelectOptionAsync("View");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Change the permission of team {names.Studio}" }).ClickAsync();
        await Expect(page.GetByLabel($"Permission of team {names.Studio}", new() { Exact = true })).ToHaveValueAsync("View");
        await Eventually.MatchesAsync(() => console.GetAsync($"/api/v1/access/objects/Project/{project}/Task/{task}/shares"),
            shares => shares.GetProperty("explicit").EnumerateArray().Any(g => g.GetProperty("permission").GetString() == "View"),
            TimeSpan.FromSeconds(30), "the team's grant is View");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove team {names.Studio}", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel($"Permission of team {names.Studio}", new() { Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop inheriting" }).ClickAsync();
        await Expect(page.GetByText("This task does not inherit")).ToBeVisibleAsync();
        await Expect(inherited).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume inheriting" }).ClickAsync();
        await Expect(inherited).ToHaveCountAsync(1);

        foreach (var (type, id) in new[] { ("Project", project), ("Task", task) })
            (await Admin.PostAsJsonAsync($"/api/v1/access/objects/Project/{project}/{type}/{id}/shares",
                new { granteeKind = "Team", granteeId = names.StudioId, permission = "View" })).EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Where it sits" }).GetByRole(AriaRole.Link, new() { Name = "project Launch" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove team {names.Studio} here and below" }).ClickAsync();
        await Expect(page.GetByLabel($"Permission of team {names.Studio}", new() { Exact = true })).ToHaveCountAsync(0);
        var taskShares = await console.GetAsync($"/api/v1/access/objects/Project/{project}/Task/{task}/shares");
        Assert.DoesNotContain(taskShares.GetProperty("explicit").EnumerateArray(), g => g.GetProperty("grantee").GetProperty("id").GetString() == names.StudioId);
    }

    [Fact]
    public async Task Why_can_and_cannot_answers_in_plain_words_with_the_group_tree_the_level_cap_and_deactivation()
    {
        var (project, _, names) = await LaunchWithStoryboardAsync();
        var ann = await console.InvitedUserAsync("ann", "light");
        await PatchAsync($"/api/v1/access/users/{ann.Id}", new { groupIds = new[] { names.PrintId } });
        var outsider = await console.InvitedUserAsync("otto", "standard");
        var page = await SignedInAsync("sam", "system-administrator");
        await page.GotoAsync($"projects/{project}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Share Storyboard" }).ClickAsync();
        var answer = page.Locator(".explanation");

        await page.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = NameOf(ann) });
        await page.GetByLabel("Action").SelectOptionAsync("View");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Expect(answer).ToContainTextAsync($"{NameOf(ann)} can view this task.");
        await Expect(answer).ToContainTextAsync(
            $"is in group {names.Print}, a subgroup of group {names.Design}, which has View on project Launch, inherited");
        await Expect(answer).ToContainTextAsync("access level (Light) allows at most View");

        await page.GetByLabel("Action").SelectOptionAsync("Edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Expect(answer).ToContainTextAsync($"{NameOf(ann)} cannot edit this task.");
        await Expect(answer).ToContainTextAsync("It needs Manage, from both: the access level falls short.");
        await ConsoleHostFixture.ScreenshotAsync(page, "share-why");

        await page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Label = "add a task to" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Expect(answer).ToContainTextAsync($"{NameOf(ann)} cannot add a task to this task.");
        await Expect(answer).ToContainTextAsync("access level (Light) does not allow this on Tasks");

        await page.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = NameOf(outsider) });
        await page.GetByLabel("Action").SelectOptionAsync("View");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Expect(answer).ToContainTextAsync($"{NameOf(outsider)} cannot view this task.");
        await Expect(answer).ToContainTextAsync("No grant reaches");
        await Expect(answer).ToContainTextAsync("It needs View, from both: the permission on the object falls short.");

        (await Admin.PostAsync($"/api/v1/access/users/{ann.Id}/deactivate", null)).EnsureSuccessStatusCode();
        await page.GotoAsync($"share/Task/{names.Task}?who={ann.Id}&action=View");
        await Expect(answer).ToContainTextAsync($"{NameOf(ann)} is deactivated: {NameOf(ann)} cannot sign in, so cannot view this task.");
    }

    [Fact]
    public async Task A_viewer_sees_the_grants_without_the_inheritance_switch_and_asks_only_about_themself()
    {
        var (project, task, names) = await LaunchWithStoryboardAsync();
        var ann = await console.InvitedUserAsync("ann", "light");
        await PatchAsync($"/api/v1/access/users/{ann.Id}", new { groupIds = new[] { names.PrintId } });
        var page = await SignedInAsync(ann);

        await page.GotoAsync($"share/Task/{task}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Share task Storyboard" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"group {names.Design}" })).ToContainTextAsync("inherited from project Launch");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop inheriting" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Turning inheritance off or on needs Manage")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Person").Locator("option")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Expect(page.Locator(".explanation")).ToContainTextAsync($"{NameOf(ann)} can view this task.");

        await page.GotoAsync($"share/Task/{task}?who=someone-else&action=View");
        await Expect(page.Locator(".explanation")).ToHaveCountAsync(0);
        await Expect(page.Locator("#why [role=alert]")).ToContainTextAsync("System Administrator");
        await page.GotoAsync($"share/Project/{project}x");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("you may view");
    }

    [Fact]
    public async Task An_External_user_sees_only_what_was_shared_with_them()
    {
        var preferences = await console.GetAsync("/api/v1/access/preferences");
        (await Admin.PutAsJsonAsync("/api/v1/access/preferences", new
        {
            collaborateByEmail = true,
            assigneePermission = preferences.GetProperty("assigneePermission").GetString(),
            assigneeProjectPermission = preferences.GetProperty("assigneeProjectPermission").GetString(),
        })).EnsureSuccessStatusCode();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var open = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Open house " + suffix }));
        var pressKit = await IdAsync(await Admin.PostAsJsonAsync($"/api/v1/projects/{open}/folders", new { name = "Press kit " + suffix }));
        await IdAsync(await Admin.PostAsJsonAsync($"/api/v1/projects/{open}/folders", new { name = "Internal notes " + suffix }));
        var secret = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Secret plans " + suffix }));
        var guest = await console.InvitedUserAsync("gus", "external");
        (await Admin.PostAsJsonAsync($"/api/v1/access/objects/Project/{open}/DocumentFolder/{pressKit}/shares",
            new { granteeKind = "User", granteeId = guest.Id, permission = "View" })).EnsureSuccessStatusCode();
        var page = await SignedInAsync(guest);

        await page.GetByRole(AriaRole.Link, new() { Name = "Shared with me" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Shared with me" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "folder Press kit " + suffix })).ToContainTextAsync("View");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Internal notes");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Secret plans");
        await ConsoleHostFixture.ScreenshotAsync(page, "shared-with-me-external");

        // The level has No Access to Projects: the list itself is refused, as the API refuses it, and the page says so.
        await page.GotoAsync("projects");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Shared with me" }).Last).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create project" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("Secret plans")).ToHaveCountAsync(0);
        await page.GotoAsync($"projects/{secret}");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(page.GetByText("Secret plans")).ToHaveCountAsync(0);

        await page.GotoAsync($"share/DocumentFolder/{pressKit}");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("External users do not see with whom an object is shared");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop inheriting" })).ToHaveCountAsync(0);
        await page.GotoAsync($"share/Project/{secret}");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(page.GetByText("Secret plans")).ToHaveCountAsync(0);
    }

    private sealed record Names(string Design, string Print, string Studio, string Task, string PrintId, string StudioId);

    /// <summary>Project Launch with task Storyboard; group Design (with subgroup Print) has View on the project; a team to share with.</summary>
    private async Task<(string Project, string Task, Names Names)> LaunchWithStoryboardAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var design = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "Design " + suffix }));
        var print = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "Print " + suffix, parentId = design }));
        var studio = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/access/teams", new { name = "Studio " + suffix }));
        var project = await IdAsync(await Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Launch" }));
        var task = await IdAsync(await Admin.PostAsJsonAsync($"/api/v1/projects/{project}/tasks", new { name = "Storyboard" }));
        (await Admin.PostAsJsonAsync($"/api/v1/access/objects/Project/{project}/Project/{project}/shares",
            new { granteeKind = "Group", granteeId = design, permission = "View" })).EnsureSuccessStatusCode();
        return (project, task, new Names("Design " + suffix, "Print " + suffix, "Studio " + suffix, task, print, studio));
    }

    private async Task<IPage> SignedInAsync(string name, string level) => await SignedInAsync(await console.InvitedUserAsync(name, level));

    private Task<IPage> SignedInAsync((string Id, string Email, string InvitationPath) person) => console.SignedInPageAsync(person);

    private async Task PatchAsync(string path, object body) =>
        (await Admin.PatchAsJsonAsync(path, body)).EnsureSuccessStatusCode();

    /// <summary>The name the fixture gave the invited user: their address before the @.</summary>
    private static string NameOf((string Id, string Email, string InvitationPath) user) => user.Email.Split('@')[0];

    private static async Task<string> IdAsync(HttpResponseMessage created) =>
        (await created.ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;
}
