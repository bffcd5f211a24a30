namespace Greenlight.Console.Tests;

/// <summary>
/// The coordinator's path from the seed, in the browser: a project in a group connected to Frame.io, tasks assigned to people
/// flagged for Frame.io, a file in "Share with Frame.io", the project set Current; then the project's Frame.io sync page.
/// </summary>
[Collection(ConsoleHostCollection.Name)]
public sealed class FrameioSyncPageTests(ConsoleHostFixture console)
{
    [Fact]
    public async Task The_coordinators_path_ends_with_the_mirror_its_folders_members_and_upload_on_the_sync_page()
    {
        var admin = console.Host.Admin;
        var seed = console.Frameio.AddTokenUser($"fio-{Guid.NewGuid():N}");
        var account = seed.Accounts[0];
        var group = await ConnectedGroupAsync(seed);
        var (alice, carol) = (await FlaggedAsync("alice", account.AccountId), await FlaggedAsync("carol", account.AccountId));
        var coordinator = await console.InvitedUserAsync("sam", "system-administrator");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, coordinator.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, coordinator.Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Projects" }).First.ClickAsync();
        await page.GetByLabel("Name").FillAsync("Spring campaign");
        await page.GetByLabel("Group").SelectOptionAsync(group);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spring campaign" })).ToBeVisibleAsync();
        foreach (var (task, person) in new[] { ("Storyboard", alice), ("Review cut", carol) })
        {
            await page.GetByLabel("Task name").FillAsync(task);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Row, new() { Name = $"{task} New" })).ToBeVisibleAsync();
            await page.GetByLabel("Task", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = task });
            await page.GetByLabel("Assign to").SelectOptionAsync(ConsoleHostFixture.PersonOption(AccessUsers.EmailOf(person.Name)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
            await Expect(page.GetByLabel("Assign to")).ToHaveValueAsync("");
        }
        await page.GetByLabel("Folder name").FillAsync("Share with Frame.io");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add folder" }).ClickAsync();
        await Expect(page.GetByLabel("Folder", new() { Exact = true }).Locator("option", new() { HasText = "Share with Frame.io" })).ToHaveCountAsync(1);
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "brief.txt", MimeType = "text/plain", Buffer = "the brief"u8.ToArray() });
        await page.GetByLabel("Folder", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Share with Frame.io" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "brief.txt Share with Frame.io" })).ToBeVisibleAsync();
        await page.GetByLabel("Status").SelectOptionAsync("Current");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Expect(page.Locator(".badge").First).ToHaveTextAsync("Current");
        var projectId = page.Url.Split('/')[^1];

        // The mirror converges in the background; the page shows it as it stands, so open it once it has.
        await Eventually.MatchesAsync(() => console.GetAsync($"/api/v1/frameio/projects/{projectId}"),
            s => s.GetProperty("mirror").GetProperty("pendingSteps").GetArrayLength() == 0 && s.GetProperty("mirror").GetProperty("uploads").EnumerateObject().Any()
                && s.GetProperty("mirror").GetProperty("members").EnumerateObject().Count() == 2,
            TimeSpan.FromSeconds(60), "the mirror is complete");
        await page.GetByRole(AriaRole.Link, new() { Name = "Frame.io sync of this project" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Frame.io sync of Spring campaign" })).ToBeVisibleAsync();
        var mirrored = Assert.Single(console.Frameio.Snapshot().Projects, p => p.AccountId == account.AccountId);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = mirrored.Id })).ToHaveAttributeAsync("href", $"https://next.frame.io/project/{mirrored.Id}");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Storyboard" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Review cut" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = alice.Name })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = carol.Name })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "brief.txt, version 1" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Parked steps" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToHaveCountAsync(0);
        await ConsoleHostFixture.ScreenshotAsync(page, "frameio-sync");

        await page.GetByRole(AriaRole.Link, new() { Name = "Stuck work" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stuck work" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_step_Frame_io_refuses_shows_parked_with_its_error_in_both_pages_and_Retry_sends_it_again()
    {
        var admin = console.Host.Admin;
        var seed = console.Frameio.AddTokenUser($"fio-{Guid.NewGuid():N}");
        var group = await ConnectedGroupAsync(seed);
        // Someone in Frame.io makes the connection's user a plain member of the account: it may no longer create projects.
        console.Frameio.SetAccountRole(seed.Accounts[0].AccountId, seed.UserId, "member");
        var project = (await (await admin.PostAsJsonAsync("/api/v1/projects", new { name = "Refused", groupId = group, status = "Current" })).ReadSuccessAsync<JsonElement>())
            .GetProperty("id").GetString()!;
        await Eventually.MatchesAsync(() => console.GetAsync($"/api/v1/frameio/projects/{project}"),
            s => s.GetProperty("mirror").GetProperty("parkedSteps").GetArrayLength() == 1, TimeSpan.FromSeconds(60), "the project step is parked");
        var operatorPerson = await console.InvitedUserAsync("otto", "system-administrator");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, operatorPerson.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, operatorPerson.Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Stuck work" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"project {project}, step project" })).ToContainTextAsync("403");
        await page.GotoAsync($"frameio/projects/{project}");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "project" }).Filter(new() { HasText = "403" })).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "frameio-sync-parked");

        console.Frameio.SetAccountRole(seed.Accounts[0].AccountId, seed.UserId, "admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The sync is tried again.");
        await Eventually.MatchesAsync(() => console.GetAsync($"/api/v1/frameio/projects/{project}"),
            s => s.GetProperty("mirror").GetProperty("frameioProjectId").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(60), "the project is mirrored");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToHaveCountAsync(0);
    }

    private async Task<string> ConnectedGroupAsync(Testing.Frameio.FakeFrameioSeed seed)
    {
        var admin = console.Host.Admin;
        var group = (await (await admin.PostAsJsonAsync("/api/v1/access/groups", new { name = "Agency" })).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await admin.PutAsJsonAsync($"/api/v1/frameio/connections/groups/{group}", new { token = seed.Token })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/v1/frameio/connections/groups/{group}/account", new { accountId = seed.Accounts[0].AccountId })).EnsureSuccessStatusCode();
        return group;
    }

    /// <summary>A user flagged "Add to projects in Frame.io", already working in the Frame.io account with the same e-mail.</summary>
    private async Task<(string Id, string Name)> FlaggedAsync(string name, string frameioAccount)
    {
        name = $"{name}{Guid.NewGuid():N}"[..(name.Length + 8)];
        console.Frameio.AddAccountMember(frameioAccount, AccessUsers.EmailOf(name));
        return (await console.Host.Admin.CreateUserAsync(name, "standard", new Dictionary<string, object?> { ["addToFrameioProjects"] = true }), name);
    }
}
