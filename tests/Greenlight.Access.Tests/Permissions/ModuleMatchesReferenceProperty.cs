using Greenlight.Access.Tests.Support;
using Greenlight.Kernel.Grains;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Groups;
using Greenlight.Modules.Access.Levels;
using Greenlight.Modules.Access.Levels.Api;
using Greenlight.Modules.Access.Teams;
using Greenlight.Modules.Access.Users.Api;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Greenlight.Access.Tests.Permissions.AccessReference;

namespace Greenlight.Access.Tests.Permissions;

/// <summary>
/// Random groups, teams, users with random levels, work trees and grants, built through the module
/// (its requests, its grains, a real store); every decision the module gives equals the plain
/// <see cref="AccessReference"/>'s. Set GREENLIGHT_PROPERTY_SEED to replay a printed seed.
/// </summary>
public sealed class ModuleMatchesReferenceProperty(AccessHostFixture fixture, ITestOutputHelper output) : IClassFixture<AccessHostFixture>
{
    private const int Cases = 150;
    private const int ChecksPerCase = 10;
    private const string Creator = "property-creator";

    private readonly TestHost _host = fixture.World.Host;

    [Fact]
    public Task The_module_decides_as_the_plain_reference_on_random_worlds() => ForEachCaseAsync(Cases, output, CheckOneCaseAsync);

    private async Task CheckOneCaseAsync(Random random, string prefix)
    {
        var groupParent = await CreateGroupsAsync(RandomGroups(random));
        var groups = groupParent.Keys.ToArray();
        var teams = new List<string>();
        for (var t = random.Next(1, 5); t > 0; t--) teams.Add((await _host.SendAsSystemAsync(new CreateTeam($"{prefix}-t{t}"))).Id);
        var users = new List<(User User, AccessLevel Level)>();
        for (var u = random.Next(1, 6); u > 0; u--)
        {
            var email = random.Next(3) == 0 ? null : $"{prefix}-U{u}@Example.org";
            var level = await CreateLevelAsync(random);
            var (userTeams, userGroups) = (teams.Where(_ => random.Next(3) == 0).ToList(), groups.Where(_ => random.Next(4) == 0).ToList());
            var profile = await _host.SendAsSystemAsync(new CreateUser($"{prefix}-u{u}", email ?? $"{prefix}-u{u}@nowhere.example.org", level.Id,
                GroupIds: userGroups, TeamIds: userTeams));
            users.Add((new User(profile.Id, [.. userTeams], userGroups, email, ReachedBySystemWide: true), level));
        }
        var nodes = RandomTree(random, [.. users.Select(u => u.User)], [.. teams], groups);
        var placed = await BuildTreeAsync(nodes, prefix);

        for (var check = 0; check < ChecksPerCase; check++)
        {
            var (user, level) = users[random.Next(users.Count)];
            var target = nodes[random.Next(nodes.Count)];
            var best = Best(target.Type, Reaching(target, user, groupParent));
            var action = Enum.GetValues<AccessAction>()[random.Next(Enum.GetValues<AccessAction>().Length)];
            var child = Enum.GetValues<ObjectType>()[random.Next(7)];
            var (access, expected) = action == AccessAction.Create
                ? (AccessCheck.CreateIn(placed[target], child), ExpectedCreate(level, target.Type, child, best))
                : (AccessCheck.On(placed[target], action), Expected(level, target.Type, action, best));

            var answer = await _host.SendAsSystemAsync(new CheckAccess(user.Id, access));

            Assert.True(expected == answer.Allowed && answer.Held == OnTarget(target.Type, best),
                $"{level.Name} {action} {(action == AccessAction.Create ? child + " in " : "")}{target.Type}: expected {expected} holding {best}, got {answer}");
        }
    }

    /// <summary>Creates the groups parents first; returns the parent map by the groups' real ids.</summary>
    private async Task<Dictionary<string, string?>> CreateGroupsAsync(Dictionary<string, string?> named)
    {
        var ids = new Dictionary<string, string>();
        foreach (var (name, parent) in named)
            ids[name] = (await _host.SendAsSystemAsync(new CreateGroup(name, parent is null ? null : ids[parent]))).Id;
        return named.ToDictionary(g => ids[g.Key], g => g.Value is null ? null : ids[g.Value]);
    }

    /// <summary>A random level other than External (which needs collaborating by email): built-in, or copied and lowered through the API's requests.</summary>
    private async Task<AccessLevel> CreateLevelAsync(Random random)
    {
        var level = RandomLevel(random);
        while (level.License == License.External) level = RandomLevel(random);
        if (level.BuiltIn is not null) return level;
        var source = BuiltInAccessLevels.All.First(l => l.License == level.License && AccessLevelRules.CanBeChangedOrCopied(l));
        var copy = await _host.SendAsSystemAsync(new CopyAccessLevel(source.Id));
        static AreaChange Every(AreaSettings s) => new(s.Setting, s.Create, s.Delete, s.Share, s.ShareSystemWide, s.Copy);
        var areas = AccessAreas.All.ToDictionary(area => area, area => Every(AreaSettings.From(level.Area(area))));
        return (await _host.SendAsSystemAsync(new ChangeAccessLevel(copy.Id, null, areas))).ToLevel();
    }

    /// <summary>Registers the nodes (parents first) in their containers, then grants and inheritance flags through the secured object grains.</summary>
    private async Task<Dictionary<TreeNode, SecuredRef>> BuildTreeAsync(List<TreeNode> nodes, string prefix)
    {
        var grains = _host.Services.GetRequiredService<IGrainFactory>();
        var placed = new Dictionary<TreeNode, SecuredRef>();
        foreach (var node in nodes)
        {
            var obj = new ObjectRef(node.Type, $"{prefix}-{node.Ref.Id}");
            var container = node.Type is ObjectType.Portfolio or ObjectType.Program or ObjectType.Project ? obj : placed[node.Parent!].Container;
            placed[node] = new SecuredRef(obj, container);
            await _host.SendAsSystemAsync(new RegisterSecuredObject(placed[node], node.Parent is null ? null : placed[node.Parent], Creator));
            // One grant per grantee and object: sharing again replaces, so keep the highest of the reference's, as it counts.
            var highest = node.Grants.GroupBy(g => g.Grantee).Select(g => g.MaxBy(x => x.Permission)!).ToList();
            node.Grants.Clear();
            node.Grants.AddRange(highest);
            foreach (var grant in highest) await grains.SecuredObject(obj).GrantAsync(grant, Creator);
            if (!node.Inherits) await grains.SecuredObject(obj).SetInheritanceAsync(false, Creator);
        }
        return placed;
    }
}
