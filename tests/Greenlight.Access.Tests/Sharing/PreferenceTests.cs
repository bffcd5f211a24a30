using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Access.Tests.Support;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Access.Tests.Sharing;

/// <summary>Behaviour that hangs on the system preferences; each test has a host of its own, as it changes them.</summary>
public sealed class PreferenceTests : IAsyncLifetime
{
    private AccessWorld _world = null!;

    public async Task InitializeAsync() => _world = new AccessWorld(await TestHost.StartAsync());

    public async Task DisposeAsync() => await _world.Host.DisposeAsync();

    [Fact]
    public async Task External_users_and_sharing_by_email_exist_only_while_collaborating_by_email()
    {
        using var olivia = await _world.UserAsync("olivia");
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);
        var document = await _world.ItemAsync(ObjectType.Document, project, olivia.Id);

        var refused = await _world.Host.Admin.PostAsJsonAsync("/api/v1/access/users", new { name = "Ext", email = "ext@example.org", accessLevelId = "external" });
        await refused.AssertInvalidFieldAsync("accessLevelId");
        await (await _world.ShareAsync(olivia.Client, document, GranteeKind.Email, "ext@example.org", Permission.View)).AssertInvalidFieldAsync("granteeKind");

        await _world.SetPreferencesAsync(collaborateByEmail: true);
        using var external = await _world.Host.SignInNewUserAsync("ext", "external");
        await _world.ShareOkAsync(olivia.Client, document, GranteeKind.Email, "ext@example.org", Permission.View);

        var grant = (await _world.ExplainAsync(document, external.Id, AccessAction.View)).GetProperty("grants")[0];
        Assert.Equal("Email", grant.GetProperty("route").GetString());
        Assert.False(await _world.AllowedAsync(document, external.Id, AccessAction.Share));
        var off = await _world.Host.Admin.PutAsJsonAsync("/api/v1/access/preferences", new { collaborateByEmail = false, assigneePermission = "Contribute", assigneeProjectPermission = "None" });
        var problem = await off.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("collaborateByEmail", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Email_grants_are_for_documents_only()
    {
        using var olivia = await _world.UserAsync("olivia");
        await _world.SetPreferencesAsync(collaborateByEmail: true);
        var project = await _world.ContainerAsync(ObjectType.Project, olivia.Id);

        await (await _world.ShareAsync(olivia.Client, project, GranteeKind.Email, "ext@example.org", Permission.View)).AssertInvalidFieldAsync("granteeKind");
    }

    [Fact]
    public async Task Assignees_get_the_project_access_defaults_at_assignment_and_later_changes_do_not_reach_back()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;
        using var ada = await _world.UserAsync("ada");
        var task = await _world.ItemAsync(ObjectType.Task, project, olivia.Id);
        var issue = await _world.ItemAsync(ObjectType.Issue, project, olivia.Id);
        await _world.SetPreferencesAsync(false, assignee: Permission.Contribute, assigneeProject: Permission.View);

        await _world.Host.SendAsSystemAsync(new GrantAssigneeAccess(task, Grantee.User(tony.Id)));
        await _world.SetPreferencesAsync(false, assignee: Permission.View, assigneeProject: Permission.None);
        await _world.Host.SendAsSystemAsync(new GrantAssigneeAccess(issue, Grantee.User(ada.Id)));

        Assert.True(await _world.AllowedAsync(task, tony.Id, AccessAction.Update));
        Assert.True(await _world.AllowedAsync(project, tony.Id, AccessAction.View));
        Assert.True(await _world.AllowedAsync(issue, ada.Id, AccessAction.View));
        Assert.False(await _world.AllowedAsync(issue, ada.Id, AccessAction.Update));
        Assert.False(await _world.AllowedAsync(project, ada.Id, AccessAction.View));
    }

    [Fact]
    public async Task An_assignment_told_again_after_the_defaults_changed_keeps_the_grants_it_gave()
    {
        using var people = await _world.OliviaAndTonyAsync();
        var (olivia, tony, project) = people;
        var task = await _world.ItemAsync(ObjectType.Task, project, olivia.Id);
        await _world.SetPreferencesAsync(false, assignee: Permission.Contribute, assigneeProject: Permission.View);
        await _world.Host.SendAsSystemAsync(new GrantAssigneeAccess(task, Grantee.User(tony.Id)));
        await _world.SetPreferencesAsync(false, assignee: Permission.Manage, assigneeProject: Permission.Manage);

        await _world.Host.SendAsSystemAsync(new GrantAssigneeAccess(task, Grantee.User(tony.Id), Repeat: true));

        Assert.True(await _world.AllowedAsync(task, tony.Id, AccessAction.Update));
        Assert.False(await _world.AllowedAsync(task, tony.Id, AccessAction.Delete));
        Assert.False(await _world.AllowedAsync(project, tony.Id, AccessAction.Update));
    }

    [Fact]
    public async Task Preferences_are_validated_and_audited()
    {
        var bad = await _world.Host.Admin.PutAsJsonAsync("/api/v1/access/preferences", new { collaborateByEmail = true, assigneePermission = "None", assigneeProjectPermission = "None" });
        await bad.AssertInvalidFieldAsync("assigneePermission");
        await _world.SetPreferencesAsync(collaborateByEmail: true);

        var audit = await _world.Host.Admin.GetJsonAsync("/api/v1/access/audit?subjectType=Preferences&subjectId=organization");

        var entry = Assert.Single(audit.EnumerateArray());
        Assert.False(entry.GetProperty("before").GetProperty("collaborateByEmail").GetBoolean());
        Assert.True(entry.GetProperty("after").GetProperty("collaborateByEmail").GetBoolean());
    }
}
