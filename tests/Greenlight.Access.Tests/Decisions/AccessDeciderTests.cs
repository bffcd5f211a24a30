using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Decisions;
using Greenlight.Modules.Access.Levels;

namespace Greenlight.Access.Tests.Decisions;

public sealed class AccessDeciderTests
{
    private static readonly AccessLevel Standard = BuiltInAccessLevels.Standard;
    private static readonly AccessLevel Light = BuiltInAccessLevels.Light;
    private static readonly AccessLevel Contributor = BuiltInAccessLevels.Contributor;

    private static AccessLevel StandardCopyWith(AccessArea area, AreaAccess access) =>
        AccessLevelRules.Copy(Standard, "custom").WithArea(area, access);

    [Fact]
    public void Seed_scenario_1_a_level_that_cannot_edit_projects_neither_edits_nor_deletes_one_it_manages()
    {
        var cannotEditProjects = StandardCopyWith(AccessArea.Projects, AreaAccess.View(share: true));

        Assert.False(AccessDecider.Decide(cannotEditProjects, ObjectType.Project, AccessAction.Edit, Permission.Manage).Allowed);
        Assert.False(AccessDecider.Decide(cannotEditProjects, ObjectType.Project, AccessAction.Delete, Permission.Manage).Allowed);
    }

    [Fact]
    public void Seed_scenario_1_a_level_that_edits_projects_neither_edits_nor_deletes_one_shared_with_view()
    {
        var edit = AccessDecider.Decide(Standard, ObjectType.Project, AccessAction.Edit, Permission.View);

        Assert.False(edit.Allowed);
        Assert.Equal((Permission.Manage, Permission.View, Permission.Manage), (edit.LevelCap, edit.Held, edit.Needed));
        Assert.Contains("holds View", edit.Reason);
        Assert.False(AccessDecider.Decide(Standard, ObjectType.Project, AccessAction.Delete, Permission.View).Allowed);
    }

    [Fact]
    public void Seed_scenario_2_tony_whose_level_cannot_create_tasks_cannot_add_one_to_the_project_olivia_let_him_add_to()
    {
        var tony = StandardCopyWith(AccessArea.Tasks, AreaAccess.Edit(EditRights.Delete | EditRights.Share));

        var verdict = AccessDecider.DecideCreate(tony, ObjectType.Project, ObjectType.Task, Permission.Contribute);

        Assert.False(verdict.Allowed);
        Assert.Equal(Permission.None, verdict.LevelCap);
        Assert.Contains("no Create right on Tasks", verdict.Reason);
    }

    [Fact]
    public void Seed_scenario_2_tony_whose_level_creates_tasks_adds_none_where_olivia_gave_view_but_adds_where_he_may()
    {
        var tony = Standard;

        Assert.False(AccessDecider.DecideCreate(tony, ObjectType.Project, ObjectType.Task, Permission.View).Allowed);
        Assert.True(AccessDecider.DecideCreate(tony, ObjectType.Project, ObjectType.Task, Permission.Contribute).Allowed);
    }

    [Fact]
    public void A_level_that_may_not_delete_projects_still_lets_its_user_delete_the_tasks_of_a_project_they_manage()
    {
        var noProjectDeletion = StandardCopyWith(AccessArea.Projects, AreaAccess.Edit(EditRights.Create | EditRights.Share));

        Assert.False(AccessDecider.Decide(noProjectDeletion, ObjectType.Project, AccessAction.Delete, Permission.Manage).Allowed);
        // The task inherits Manage from the project; only the task's own type is checked.
        Assert.True(AccessDecider.Decide(noProjectDeletion, ObjectType.Task, AccessAction.Delete, Permission.Manage).Allowed);
    }

    [Theory]
    [InlineData(BuiltInLevel.Light)]
    [InlineData(BuiltInLevel.Contributor)]
    public void Light_and_contributor_users_assigned_a_task_cannot_complete_it(BuiltInLevel kind)
    {
        var verdict = AccessDecider.Decide(BuiltInAccessLevels.Get(kind), ObjectType.Task, AccessAction.Update, Permission.Manage);

        Assert.False(verdict.Allowed);
        Assert.Equal(Permission.View, verdict.LevelCap);
    }

