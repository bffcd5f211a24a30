using Greenlight.Modules.Work.Contracts;

namespace Greenlight.Review.Tests.Integration;

/// <summary>With the real Access module: users, licenses and sharing made through its API decide who may start and decide.</summary>
public sealed class RealAccessTests
{
    [Fact]
    public async Task Contributors_and_external_users_decide_on_documents_shared_with_them_and_no_one_else_is_named()
    {
        await using var smtp = SmtpSink.Start();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Email:Host"] = smtp.Host, ["Email:Port"] = smtp.Port.ToString(), ["Email:From"] = "greenlight@example.test",
        });
        (await host.Admin.PutAsJsonAsync("/api/v1/access/preferences",
            new { collaborateByEmail = true, assigneePermission = "Contribute", assigneeProjectPermission = "None" })).EnsureSuccessStatusCode();
        using var contributor = await host.SignInNewUserAsync("carl", "contributor");
        using var external = await host.SignInNewUserAsync("erin", "external");
        using var coordinator = await host.SignInNewUserAsync("cora");
        var project = await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Launch" })).ReadSuccessAsync<ProjectView>();
        var pdf = new ByteArrayContent("%PDF-1.7"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } };
        var document = await (await host.Admin.PostAsync($"/api/v1/projects/{project.Id}/documents?name=poster.pdf", pdf)).ReadSuccessAsync<DocumentView>();
        var approvals = $"/api/v1/projects/{project.Id}/documents/{document.Id}/approvals";
        var body = Approval(Path(Stage("Sign-off", [Approver(contributor.Id), Approver(external.Id)])));

        await (await coordinator.Client.PostAsJsonAsync(approvals, body, Json.Options)).AssertProblemAsync(HttpStatusCode.NotFound, "cora cannot see it");
        var refused = await (await host.Admin.PostAsJsonAsync(approvals, body, Json.Options)).AssertProblemAsync(HttpStatusCode.BadRequest, "neither may view it");
        Assert.Equal(["paths[0].stages[0].participants[0]", "paths[0].stages[0].participants[1]"],
            refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        foreach (var user in new[] { contributor.Id, external.Id })
            (await host.Admin.PostAsJsonAsync($"/api/v1/access/objects/Project/{project.Id}/Document/{document.Id}/shares",
                new { granteeKind = "User", granteeId = user, permission = "View" }, Json.Options)).EnsureSuccessStatusCode();
        var approval = await (await host.Admin.PostAsJsonAsync(approvals, body, Json.Options)).ReadSuccessAsync<ApprovalView>();
        await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(15));
        Assert.Contains(smtp.Messages, m => m.Recipients.Contains("carl@example.org"));

        (await Decide(contributor.Client, approval.Id)).EnsureSuccessStatusCode();
        var decided = await (await Decide(external.Client, approval.Id)).ReadSuccessAsync<ApprovalView>();

        Assert.Equal(ApprovalStatus.Approved, decided.Status);
    }

    private static Task<HttpResponseMessage> Decide(HttpClient client, string approvalId) =>
        client.PostAsJsonAsync($"/api/v1/approvals/{approvalId}/decisions", new { decision = Decision.Approved }, Json.Options);
}
