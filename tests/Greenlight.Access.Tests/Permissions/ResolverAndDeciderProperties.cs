using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Decisions;
using Greenlight.Modules.Access.Permissions;
using Xunit.Abstractions;
using static Greenlight.Access.Tests.Permissions.AccessReference;

namespace Greenlight.Access.Tests.Permissions;

/// <summary>
/// On random work trees, groups, teams, grants and levels, the resolver and the decider agree with
/// the plain <see cref="AccessReference"/>. Set GREENLIGHT_PROPERTY_SEED to replay a printed seed.
/// </summary>
public sealed class ResolverAndDeciderProperties(ITestOutputHelper output)
{
    private const int Cases = 600;

    [Fact]
    public Task Resolver_and_decider_agree_with_a_plain_reference_on_random_trees() =>
        ForEachCaseAsync(Cases, output, (random, _) =>
        {
            CheckOneCase(random);
            return Task.CompletedTask;
        });

    private static void CheckOneCase(Random random)
    {
        var groupParent = RandomGroups(random);
        var groups = groupParent.Keys.ToArray();
        var teams = Enumerable.Range(0, random.Next(1, 5)).Select(t => $"t{t}").ToArray();
        var users = Enumerable.Range(0, random.Next(1, 6)).Select(u => new User(
            $"u{u}",
            [.. teams.Where(_ => random.Next(3) == 0)],
            [.. groups.Where(_ => random.Next(4) == 0)],
            random.Next(3) == 0 ? null : $"U{u}@Example.org",
            random.Next(10) != 0)).ToArray();
        var nodes = RandomTree(random, users, teams, groups);

        var user = users[random.Next(users.Length)];
        var target = nodes[random.Next(nodes.Count)];
        var principal = new PrincipalSet(user.Id, user.Teams, GroupMemberships.Expand(user.Groups, g => groupParent[g]), user.Email, user.ReachedBySystemWide);
        var chain = new List<AccessNode>();
        for (var node = target; node is not null; node = node.Parent)
            chain.Add(new AccessNode(node.Ref, node.Grants, node.Inherits));

        var resolved = PermissionResolver.Resolve(chain, principal);

        var reaching = Reaching(target, user, groupParent);
        var expectedGrants = reaching.Select(r => Describe(r.On, r.Grant, ExpectedRoute(r.Grant.Grantee, user)));

        Assert.Equal(Best(target.Type, reaching), resolved.Best);
        Assert.Equal(expectedGrants.Order(), resolved.Grants.Select(c => Describe(c.InheritedFrom ?? target.Ref, c.Grant, c.Route)).Order());
        Assert.All(resolved.Grants.Where(c => c.Route == GrantRoute.Subgroup), c =>
            Assert.Contains(c.Grant.Grantee.Id, SelfAndAncestors(c.ViaGroupId!, groupParent).Skip(1)));

        var level = RandomLevel(random);
        var action = Enum.GetValues<AccessAction>()[random.Next(Enum.GetValues<AccessAction>().Length)];
        if (action == AccessAction.Create)
        {
            var child = Enum.GetValues<ObjectType>()[random.Next(7)];
            var verdict = AccessDecider.DecideCreate(level, target.Type, child, resolved.Best);
            Assert.True(ExpectedCreate(level, target.Type, child, resolved.Best) == verdict.Allowed, $"{level.Name} create {child} in {target.Type} holding {resolved.Best}: {verdict.Reason}");
        }
        else
        {
            var verdict = AccessDecider.Decide(level, target.Type, action, resolved.Best);
            Assert.True(Expected(level, target.Type, action, resolved.Best) == verdict.Allowed, $"{level.Name} {action} {target.Type} holding {resolved.Best}: {verdict.Reason}");
        }
    }

    private static GrantRoute ExpectedRoute(Grantee grantee, User user) => grantee.Kind switch
    {
        GranteeKind.User => GrantRoute.Direct,
        GranteeKind.Team => GrantRoute.Team,
        GranteeKind.Group => user.Groups.Contains(grantee.Id) ? GrantRoute.Group : GrantRoute.Subgroup,
        GranteeKind.SystemWide => GrantRoute.SystemWide,
        _ => GrantRoute.Email,
    };

    private static string Describe(ObjectRef on, Grant grant, GrantRoute route) => $"{on}: {grant.Grantee} {grant.Permission} via {route}";
}