    [Theory]
    [InlineData(BuiltInLevel.Light)]
    [InlineData(BuiltInLevel.Contributor)]
    public void Light_and_contributor_users_cannot_create_projects_portfolios_programs_or_reports(BuiltInLevel kind)
    {
        var level = BuiltInAccessLevels.Get(kind);

        Assert.All([AccessArea.Projects, AccessArea.Portfolios, AccessArea.Programs, AccessArea.Reports],
            area => Assert.False(AccessDecider.DecideTopLevelCreate(level, area).Allowed, area.ToString()));
        Assert.False(AccessDecider.DecideCreate(level, ObjectType.Portfolio, ObjectType.Program, Permission.Manage).Allowed);
        Assert.False(AccessDecider.DecideCreate(level, ObjectType.Program, ObjectType.Project, Permission.Manage).Allowed);
    }

    [Theory]
    [InlineData(BuiltInLevel.Light)]
    [InlineData(BuiltInLevel.Contributor)]
    public void Light_and_contributor_users_create_issues_and_upload_documents_where_they_contribute(BuiltInLevel kind)
    {
        var level = BuiltInAccessLevels.Get(kind);

        Assert.True(AccessDecider.DecideCreate(level, ObjectType.Project, ObjectType.Issue, Permission.Contribute).Allowed);
        Assert.True(AccessDecider.DecideCreate(level, ObjectType.Task, ObjectType.Document, Permission.Contribute).Allowed);
        Assert.True(AccessDecider.Decide(level, ObjectType.Issue, AccessAction.Update, Permission.Contribute).Allowed);
    }

    [Fact]
    public void Update_needs_contribute_and_edit_needs_manage()
    {
        Assert.True(AccessDecider.Decide(Standard, ObjectType.Task, AccessAction.Update, Permission.Contribute).Allowed);
        Assert.False(AccessDecider.Decide(Standard, ObjectType.Task, AccessAction.Update, Permission.View).Allowed);
        Assert.False(AccessDecider.Decide(Standard, ObjectType.Task, AccessAction.Edit, Permission.Contribute).Allowed);
        Assert.True(AccessDecider.Decide(Standard, ObjectType.Task, AccessAction.Edit, Permission.Manage).Allowed);
    }

    [Fact]
    public void A_contribute_grant_on_documents_and_folders_counts_as_manage()
    {
        var delete = AccessDecider.Decide(Light, ObjectType.Document, AccessAction.Delete, Permission.Contribute);

        Assert.True(delete.Allowed);
        Assert.Equal(Permission.Manage, delete.Held);
        Assert.True(AccessDecider.DecideCreate(Light, ObjectType.DocumentFolder, ObjectType.Document, Permission.Contribute).Allowed);
    }

    [Fact]
    public void Adding_a_document_to_a_folder_needs_manage_on_the_folder()
    {
        var verdict = AccessDecider.DecideCreate(Standard, ObjectType.DocumentFolder, ObjectType.Document, Permission.View);

        Assert.False(verdict.Allowed);
        Assert.Equal(Permission.Manage, verdict.Needed);
    }

    [Fact]
    public void Sharing_needs_view_and_the_share_toggle_of_the_setting()
    {
        var viewNoShare = StandardCopyWith(AccessArea.Projects, AreaAccess.View(share: false));
        var viewShare = StandardCopyWith(AccessArea.Projects, AreaAccess.View(share: true));
        var editNoShare = StandardCopyWith(AccessArea.Projects, AreaAccess.Edit(EditRights.Create));

        Assert.True(AccessDecider.Decide(Standard, ObjectType.Project, AccessAction.Share, Permission.View).Allowed);
        Assert.False(AccessDecider.Decide(Standard, ObjectType.Project, AccessAction.Share, Permission.None).Allowed);
        Assert.True(AccessDecider.Decide(viewShare, ObjectType.Project, AccessAction.Share, Permission.View).Allowed);
        Assert.False(AccessDecider.Decide(viewNoShare, ObjectType.Project, AccessAction.Share, Permission.Manage).Allowed);
        Assert.False(AccessDecider.Decide(editNoShare, ObjectType.Project, AccessAction.Share, Permission.Manage).Allowed);
    }

