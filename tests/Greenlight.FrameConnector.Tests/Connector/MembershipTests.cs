using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Work.Contracts;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>
/// People in Frame.io, with the real Access and Work modules and a project run by a manager who is not an administrator.
/// Flagged users reach a Frame.io project by documented calls only: found by e-mail among the account's users, then given
/// the role their rights map to. What Frame.io's API cannot do (an invite, a removal from the account) waits, listed in
/// the sync view and in the operator's view of stuck work, and is retried from there. Deactivating a user takes them out
/// of every mirrored project; unflagging keeps what they were given and gives them nothing new.
/// </summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class MembershipTests
{
    private const string Token = "fio-token-members-3301";

    [Fact]
    public async Task A_user_outside_the_account_waits_for_an_invite_and_a_deactivated_one_for_their_removal_both_listed_as_stuck_work_and_retried_from_there()
    {
        await using var host = await ConnectorHost.StartAsync();
        var account = (await host.ConnectDefaultAsync(Token)).Accounts[0].AccountId;
        var aliceId = await host.AddUserAsync("alice", frameio: true);
        using var manager = await host.Host.SignInNewUserAsync("maria");
        var project = await CurrentProjectAsync(host, manager.Client, ("Grade", aliceId, "Contribute"));

        var waiting = await host.SyncSettledAsync(project, s => s.Mirror.AwaitingInvite.Count == 1);
        Assert.Equal(AccessUsers.EmailOf("alice"), waiting.Mirror.AwaitingInvite[aliceId]);
        Assert.Empty(waiting.Mirror.Members);
        Assert.Empty(Assert.Single(host.Frameio.Snapshot().Projects).UserRoles);
        var invite = Assert.Single(await host.StuckAsync(), s => s.LastError!.Contains($"member:{aliceId}", StringComparison.Ordinal));
        Assert.Contains("invite them", invite.LastError, StringComparison.Ordinal);

        // An administrator invites her in Frame.io, then retries from the operator's view: she joins and is told once.
        var frameioAlice = host.Frameio.AddAccountMember(account, AccessUsers.EmailOf("alice"));
        Assert.Equal(HttpStatusCode.NoContent, (await host.Admin.PostAsync($"/api/v1/admin/outbox/parked/{invite.Id}/retry", null)).StatusCode);
        var joined = await host.SyncSettledAsync(project, s => s.Mirror.Members.Count == 1);
        Assert.Empty(joined.Mirror.AwaitingInvite);
        Assert.Equal(frameioAlice, joined.Mirror.Members[aliceId]);
        Assert.Equal("editor", host.Frameio.ProjectUserRole(joined.Mirror.FrameioProjectId!, frameioAlice));
        Assert.Equal(2, (await host.EmailsToAsync("alice", 2)).Count);
        await Eventually.HoldsAsync(async () => (await host.StuckAsync()).Count == 0, "nothing is stuck any more");

        await (await host.Admin.PostAsync($"/api/v1/access/users/{aliceId}/deactivate", null)).ReadSuccessAsync<JsonElement>();

        // Out of the project (documented); still in the account, which no documented call changes: listed for an administrator.
        var left = await host.SyncSettledAsync(project, s => s.Mirror.AwaitingRemovalFromAccount.Count == 1);
        Assert.Equal(frameioAlice, left.Mirror.AwaitingRemovalFromAccount[aliceId]);
        Assert.Empty(left.Mirror.Members);
        Assert.Null(host.Frameio.ProjectUserRole(left.Mirror.FrameioProjectId!, frameioAlice));
        Assert.True(host.Frameio.IsAccountMember(account, frameioAlice));
        var removal = Assert.Single(await host.StuckAsync());
        Assert.Contains("cannot remove a user from an account", removal.LastError, StringComparison.Ordinal);

        // Done in Frame.io's web app, then the sync retried: nothing is stuck any more.
        host.Frameio.RemoveFromAccount(account, frameioAlice);
        await (await host.Admin.PostAsync($"/api/v1/frameio/projects/{project}/retry", null)).ReadSuccessAsync<ProjectSyncView>();
        var done = await host.SyncSettledAsync(project, s => s.Mirror.AwaitingRemovalFromAccount.Count == 0);
        Assert.Empty(done.Mirror.AwaitingInvite);
        await Eventually.HoldsAsync(async () => (await host.StuckAsync()).Count == 0, "nothing is stuck any more");
        Assert.Equal(2, host.EmailsTo("alice").Count);
        Assert.DoesNotContain(host.Frameio.Requests, r => FakeFrameioRoutes.Assumed.Contains((r.Method, r.Template ?? "")));
    }

    [Fact]
    public async Task With_the_assumed_calls_a_user_outside_the_account_is_invited_joins_once_they_accept_and_leaves_the_account_when_deactivated()
    {
        await using var host = await ConnectorHost.StartAsync(new Dictionary<string, string?> { ["FrameConnector:UseAssumedCalls"] = "true" });
        host.Frameio.AssumedCalls = true;
        var account = (await host.ConnectDefaultAsync(Token)).Accounts[0].AccountId;
        var aliceId = await host.AddUserAsync("alice", frameio: true);
        using var manager = await host.Host.SignInNewUserAsync("maria");
        var project = await CurrentProjectAsync(host, manager.Client, ("Grade", aliceId, "Contribute"));

        // Invited: Frame.io gives no user id until she accepts, so she waits, and the invite is not sent twice.
        var invited = await host.SyncSettledAsync(project, s => s.Mirror.AwaitingInvite.Count == 1);
        Assert.True(host.Frameio.IsInvited(account, AccessUsers.EmailOf("alice")));
        Assert.Empty(invited.Mirror.Members);
        var frameioAlice = host.Frameio.AcceptInvite(account, AccessUsers.EmailOf("alice"));

        await (await host.Admin.PostAsync($"/api/v1/frameio/projects/{project}/retry", null)).ReadSuccessAsync<ProjectSyncView>();
        var joined = await host.SyncSettledAsync(project, s => s.Mirror.Members.Count == 1);
        Assert.Equal(frameioAlice, joined.Mirror.Members[aliceId]);
        Assert.Equal("editor", host.Frameio.ProjectUserRole(joined.Mirror.FrameioProjectId!, frameioAlice));

        await (await host.Admin.PostAsync($"/api/v1/access/users/{aliceId}/deactivate", null)).ReadSuccessAsync<JsonElement>();

        await Eventually.HoldsAsync(() => !host.Frameio.IsAccountMember(account, frameioAlice), "she is removed from the account");
        var left = await host.SyncSettledAsync(project, s => s.Mirror.Members.Count == 0);
        Assert.Empty(left.Mirror.AwaitingRemovalFromAccount);
        Assert.Null(host.Frameio.ProjectUserRole(left.Mirror.FrameioProjectId!, frameioAlice));
        Assert.Empty(await host.StuckAsync());
    }

    [Fact]
    public async Task An_unflagged_user_keeps_what_they_were_given_in_Frame_io_and_gets_nothing_new()
    {
        await using var host = await ConnectorHost.StartAsync();
        var account = (await host.ConnectDefaultAsync(Token)).Accounts[0].AccountId;
        var aliceId = await host.AddUserAsync("alice", frameio: true, frameioAccount: account);
        var bobId = await host.AddUserAsync("bob", frameio: true); // not in the account: waits for an invite
        using var manager = await host.Host.SignInNewUserAsync("maria");
        var project = await CurrentProjectAsync(host, manager.Client, ("Storyboard", aliceId, "Contribute"), ("Copy", bobId, "Contribute"));
        // Bob's task gets its folder once he joins: nobody could open it before.
        var before = await host.SyncSettledAsync(project, s => s.Mirror.Members.Count == 1 && s.Mirror.TaskFolders.Count == 1 && s.Mirror.AwaitingInvite.Count == 1);
        await host.EmailsToAsync("alice", 2);

        var unflagged = await host.Admin.PutAsJsonAsync("/api/v1/access/users/frameio", new { userIds = new[] { aliceId, bobId }, addToFrameioProjects = false });
        Assert.Equal(HttpStatusCode.OK, unflagged.StatusCode);
        var later = await host.CreateTaskAsync(project, "Animatic", aliceId, manager.Client);
        await host.QuietAsync();

        var after = await host.SyncSettledAsync(project, s => s.Mirror.AwaitingInvite.Count == 0);
        Assert.Equal(before.Mirror.Members, after.Mirror.Members);
        Assert.Equal(before.Mirror.TaskFolders, after.Mirror.TaskFolders);
        Assert.DoesNotContain(later.Id, after.Mirror.TaskFolders.Keys);
        Assert.Equal("editor", host.Frameio.ProjectUserRole(after.Mirror.FrameioProjectId!, after.Mirror.Members[aliceId]));
        Assert.Equal(2, host.EmailsTo("alice").Count);
        Assert.Empty(host.EmailsTo("bob"));
        Assert.Empty(await host.StuckAsync());
    }

    [Fact]
    public async Task A_user_unflagged_before_the_mirror_is_made_is_never_added()
    {
        await using var host = await ConnectorHost.StartAsync();
        var account = (await host.ConnectDefaultAsync(Token)).Accounts[0].AccountId;
        var aliceId = await host.AddUserAsync("alice", frameio: true, frameioAccount: account);
        var carolId = await host.AddUserAsync("carol", frameio: true, frameioAccount: account);
        using var manager = await host.Host.SignInNewUserAsync("maria");
        var project = await (await manager.Client.PostAsJsonAsync("/api/v1/projects", new { name = "Later" })).ReadSuccessAsync<ProjectView>();
        await host.ShareProjectAsync(project.Id, aliceId, "Contribute", manager.Client);
        await host.CreateTaskAsync(project.Id, "Grade", aliceId, manager.Client);
        await host.CreateTaskAsync(project.Id, "Mix", carolId, manager.Client);
        await host.QuietAsync();

        await (await host.Admin.PutAsJsonAsync("/api/v1/access/users/frameio", new { userIds = new[] { aliceId }, addToFrameioProjects = false })).ReadSuccessAsync<JsonElement>();
        await (await manager.Client.PutAsJsonAsync($"/api/v1/projects/{project.Id}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>();

        var sync = await host.SyncSettledAsync(project.Id, s => s.Mirror.Members.Count == 1);
        Assert.Equal([carolId], sync.Mirror.Members.Keys);
        Assert.Single(sync.Mirror.TaskFolders);
        Assert.Empty(host.EmailsTo("alice"));
    }

    /// <summary>
    /// The role table of the README: Manage or Contribute on the project → editor; assigned only a task → edit_only, which
    /// may upload into the task's folder; assigned only an issue → commenter, which may not upload. Checked by the people
    /// themselves, with their own Frame.io tokens, against a fake that checks project roles.
    /// </summary>
    [Fact]
    public async Task Each_person_gets_the_role_their_rights_map_to_and_a_creative_assigned_a_task_can_deliver_into_its_folder()
    {
        await using var host = await ConnectorHost.StartAsync();
        var account = (await host.ConnectDefaultAsync(Token)).Accounts[0].AccountId;
        var people = new Dictionary<string, string>();
        foreach (var name in new[] { "erin", "alice", "carol", "dave" })
            people[name] = await host.AddUserAsync(name, frameio: true, frameioAccount: account);
        using var manager = await host.Host.SignInNewUserAsync("maria");
        var project = await CurrentProjectAsync(host, manager.Client,
            ("Supervise", people["erin"], "Manage"), ("Storyboard", people["alice"], "Contribute"), ("Grade", people["carol"], null));
        var issue = await (await manager.Client.PostAsJsonAsync($"/api/v1/projects/{project}/issues", new { name = "Banding in shot 4" })).ReadSuccessAsync<IssueView>();
        var assigned = await manager.Client.PostAsJsonAsync($"/api/v1/projects/{project}/issues/{issue.Id}/assignments", new { kind = "User", assigneeId = people["dave"] });
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);

        var sync = await host.SyncSettledAsync(project, s => s.Mirror.Members.Count == 4);
        var frameioProject = sync.Mirror.FrameioProjectId!;
        string RoleOf(string name) => host.Frameio.ProjectUserRole(frameioProject, sync.Mirror.Members[people[name]])!;
        Assert.Equal(("editor", "editor", "edit_only", "commenter"), (RoleOf("erin"), RoleOf("alice"), RoleOf("carol"), RoleOf("dave")));

        var carolFolder = sync.Mirror.TaskFolders.Single(f => Assert.Single(host.Frameio.Snapshot().Projects).Assets.Single(a => a.Id == f.Value).Name == "Grade").Value;
        var delivered = await CreativeClient(host, sync.Mirror.Members[people["carol"]], "carol")
            .UploadLocalFileAsync(account, carolFolder, "grade-v1.mov", new MemoryStream(new byte[4]), 4);
        Assert.Equal(carolFolder, delivered.ParentId);
        var refused = await Assert.ThrowsAsync<FrameioApiException>(() => CreativeClient(host, sync.Mirror.Members[people["dave"]], "dave")
            .UploadLocalFileAsync(account, carolFolder, "notes.txt", new MemoryStream(new byte[4]), 4));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    /// <summary>The person's own Frame.io client, signed in with a token of their own.</summary>
    private static FrameioClient CreativeClient(ConnectorHost host, string frameioUserId, string name)
    {
        var token = $"fio-token-of-{name}";
        host.Frameio.GiveToken(frameioUserId, token);
        return new FrameioClient(new HttpClient(), new FrameioCredentials(token, false), new FrameioClientOptions { BaseUrl = host.Frameio.BaseUrl });
    }

    /// <summary>
    /// A project the manager creates, shares and sets Current, with one task per (name, assignee, permission on the project):
    /// the permission is shared on the project itself, none for an assignee who holds only their task's grant.
    /// </summary>
    private static async Task<string> CurrentProjectAsync(ConnectorHost host, HttpClient manager, params (string Task, string Assignee, string? Permission)[] tasks)
    {
        var project = await (await manager.PostAsJsonAsync("/api/v1/projects", new { name = "Members" })).ReadSuccessAsync<ProjectView>();
        foreach (var (task, assignee, permission) in tasks)
        {
            if (permission is not null) await host.ShareProjectAsync(project.Id, assignee, permission, manager);
            await host.CreateTaskAsync(project.Id, task, assignee, manager);
        }
        await (await manager.PutAsJsonAsync($"/api/v1/projects/{project.Id}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>();
        return project.Id;
    }
}
