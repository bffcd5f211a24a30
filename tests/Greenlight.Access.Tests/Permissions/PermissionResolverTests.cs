using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Permissions;

namespace Greenlight.Access.Tests.Permissions;

public sealed class PermissionResolverTests
{
    private static readonly ObjectRef Portfolio = new(ObjectType.Portfolio, "pf");
    private static readonly ObjectRef Project = new(ObjectType.Project, "pj");
    private static readonly ObjectRef Task = new(ObjectType.Task, "tk");

    // Groups: marketing ⊃ design ⊃ illustration.
    private static readonly Dictionary<string, string> ParentGroup = new() { ["design"] = "marketing", ["illustration"] = "design" };

    private static readonly PrincipalSet Ada = new(
        "ada",
        new HashSet<string> { "crew" },
        GroupMemberships.Expand(["illustration"], g => ParentGroup.GetValueOrDefault(g)),
        "Ada@Example.org");

    private static AccessNode Node(ObjectRef obj, params Grant[] grants) => new(obj, grants);

    private static ResolvedPermission OnTask(params AccessNode[] above) => PermissionResolver.Resolve([Node(Task), .. above], Ada);

    [Fact]
    public void Nothing_shared_gives_nothing()
    {
        var resolved = OnTask(Node(Project), Node(Portfolio));
        Assert.Equal(Permission.None, resolved.Best);
        Assert.Empty(resolved.Grants);
    }

    [Fact]
    public void A_grant_to_the_user_on_the_object_counts_directly()
    {
        var resolved = PermissionResolver.Resolve([Node(Task, new Grant(Grantee.User("ada"), Permission.Contribute)), Node(Project)], Ada);

        var counted = Assert.Single(resolved.Grants);
        Assert.Equal(Permission.Contribute, resolved.Best);
        Assert.Equal((GrantRoute.Direct, (ObjectRef?)null), (counted.Route, counted.InheritedFrom));
    }

    [Fact]
    public void A_grant_to_another_user_does_not_count() =>
        Assert.Equal(Permission.None, OnTask(Node(Project, new Grant(Grantee.User("bob"), Permission.Manage))).Best);

    [Fact]
    public void A_grant_to_a_team_of_the_user_counts_through_the_team()
    {
        var counted = Assert.Single(OnTask(Node(Project, new Grant(Grantee.Team("crew"), Permission.View))).Grants);
        Assert.Equal(GrantRoute.Team, counted.Route);
    }

    [Fact]
    public void A_grant_to_the_users_own_group_counts_through_the_group()
    {
        var counted = Assert.Single(OnTask(Node(Project, new Grant(Grantee.Group("illustration"), Permission.View))).Grants);
        Assert.Equal((GrantRoute.Group, (string?)null), (counted.Route, counted.ViaGroupId));
    }

    [Fact]
    public void A_grant_to_an_ancestor_group_reaches_the_members_of_its_subgroups()
    {
        var counted = Assert.Single(OnTask(Node(Project, new Grant(Grantee.Group("marketing"), Permission.Manage))).Grants);
        Assert.Equal((GrantRoute.Subgroup, "illustration"), (counted.Route, counted.ViaGroupId));
    }

    [Fact]
    public void A_grant_to_a_subgroup_does_not_reach_members_of_its_parent()
    {
        var bob = Ada with { UserId = "bob", Groups = GroupMemberships.Expand(["marketing"], g => ParentGroup.GetValueOrDefault(g)) };
        Assert.Equal(Permission.None, PermissionResolver.Resolve([Node(Task, new Grant(Grantee.Group("design"), Permission.Manage))], bob).Best);
    }

    [Fact]
    public void A_system_wide_grant_reaches_every_user_it_is_meant_for()
    {
        var counted = Assert.Single(OnTask(Node(Portfolio, new Grant(Grantee.SystemWide, Permission.View))).Grants);
        Assert.Equal(GrantRoute.SystemWide, counted.Route);
        var outsider = Ada with { ReachedBySystemWideGrants = false };
        Assert.Equal(Permission.None, PermissionResolver.Resolve([Node(Task, new Grant(Grantee.SystemWide, Permission.View))], outsider).Best);
    }

    [Fact]
    public void A_document_shared_by_email_reaches_the_user_with_that_address_in_any_case()
    {
        var document = new ObjectRef(ObjectType.Document, "doc");
        var counted = Assert.Single(PermissionResolver.Resolve([Node(document, new Grant(Grantee.Email("ada@example.ORG"), Permission.View))], Ada).Grants);
        Assert.Equal(GrantRoute.Email, counted.Route);
    }

    [Fact]
    public void A_grant_on_an_ancestor_is_inherited_and_says_from_where()
    {
        var resolved = OnTask(Node(Project), Node(Portfolio, new Grant(Grantee.User("ada"), Permission.Manage)));

        Assert.Equal(Permission.Manage, resolved.Best);
        Assert.Equal(Portfolio, Assert.Single(resolved.Grants).InheritedFrom);
    }

    [Fact]
    public void An_object_with_inheritance_turned_off_takes_nothing_from_above_it()
    {
        var resolved = PermissionResolver.Resolve(
        [
            Node(Task),
            new AccessNode(Project, [new Grant(Grantee.Team("crew"), Permission.View)], InheritsFromParent: false),
            Node(Portfolio, new Grant(Grantee.User("ada"), Permission.Manage)),
        ], Ada);

        Assert.Equal(Permission.View, resolved.Best);
        Assert.Equal(Project, Assert.Single(resolved.Grants).InheritedFrom);
    }

    [Fact]
    public void The_highest_grant_wins_across_memberships_and_comes_first()
    {
        var resolved = OnTask(
            Node(Project, new Grant(Grantee.Team("crew"), Permission.View), new Grant(Grantee.User("ada"), Permission.Contribute)),
            Node(Portfolio, new Grant(Grantee.Group("marketing"), Permission.Manage)));

        Assert.Equal(Permission.Manage, resolved.Best);
        Assert.Equal([Permission.Manage, Permission.Contribute, Permission.View], resolved.Grants.Select(g => g.Permission));
    }

    [Fact]
    public void Contribute_inherited_by_a_document_or_folder_gives_manage_and_view_gives_view()
    {
        foreach (var type in new[] { ObjectType.Document, ObjectType.DocumentFolder })
        {
            var target = new ObjectRef(type, "d");
            var contributed = PermissionResolver.Resolve([Node(target), Node(Project, new Grant(Grantee.User("ada"), Permission.Contribute))], Ada);
            var viewed = PermissionResolver.Resolve([Node(target), Node(Project, new Grant(Grantee.User("ada"), Permission.View))], Ada);

            Assert.Equal(Permission.Manage, contributed.Best);
            Assert.Equal(Permission.Contribute, Assert.Single(contributed.Grants).Grant.Permission);
            Assert.Equal(Permission.View, viewed.Best);
        }
    }

    [Fact]
    public void Group_expansion_prefers_membership_and_survives_a_cycle()
    {
        var cyclic = new Dictionary<string, string> { ["a"] = "b", ["b"] = "a" };
        var groups = GroupMemberships.Expand(["a", "b"], g => cyclic.GetValueOrDefault(g));

        Assert.Equal(new Dictionary<string, string?> { ["a"] = null, ["b"] = null }, groups);
    }
}