    [Fact]
    public void External_users_share_nothing_even_documents_they_may_view()
    {
        var external = BuiltInAccessLevels.External;

        Assert.True(AccessDecider.Decide(external, ObjectType.Document, AccessAction.View, Permission.View).Allowed);
        var share = AccessDecider.Decide(external, ObjectType.Document, AccessAction.Share, Permission.Manage);
        Assert.False(share.Allowed);
        Assert.Contains("does not allow sharing", share.Reason);
    }

    [Fact]
    public void Sharing_system_wide_needs_the_toggle_and_manage()
    {
        var noSystemWide = StandardCopyWith(AccessArea.Projects, AreaAccess.Edit(EditRights.Share));

        Assert.True(AccessDecider.Decide(Standard, ObjectType.Project, AccessAction.ShareSystemWide, Permission.Manage).Allowed);
        Assert.False(AccessDecider.Decide(Standard, ObjectType.Project, AccessAction.ShareSystemWide, Permission.Contribute).Allowed);
        Assert.False(AccessDecider.Decide(noSystemWide, ObjectType.Project, AccessAction.ShareSystemWide, Permission.Manage).Allowed);
    }

    [Fact]
    public void Turning_inheritance_off_needs_manage()
    {
        Assert.True(AccessDecider.Decide(Standard, ObjectType.Project, AccessAction.ManageInheritance, Permission.Manage).Allowed);
        Assert.False(AccessDecider.Decide(Standard, ObjectType.Project, AccessAction.ManageInheritance, Permission.Contribute).Allowed);
    }

    [Fact]
    public void A_system_administrator_may_do_everything_without_any_grant()
    {
        var admin = BuiltInAccessLevels.SystemAdministrator;
        var actions = Enum.GetValues<AccessAction>().Where(a => a != AccessAction.Create);

        Assert.All(Enum.GetValues<ObjectType>(), type => Assert.All(actions,
            action => Assert.True(AccessDecider.Decide(admin, type, action, Permission.None).Allowed, $"{action} {type}")));
        Assert.True(AccessDecider.DecideCreate(admin, ObjectType.Project, ObjectType.Task, Permission.None).Allowed);
    }

    [Fact]
    public void Nobody_adds_a_child_the_parent_cannot_hold()
    {
        var verdict = AccessDecider.DecideCreate(BuiltInAccessLevels.SystemAdministrator, ObjectType.Issue, ObjectType.Task, Permission.Manage);

        Assert.False(verdict.Allowed);
        Assert.Contains("cannot contain", verdict.Reason);
    }

    [Fact]
    public void A_create_goes_through_the_create_entry_points()
    {
        Assert.Throws<ArgumentException>(() => AccessDecider.Decide(Standard, ObjectType.Project, AccessAction.Create, Permission.Manage));
    }

    [Fact]
    public void A_level_without_access_to_a_type_explains_it()
    {
        var verdict = AccessDecider.Decide(BuiltInAccessLevels.External, ObjectType.Project, AccessAction.View, Permission.Manage);

        Assert.False(verdict.Allowed);
        Assert.Equal(Permission.None, verdict.LevelCap);
        Assert.Contains("has No Access to Projects", verdict.Reason);
    }

    [Fact]
    public void Contributors_see_portfolios_since_24_7_but_not_when_set_up_before_it()
    {
        Assert.True(AccessDecider.Decide(Contributor, ObjectType.Portfolio, AccessAction.View, Permission.View).Allowed);
        Assert.False(AccessDecider.Decide(BuiltInAccessLevels.ContributorAsShippedBefore24_7, ObjectType.Portfolio, AccessAction.View, Permission.View).Allowed);
    }
}
