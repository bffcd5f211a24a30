using System.Net.Http.Json;
using Greenlight.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Greenlight.Console.Tests;

/// <summary>The administrator's setup pages: groups as a tree with their administrators.</summary>
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
