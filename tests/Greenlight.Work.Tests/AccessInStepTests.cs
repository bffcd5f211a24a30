using System.Net;
using System.Net.Http.Json;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Work.Contracts;
using Greenlight.Testing;
using Greenlight.Work.Tests.Support;

namespace Greenlight.Work.Tests;

/// <summary>
/// A request tells the Access module about its change after Work's write; when that call is lost (the host holding
/// the Access grain stopped, or this one died), the outbox tells Access again, so Access never stays out of step.
/// </summary>
[Collection(WorkHostCollection.Name)]
public sealed class AccessInStepTests(WorkHostFixture fixture)
{
    private readonly WorkHost _work = fixture.Work;
    private HttpClient Admin => _work.Admin;

    [Fact]
    public async Task A_registration_an_assignee_grant_and_a_removal_the_request_lost_reach_Access_through_the_outbox()
    {
        _work.Access.Users["ana"] = AccessLog.User("ana");
        var project = await _work.CreateProjectAsync();
        var parent = await _work.CreateTaskAsync(project.Id, "Parent");
        var user = await _work.AdminUserIdAsync();
        _work.Access.FailOnce<RegisterSecuredObject>(r => r.Object.Container.Id == project.Id && r.Parent?.Object.Id == parent.Id);

        await (await Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/tasks", new { name = "Child", parentTaskId = parent.Id }))
            .AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "the registration was lost:");

        var child = Assert.Single((await _work.ListAsync($"/api/v1/projects/{project.Id}/tasks?parentTaskId={parent.Id}")).Items);
        var secured = new SecuredRef(new ObjectRef(ObjectType.Task, child.Id), new ObjectRef(ObjectType.Project, project.Id));
        await Eventually.HoldsAsync(() => _work.Access.Sent<RegisterSecuredObject>().Contains(
            new RegisterSecuredObject(secured, new SecuredRef(new ObjectRef(ObjectType.Task, parent.Id), new ObjectRef(ObjectType.Project, project.Id)), user)),
            "the outbox registered the task");

        _work.Access.FailOnce<GrantAssigneeAccess>(g => g.AssignedObject == secured);
        await (await Admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/tasks/{child.Id}/assignments", new { kind = "User", assigneeId = "ana" }))
            .AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "the grant was lost:");
        await Eventually.HoldsAsync(() => _work.Access.Sent<GrantAssigneeAccess>().Contains(new GrantAssigneeAccess(secured, Grantee.User("ana"), Repeat: true)),
            "the outbox granted the assignee's access");

        _work.Access.FailOnce<RemoveSecuredObject>(r => r.Object == secured);
        await (await Admin.DeleteAsync($"/api/v1/projects/{project.Id}/tasks/{child.Id}")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "the removal was lost:");
        await Eventually.HoldsAsync(() => _work.Access.Sent<RemoveSecuredObject>().Contains(new RemoveSecuredObject(secured)), "the outbox removed the task");
    }

    [Fact]
    public async Task A_lost_registration_of_a_portfolio_reaches_Access_through_the_outbox()
    {
        var name = $"Brand {Guid.NewGuid():N}";
        _work.Access.FailOnce<RegisterSecuredObject>(r => r.Object.Object.Type == ObjectType.Portfolio && r.Parent is null);

        await (await Admin.PostAsJsonAsync("/api/v1/portfolios", new { name })).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        var portfolio = Assert.Single((await _work.ListAsync("/api/v1/portfolios?limit=200")).Items, p => p.Name == name);
        await Eventually.HoldsAsync(() => _work.Access.Sent<RegisterSecuredObject>().Any(r => r.Object.Object.Id == portfolio.Id), "the outbox registered the portfolio");
    }
}
