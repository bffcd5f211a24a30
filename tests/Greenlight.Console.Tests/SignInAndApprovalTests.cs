namespace Greenlight.Console.Tests;

/// <summary>People in a real browser: invitation, password, sign-in, My approvals and a decision; and the sign-in's defences.</summary>
[Collection(ConsoleHostCollection.Name)]
public sealed partial class SignInAndApprovalTests(ConsoleHostFixture console)
{
    [Fact]
    public async Task The_approver_is_invited_sets_a_password_signs_in_decides_and_the_coordinator_sees_the_decision()
    {
        var approver = await console.InvitedUserAsync("april");
        var approvalId = await ApprovalWaitingForAsync(approver.Id);
        var page = await console.NewPageAsync();

        await console.SetPasswordAsync(page, approver.InvitationPath);
        await page.GotoAsync("signin");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined"); // The forms are enhanced: Blazor's script loaded.
        await ConsoleHostFixture.ScreenshotAsync(page, "sign-in");
        await ConsoleHostFixture.SignInAsync(page, approver.Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "My approvals" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My approvals" })).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "my-approvals");
        await page.GetByRole(AriaRole.Link, new() { Name = "poster.pdf" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve with changes" })).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "approval");
        await page.GetByLabel("Comment").FillAsync("Fix the date in the footer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve with changes" }).ClickAsync();
        await Expect(page.GetByText("Your decision is recorded: Approved with changes.")).ToBeVisibleAsync();

        // Decided: the buttons are gone, and the coordinator reads the decision through the API.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToHaveCountAsync(0);
        var participant = (await console.GetAsync($"/api/v1/approvals/{approvalId}"))
            .GetProperty("paths")[0].GetProperty("stages")[0].GetProperty("participants")[0];
        Assert.Equal("ApprovedWithChanges", participant.GetProperty("decision").GetString());
        Assert.Equal(approver.Id, participant.GetProperty("decidedBy").GetString());

        // On a phone, My approvals is still one readable column.
        var phone = await console.NewPageAsync(390, 844);
        await ConsoleHostFixture.SignInAsync(phone, approver.Email);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();
        await phone.GotoAsync($"approvals/{approvalId}");
        await Expect(phone.GetByText("Approved with changes").First).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(phone, "approval-phone");
    }

    [Fact]
    public async Task A_page_offers_no_decision_to_someone_whose_turn_it_is_not()
    {
        var approver = await console.InvitedUserAsync("abel");
        var bystander = await console.InvitedUserAsync("bess");
        var approvalId = await ApprovalWaitingForAsync(approver.Id, alsoViewing: bystander.Id);
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, bystander.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, bystander.Email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();

        await page.GotoAsync($"approvals/{approvalId}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stages" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve with changes" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await console.InvitedUserAsync("lou");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, user.InvitationPath);

        for (var attempt = 1; attempt < 5; attempt++)
        {
            await ConsoleHostFixture.SignInAsync(page, user.Email, "not the password " + attempt);
            await Expect(page.Locator("#password-problem")).ToContainTextAsync("wrong");
        }
        await ConsoleHostFixture.SignInAsync(page, user.Email, "not the password 5");
        await Expect(page.Locator("#password-problem")).ToContainTextAsync("locked");
        await ConsoleHostFixture.SignInAsync(page, user.Email);

        await Expect(page.Locator("#password-problem")).ToContainTextAsync("locked");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "greenlight.session");
    }

    [Fact]
    public async Task An_invitation_link_works_once()
    {
        var user = await console.InvitedUserAsync("olga");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, user.InvitationPath);

        var again = await console.NewPageAsync();
        await again.GotoAsync(user.InvitationPath);
        await again.GetByLabel("New password").FillAsync("someone else's passphrase");
        await again.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();

        await Expect(again.Locator("#token-problem")).ToContainTextAsync("used already");
        await ConsoleHostFixture.SignInAsync(again, user.Email, "someone else's passphrase");
        await Expect(again.Locator("#password-problem")).ToContainTextAsync("wrong");
        await ConsoleHostFixture.SignInAsync(again, user.Email);
        await Expect(again.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_by_an_emailed_link_and_the_old_one_stops_working()
    {
        var user = await console.InvitedUserAsync("rita");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, user.InvitationPath);

        await page.GotoAsync("signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        // The sign-in page has an "E-mail address" field too: fill the one of the page the link leads to.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail address").FillAsync(user.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "E-mail me a link" }).ClickAsync();
        await Expect(page.GetByText("an e-mail with a link to set a new password is on its way")).ToBeVisibleAsync();
        await console.SetPasswordAsync(page, await console.LinkPathAsync(user.Email, "Reset your Greenlight password"), "my brand new passphrase");

        await ConsoleHostFixture.SignInAsync(page, user.Email);
        await Expect(page.Locator("#password-problem")).ToContainTextAsync("wrong");
        await ConsoleHostFixture.SignInAsync(page, user.Email, "my brand new passphrase");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var user = await console.InvitedUserAsync("fay");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, user.InvitationPath);
        using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(cookies) { BaseAddress = console.Host.Address };
        var form = await browser.GetStringAsync("/signin");
        Dictionary<string, string> fields = new() { ["_handler"] = "signin", ["Input.Email"] = user.Email, ["Input.Password"] = ConsoleHostFixture.Password };

        var without = await browser.PostAsync("/signin", new FormUrlEncodedContent(fields));
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value;
        var with = await browser.PostAsync("/signin", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.False(without.Headers.Contains("Set-Cookie") && without.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("greenlight.session")));
        Assert.Equal(HttpStatusCode.Found, with.StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_and_SameSite_and_signing_out_ends_the_session()
    {
        var user = await console.InvitedUserAsync("cole");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, user.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, user.Email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();

        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "greenlight.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.False(session.Secure); // The test host is plain HTTP; behind HTTPS the flag is set (SessionCookie).
        Assert.Equal(HttpStatusCode.OK, (await WithSessionAsync(session.Value, "/")).StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await WithSessionAsync(session.Value, "/")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_user_is_signed_out_at_once()
    {
        var user = await console.InvitedUserAsync("dee");
        var page = await console.NewPageAsync();
        await console.SetPasswordAsync(page, user.InvitationPath);
        await ConsoleHostFixture.SignInAsync(page, user.Email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();

        (await console.Host.Admin.PostAsync($"/api/v1/access/users/{user.Id}/deactivate", null)).EnsureSuccessStatusCode();
        await page.GotoAsync("approvals");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.EndsWith("/signin?returnUrl=%2Fapprovals", page.Url);
    }

    [Fact]
    public async Task The_first_administrator_sets_a_password_with_the_bootstrap_token_once_and_opens_the_API_browser()
    {
        var page = await console.NewPageAsync();
        await page.GotoAsync("first-administrator");
        await page.GetByLabel("Bootstrap token").FillAsync("not-the-bootstrap-token");
        await page.GetByLabel("Your e-mail address").FillAsync("root@example.org");
        await page.GetByLabel("New password").FillAsync(ConsoleHostFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set e-mail and password" }).ClickAsync();
        await Expect(page.Locator("#bootstrapToken-problem")).ToContainTextAsync("not the bootstrap token");

        await page.GetByLabel("Bootstrap token").FillAsync(console.Host.AdminToken);
        await page.GetByLabel("New password").FillAsync(ConsoleHostFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set e-mail and password" }).ClickAsync();
        await Expect(page.GetByText("Your e-mail address and password are set")).ToBeVisibleAsync();
        await ConsoleHostFixture.SignInAsync(page, "root@example.org");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, System Administrator" })).ToBeVisibleAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "home");

        var docs = await page.GotoAsync("docs/index.html");
        Assert.Equal(200, docs!.Status);

        var again = await console.NewPageAsync();
        await again.GotoAsync("first-administrator");
        await again.GetByLabel("Bootstrap token").FillAsync(console.Host.AdminToken);
        await again.GetByLabel("Your e-mail address").FillAsync("mallory@example.org");
        await again.GetByLabel("New password").FillAsync("mallory's own passphrase");
        await again.GetByRole(AriaRole.Button, new() { Name = "Set e-mail and password" }).ClickAsync();
        await Expect(again.Locator("#bootstrapToken-problem")).ToContainTextAsync("set already");
    }

    /// <summary>A document shared (View) with the approver, and an approval as the administrator (the coordinator here) starts it.</summary>
    private async Task<string> ApprovalWaitingForAsync(string approverId, string? alsoViewing = null)
    {
        var admin = console.Host.Admin;
        var project = await (await admin.PostAsJsonAsync("/api/v1/projects", new { name = "Spring launch" })).ReadSuccessAsync<JsonElement>();
        var projectId = project.GetProperty("id").GetString()!;
        var pdf = new ByteArrayContent("%PDF-1.7"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } };
        var document = await (await admin.PostAsync($"/api/v1/projects/{projectId}/documents?name=poster.pdf", pdf)).ReadSuccessAsync<JsonElement>();
        var documentId = document.GetProperty("id").GetString()!;
        foreach (var user in new[] { approverId, alsoViewing }.OfType<string>())
            (await admin.PostAsJsonAsync($"/api/v1/access/objects/Project/{projectId}/Document/{documentId}/shares",
                new { granteeKind = "User", granteeId = user, permission = "View" }, Json.Options)).EnsureSuccessStatusCode();
        var body = new
        {
            message = "Please check the poster before it goes to print.",
            paths = new[] { new { stages = new[] { new { name = "Sign-off", participants = new[] { new { kind = "User", id = approverId, role = "Approver" } } } } } },
        };
        var approval = await (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/documents/{documentId}/approvals", body, Json.Options)).ReadSuccessAsync<JsonElement>();
        return approval.GetProperty("id").GetString()!;
    }

    private async Task<HttpResponseMessage> WithSessionAsync(string sessionSecret, string path)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = console.Host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", $"greenlight.session={sessionSecret}" }, { "Accept", "text/html" } } };
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
