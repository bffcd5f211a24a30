using System.Net;
using System.Net.Http.Json;
using Greenlight.Integration.Tests.Support;
using Greenlight.Modules.Access.Contracts;

namespace Greenlight.Integration.Tests;

/// <summary>Grants flowing down the real work tree (portfolio → program → project → task → issue; project → folder → document), and moves re-parenting them.</summary>
public sealed class InheritanceTests(GreenlightFixture fixture) : IClassFixture<GreenlightFixture>
{
    private readonly World _world = fixture.World;

    private static async Task AssertSeesAsync(HttpClient asWho, params WorkObject[] objects)
    {
        foreach (var obj in objects) Assert.True(await World.ViewAsync(asWho, obj) == HttpStatusCode.OK, $"{obj.Type} {obj.Id} should be visible");
    }

    private static async Task AssertHiddenAsync(HttpClient asWho, params WorkObject[] objects)
    {
        foreach (var obj in objects) Assert.True(await World.ViewAsync(asWho, obj) == HttpStatusCode.NotFound, $"{obj.Type} {obj.Id} should be hidden (404)");
    }

    [Fact]
    public async Task A_grant_on_the_portfolio_reaches_every_object_down_to_the_issue_of_a_task_and_the_document_of_a_folder()
    {
        var tree = await _world.TreeAsync();
        using var tony = await _world.PersonAsync("tony");
        using var stranger = await _world.PersonAsync("stranger");

        await _world.ShareOkAsync(tree.Portfolio, tony.Id, Permission.View);

        await AssertSeesAsync(tony.Client, tree.Portfolio, tree.Program, tree.Project, tree.Task, tree.Issue, tree.Folder, tree.Document);
        await AssertHiddenAsync(stranger.Client, tree.Portfolio, tree.Program, tree.Project, tree.Task, tree.Issue, tree.Folder, tree.Document);
    }

    [Fact]
    public async Task Turning_off_inheritance_on_a_task_needs_manage_and_cuts_the_task_and_its_issue_from_the_grants_above()
    {
        var tree = await _world.TreeAsync();
        using var tony = await _world.PersonAsync("tony");
        await _world.ShareOkAsync(tree.Portfolio, tony.Id, Permission.View);
        await _world.ShareOkAsync(tree.Project, tony.Id, Permission.Contribute);
        var inheritance = $"{tree.Task.AccessPath}/inheritance";

        await World.AssertStatusAsync(await tony.Client.PutAsJsonAsync(inheritance, new { inheritsFromParent = false }), HttpStatusCode.Forbidden, "Contribute is not Manage:");
        await World.AssertStatusAsync(await _world.Admin.PutAsJsonAsync(inheritance, new { inheritsFromParent = false }), HttpStatusCode.OK);

        await AssertHiddenAsync(tony.Client, tree.Task, tree.Issue);
        await AssertSeesAsync(tony.Client, tree.Project, tree.Document);
    }

