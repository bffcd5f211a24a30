using System.Net;
using System.Net.Http.Json;
using Greenlight.Modules.FrameConnector.Mirror;
using Greenlight.Modules.Work.Contracts;

namespace Greenlight.FrameConnector.Tests.Connector;

/// <summary>The mirrors' stuck work in the operator's one view: listed with its error, retried from there, gone once done.</summary>
[Collection(ConnectorHostCollection.Name)]
public sealed class StuckWorkTests
{
    [Fact]
    public async Task A_step_Frame_io_refuses_is_parked_listed_in_the_operators_view_with_its_error_and_retried_from_there()
    {
        await using var host = await ConnectorHost.StartAsync(new Dictionary<string, string?> { ["FrameConnector:MaxStepAttempts"] = "2" });
        var seed = await host.ConnectDefaultAsync("fio-token-stuck-7000");
        // Someone in Frame.io makes the connection's user a plain member of the account: it may no longer create projects.
        host.Frameio.SetAccountRole(seed.Accounts[0].AccountId, seed.UserId, "member");
        var project = await (await host.Admin.PostAsJsonAsync("/api/v1/projects", new { name = "Refused", status = "Current" })).ReadSuccessAsync<ProjectView>();

        var parked = await Eventually.MatchesAsync(host.StuckAsync, s => s.Count == 1, TimeSpan.FromSeconds(20), "the project step is parked");
        var stuck = Assert.Single(parked);
        Assert.Contains($"project {project.Id}, step project", stuck.LastError, StringComparison.Ordinal);
        Assert.Contains("403", stuck.LastError, StringComparison.Ordinal);
        Assert.Equal(2, stuck.Attempts);
        var view = await host.Admin.GetSuccessAsync<ProjectSyncView>($"/api/v1/frameio/projects/{project.Id}");
        Assert.Equal("project", Assert.Single(view.Mirror.ParkedSteps).Step);
        Assert.Empty(host.Frameio.Snapshot().Projects);

        host.Frameio.SetAccountRole(seed.Accounts[0].AccountId, seed.UserId, "admin");
        Assert.Equal(HttpStatusCode.NoContent, (await host.Admin.PostAsync($"/api/v1/admin/outbox/parked/{stuck.Id}/retry", null)).StatusCode);

        await host.SyncSettledAsync(project.Id, s => s.Mirror.FrameioProjectId is not null && s.Mirror.ProjectShareFolderId is not null);
        Assert.Single(host.Frameio.Snapshot().Projects);
        await Eventually.HoldsAsync(async () => (await host.StuckAsync()).Count == 0, "nothing is stuck any more");
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.PostAsync($"/api/v1/admin/outbox/parked/{stuck.Id}/retry", null)).StatusCode);
    }
}
