namespace Greenlight.Console.Tests;

/// <summary>The Work module's pages: projects the person may view, and a project's tasks and documents.</summary>
[Collection(ConsoleHostCollection.Name)]
public sealed class ProjectPageTests(ConsoleHostFixture console)
{
    [Fact]
    public async Task A_person_sees_the_projects_shared_with_them_with_their_tasks_and_documents_and_no_other()
    {
        var admin = console.Host.Admin;
        var user = await console.InvitedUserAsync("pia");
        var shared = await ProjectAsync("Autumn catalogue");
        var hidden = await ProjectAsync("Board pack");
        var storyboard = await TaskAsync(shared, "Storyboard");
        await TaskAsync(shared, "Cover shoot", parentTaskId: storyboard);
        var pdf = new ByteArrayContent("%PDF-1.7"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } };
        (await admin.PostAsync($"/api/v1/projects/{shared}/documents?name=layout.pdf", pdf)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/access/objects/Project/{shared}/Project/{shared}/shares",
            new { granteeKind = "User", granteeId = user.Id, permission = "View" }, Json.Options)).EnsureSuccessStatusCode();
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, user.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, user.Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Projects" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Autumn catalogue" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Board pack" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Autumn catalogue" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Autumn catalogue" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cover shoot New Storyboard" })).ToBeVisibleAsync();
        await Expect(page.GetByText("layout.pdf")).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "project");

        await page.GotoAsync($"projects/{hidden}");
        await Expect(page.Locator("#form-problem")).ToContainTextAsync("not found");
    }

    private async Task<string> ProjectAsync(string name) =>
        (await (await console.Host.Admin.PostAsJsonAsync("/api/v1/projects", new { name })).ReadSuccessAsync<JsonElement>()).GetProperty("id").GetString()!;

    private async Task<string> TaskAsync(string projectId, string name, string? parentTaskId = null) =>
        (await (await console.Host.Admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/tasks", new { name, parentTaskId })).ReadSuccessAsync<JsonElement>())
            .GetProperty("id").GetString()!;
}