    [Fact]
    public async Task Contribute_inherited_from_the_project_gives_manage_on_its_documents_and_view_gives_view()
    {
        var tree = await _world.TreeAsync();
        using var contributor = await _world.PersonAsync("contributor");
        using var viewer = await _world.PersonAsync("viewer");
        await _world.ShareOkAsync(tree.Project, contributor.Id, Permission.Contribute);
        await _world.ShareOkAsync(tree.Project, viewer.Id, Permission.View);

        await World.AssertStatusAsync(await viewer.Client.PatchAsJsonAsync(tree.Document.Path, new { name = "by-viewer.txt" }), HttpStatusCode.Forbidden);
        await World.AssertStatusAsync(await contributor.Client.PatchAsJsonAsync(tree.Document.Path, new { name = "by-contributor.txt" }), HttpStatusCode.OK);
        await World.AssertStatusAsync(await contributor.Client.DeleteAsync(tree.Document.Path), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_grant_to_a_group_reaches_a_member_of_a_sub_subgroup()
    {
        var tree = await _world.TreeAsync();
        var marketing = await _world.GroupAsync("marketing");
        var design = await _world.GroupAsync("design", marketing);
        var motion = await _world.GroupAsync("motion", design);
        using var animator = await _world.PersonAsync("animator", groups: [motion]);
        await AssertHiddenAsync(animator.Client, tree.Project);

        await _world.ShareOkAsync(tree.Program, marketing, Permission.View, kind: GranteeKind.Group);

        await AssertSeesAsync(animator.Client, tree.Program, tree.Project, tree.Task);
    }

    [Fact]
    public async Task A_grant_to_a_team_lets_its_members_contribute()
    {
        var tree = await _world.TreeAsync();
        var crew = await _world.TeamAsync("crew");
        using var member = await _world.PersonAsync("member", teams: [crew]);

        await _world.ShareOkAsync(tree.Project, crew, Permission.Contribute, kind: GranteeKind.Team);

        await World.AssertStatusAsync(await _world.AddTaskAsync(member.Client, tree.Project), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_system_wide_grant_reaches_every_user_but_not_external_ones()
    {
        var tree = await _world.TreeAsync();
        using var anyone = await _world.PersonAsync("anyone", "light");
        await _world.PreferencesAsync(Permission.Contribute);
        using var outsider = await _world.PersonAsync("outsider", "external");

        await _world.ShareOkAsync(tree.Project, "*", Permission.View, kind: GranteeKind.SystemWide);

        await AssertSeesAsync(anyone.Client, tree.Project, tree.Task, tree.Document);
        await AssertHiddenAsync(outsider.Client, tree.Project, tree.Document);
    }

    [Fact]
    public async Task A_task_moved_to_another_project_loses_the_old_projects_grants_and_gains_the_new_ones()
    {
        var (from, to) = (await _world.ProjectAsync(), await _world.ProjectAsync());
        var task = await _world.TaskAsync(from);
        var issue = await _world.IssueAsync(task);
        using var oldTeam = await _world.PersonAsync("old-team");
        using var newTeam = await _world.PersonAsync("new-team");
        await _world.ShareOkAsync(from, oldTeam.Id, Permission.View);
        await _world.ShareOkAsync(to, newTeam.Id, Permission.View);
        await AssertSeesAsync(oldTeam.Client, task, issue);

        await (await _world.Admin.PostAsJsonAsync($"{task.Path}/move", new { toProjectId = to.Id })).ReadSuccessAsync<System.Text.Json.JsonElement>();

        var (moved, movedIssue) = (task with { ProjectId = to.Id }, issue with { ProjectId = to.Id });
        await AssertSeesAsync(newTeam.Client, moved);
        await AssertHiddenAsync(oldTeam.Client, moved, task);
        await AssertHiddenAsync(newTeam.Client, task);
        Assert.NotEqual(HttpStatusCode.OK, await World.ViewAsync(oldTeam.Client, movedIssue));
    }

    [Fact]
    public async Task A_project_moved_to_another_program_loses_the_old_programs_grants_and_gains_the_new_ones()
    {
        var portfolio = await _world.PortfolioAsync();
        var (from, to) = (await _world.ProgramAsync(portfolio), await _world.ProgramAsync(portfolio));
        var project = await _world.ProjectAsync(from);
        var task = await _world.TaskAsync(project);
        using var oldTeam = await _world.PersonAsync("old-team");
        using var newTeam = await _world.PersonAsync("new-team");
        await _world.ShareOkAsync(from, oldTeam.Id, Permission.View);
        await _world.ShareOkAsync(to, newTeam.Id, Permission.View);
        await AssertSeesAsync(oldTeam.Client, project, task);

        await (await _world.Admin.PostAsJsonAsync($"{project.Path}/move", new { programId = to.Id })).ReadSuccessAsync<System.Text.Json.JsonElement>();

        await AssertSeesAsync(newTeam.Client, project, task);
        await AssertHiddenAsync(oldTeam.Client, project, task);
    }
}
