namespace Greenlight.Integration.Tests;

/// <summary>Grants flowing down the real work tree (portfolio → program → project → task → issue; project → folder → document), and moves re-parenting them.</summary>
public sealed class InheritanceTests(GreenlightFixture fixture) : IClassFixture<GreenlightFixture>
{
    private readonly World _world = fixture.World;

    private static Task AssertSeesAsync(HttpClient asWho, params WorkObject[] objects) => AssertViewsAsync(asWho, HttpStatusCode.OK, objects);

    private static Task AssertHiddenAsync(HttpClient asWho, params WorkObject[] objects) => AssertViewsAsync(asWho, HttpStatusCode.NotFound, objects);

    private static async Task AssertViewsAsync(HttpClient asWho, HttpStatusCode expected, WorkObject[] objects)
    {
        foreach (var obj in objects) Assert.True(await World.ViewAsync(asWho, obj) == expected, $"viewing {obj.Type} {obj.Id} should answer {(int)expected}");
    }

    [Fact]
    public async Task A_grant_on_the_portfolio_reaches_every_object_down_to_the_issue_of_a_task_and_the_document_of_a_folder()
    {
        var tree = await _world.TreeAsync();
        using var stranger = await _world.PersonAsync("stranger");

        using var tony = await _world.PersonSharedAsync("tony", tree.Portfolio, Permission.View);

        await AssertSeesAsync(tony.Client, tree.Portfolio, tree.Program, tree.Project, tree.Task, tree.Issue, tree.Folder, tree.Document);
        await AssertHiddenAsync(stranger.Client, tree.Portfolio, tree.Program, tree.Project, tree.Task, tree.Issue, tree.Folder, tree.Document);
    }

    [Fact]
    public async Task Turning_off_inheritance_on_a_task_needs_manage_and_cuts_the_task_and_its_issue_from_the_grants_above()
    {
        var tree = await _world.TreeAsync();
        using var tony = await _world.PersonSharedAsync("tony", tree.Portfolio, Permission.View);
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
        using var contributor = await _world.PersonSharedAsync("contributor", tree.Project, Permission.Contribute);
        using var viewer = await _world.PersonSharedAsync("viewer", tree.Project, Permission.View);

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

    private sealed record Viewers(HttpClient OldSide, HttpClient NewSide, IDisposable People) : IDisposable
    {
        public void Dispose() => People.Dispose();
    }

    /// <summary>Someone who sees <paramref name="from"/> and someone who sees <paramref name="to"/>, both at View.</summary>
    private async Task<Viewers> ViewersAsync(WorkObject from, WorkObject to)
    {
        var (oldSide, newSide) = (await _world.PersonSharedAsync("old-side", from, Permission.View), await _world.PersonSharedAsync("new-side", to, Permission.View));
        return new Viewers(oldSide.Client, newSide.Client, new CompositeDisposable(oldSide, newSide));
    }

    private sealed class CompositeDisposable(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts) part.Dispose();
        }
    }

    [Fact]
    public async Task A_task_moved_to_another_project_loses_the_old_projects_grants_and_gains_the_new_ones()
    {
        var (from, to) = (await _world.ProjectAsync(), await _world.ProjectAsync());
        var task = await _world.TaskAsync(from);
        var issue = await _world.IssueAsync(task);
        using var viewers = await ViewersAsync(from, to);
        await AssertSeesAsync(viewers.OldSide, task, issue);

        await (await _world.Admin.PostAsJsonAsync($"{task.Path}/move", new { toProjectId = to.Id, parentTaskId = (string?)null })).ReadSuccessAsync<JsonElement>();

        var moved = task with { ProjectId = to.Id };
        await AssertSeesAsync(viewers.NewSide, moved);
        await AssertHiddenAsync(viewers.OldSide, moved, task);
        await AssertHiddenAsync(viewers.NewSide, task);
        Assert.NotEqual(HttpStatusCode.OK, await World.ViewAsync(viewers.OldSide, issue with { ProjectId = to.Id }));
    }

    [Fact]
    public async Task A_project_moved_to_another_program_loses_the_old_programs_grants_and_gains_the_new_ones()
    {
        var portfolio = await _world.PortfolioAsync();
        var (from, to) = (await _world.ProgramAsync(portfolio), await _world.ProgramAsync(portfolio));
        var project = await _world.ProjectAsync(from);
        var task = await _world.TaskAsync(project);
        using var viewers = await ViewersAsync(from, to);
        await AssertSeesAsync(viewers.OldSide, project, task);

        await (await _world.Admin.PostAsJsonAsync($"{project.Path}/move", new { programId = to.Id })).ReadSuccessAsync<JsonElement>();

        await AssertSeesAsync(viewers.NewSide, project, task);
        await AssertHiddenAsync(viewers.OldSide, project, task);
    }
}
