using System.Net.Http.Json;
using System.Text.Json;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Work.Contracts;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>
/// Flagged users reach a Frame.io project by documented calls only: found by e-mail among the account's users, then given
/// their role. Someone the account does not have waits for an invite, shown in the sync view; a deactivated user leaves
/// the project and waits for their removal from the account. With the assumed calls on, those two are done in Frame.io.
/// </summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class MembershipTests
{
    private const string Token = "fio-token-members-3301";

    [Fact]
    public async Task A_user_outside_the_account_waits_for_an_invite_joins_once_invited_and_leaves_when_deactivated()
    {
        await using var host = await ConnectorHost.StartAsync();
        var account = (await host.ConnectDefaultAsync(Token)).Accounts[0].AccountId;
        var aliceId = await host.AddUserAsync("alice", frameio: true);
        var project = await CurrentProjectAssignedToAsync(host, aliceId);

        var waiting = await host.SyncSettledAsync(project, s => s.Mirror.AwaitingInvite.Count == 1);
        Assert.Equal(AccessUsers.EmailOf("alice"), waiting.Mirror.AwaitingInvite[aliceId]);
        Assert.Empty(waiting.Mirror.Members);
        Assert.Empty(Assert.Single(host.Frameio.Snapshot().Projects).UserRoles);
        Assert.DoesNotContain(host.Frameio.Requests, r => FakeFrameioRoutes.Assumed.Contains((r.Method, r.Template ?? "")));

        // An administrator invites her in Frame.io; the retried sync finds her there and tells her once.
        var frameioAlice = host.Frameio.AddAccountMember(account, AccessUsers.EmailOf("alice"));
        await (await host.Admin.PostAsync($"/api/v1/frameio/projects/{project}/retry", null)).ReadSuccessAsync<ProjectSyncView>();
        var joined = await host.SyncSettledAsync(project, s => s.Mirror.Members.Count == 1);
        Assert.Empty(joined.Mirror.AwaitingInvite);
        Assert.Equal(frameioAlice, joined.Mirror.Members[aliceId]);
        Assert.Equal("editor", host.Frameio.ProjectUserRole(joined.Mirror.FrameioProjectId!, frameioAlice));
        Assert.Equal(2, (await host.EmailsToAsync("alice", 2)).Count);

        await (await host.Admin.PostAsync($"/api/v1/access/users/{aliceId}/deactivate", null)).ReadSuccessAsync<JsonElement>();

        var left = await host.SyncSettledAsync(project, s => s.Mirror.AwaitingRemovalFromAccount.Count == 1);
        Assert.Equal(frameioAlice, left.Mirror.AwaitingRemovalFromAccount[aliceId]);
        Assert.Empty(left.Mirror.Members);
        Assert.Null(host.Frameio.ProjectUserRole(left.Mirror.FrameioProjectId!, frameioAlice));
        Assert.True(host.Frameio.IsAccountMember(account, frameioAlice)); // no documented call removes her
        Assert.DoesNotContain(host.Frameio.Requests, r => FakeFrameioRoutes.Assumed.Contains((r.Method, r.Template ?? "")));
    }

    [Fact]
    public async Task With_the_assumed_calls_a_user_outside_the_account_is_invited_and_a_deactivated_one_removed_from_it()
    {
        await using var host = await ConnectorHost.StartAsync(new Dictionary<string, string?> { ["FrameConnector:UseAssumedCalls"] = "true" });
        host.Frameio.AssumedCalls = true;
        var account = (await host.ConnectDefaultAsync(Token)).Accounts[0].AccountId;
        var aliceId = await host.AddUserAsync("alice", frameio: true);
        var project = await CurrentProjectAssignedToAsync(host, aliceId);

        var joined = await host.SyncSettledAsync(project, s => s.Mirror.Members.Count == 1);
        var frameioAlice = joined.Mirror.Members[aliceId];
        Assert.Empty(joined.Mirror.AwaitingInvite);
        Assert.True(host.Frameio.IsAccountMember(account, frameioAlice));
        Assert.Equal("editor", host.Frameio.ProjectUserRole(joined.Mirror.FrameioProjectId!, frameioAlice));

        await (await host.Admin.PostAsync($"/api/v1/access/users/{aliceId}/deactivate", null)).ReadSuccessAsync<JsonElement>();

        await Eventually.HoldsAsync(() => Task.FromResult(!host.Frameio.IsAccountMember(account, frameioAlice)), "she is removed from the account");
        var left = await host.SyncSettledAsync(project, s => s.Mirror.Members.Count == 0);
        Assert.Empty(left.Mirror.AwaitingRemovalFromAccount);
        Assert.Null(host.Frameio.ProjectUserRole(left.Mirror.FrameioProjectId!, frameioAlice));
    }

    /// <summary>A Current project whose one task is assigned to the user, who may Contribute to it (so: editor in Frame.io).</summary>
    private static async Task<string> CurrentProjectAssignedToAsync(ConnectorHost host, string userId)
    {
        var project = await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Members" })).ReadSuccessAsync<ProjectView>();
        await host.ShareProjectAsync(project.Id, userId, "Contribute");
        await host.CreateTaskAsync(project.Id, "Grade", userId);
        await (await host.Admin.PutAsJsonAsync($"/api/v1/projects/{project.Id}/status", new { status = "Current" })).ReadSuccessAsync<ProjectView>();
        return project.Id;
    }
}
