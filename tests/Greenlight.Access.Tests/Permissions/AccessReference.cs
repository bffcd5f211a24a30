using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Levels;
using Xunit.Abstractions;

namespace Greenlight.Access.Tests.Permissions;

/// <summary>
/// A plain reference of the access model for property tests, and the random worlds they run on:
/// walk the tree parent by parent, expand groups by recursion, apply the rules as the spec states
/// them. No resolver, no decider, no grains.
/// </summary>
internal static class AccessReference
{
    public const int MaxGroupDepth = 14;
    private const int MaxTreeDepth = 8;

    private static readonly ObjectType[] DocumentLike = [ObjectType.Document, ObjectType.DocumentFolder];

    /// <summary>The spec's tree, restated: which children each type holds.</summary>
    public static readonly Dictionary<ObjectType, ObjectType[]> Children = new()
    {
        [ObjectType.Portfolio] = [ObjectType.Program, ObjectType.Project, .. DocumentLike],
        [ObjectType.Program] = [ObjectType.Project],
        [ObjectType.Project] = [ObjectType.Task, ObjectType.Issue, .. DocumentLike],
        [ObjectType.Task] = [ObjectType.Task, ObjectType.Issue, .. DocumentLike],
        [ObjectType.Issue] = DocumentLike,
        [ObjectType.DocumentFolder] = DocumentLike,
        [ObjectType.Document] = [],
    };

    public sealed record TreeNode(int Id, ObjectType Type, TreeNode? Parent, bool Inherits, List<Grant> Grants)
    {
        public int Depth => Parent is null ? 0 : Parent.Depth + 1;
        public ObjectRef Ref => new(Type, $"n{Id}");
    }

    public sealed record User(string Id, HashSet<string> Teams, List<string> Groups, string? Email, bool ReachedBySystemWide);

    /// <summary>Group names g0, g1… with their parents; a parent always comes before its children.</summary>
    public static Dictionary<string, string?> RandomGroups(Random random)
    {
        var parent = new Dictionary<string, string?>();
        var depth = new Dictionary<string, int>();
        var count = random.Next(1, 24);
        for (var i = 0; i < count; i++)
        {
            var name = $"g{i}";
            // Half the time hang the group under the previous one, so long chains up to the 14-level limit occur.
            var candidates = parent.Keys.Where(g => depth[g] < MaxGroupDepth).ToList();
            string? chosen = candidates.Count == 0 || random.Next(5) == 0 ? null
                : random.Next(2) == 0 && depth.ContainsKey($"g{i - 1}") && depth[$"g{i - 1}"] < MaxGroupDepth ? $"g{i - 1}"
                : candidates[random.Next(candidates.Count)];
            parent[name] = chosen;
            depth[name] = chosen is null ? 1 : depth[chosen] + 1;
        }
        return parent;
    }

    /// <summary>A portfolio and up to 29 objects below it; a parent always comes before its children.</summary>
    public static List<TreeNode> RandomTree(Random random, User[] users, string[] teams, string[] groups)
    {
        var nodes = new List<TreeNode> { new(0, ObjectType.Portfolio, null, true, RandomGrants(random, users, teams, groups)) };
        var types = Enum.GetValues<ObjectType>().Where(t => t != ObjectType.Portfolio).ToArray();
        var attempts = random.Next(2, 30);
        for (var id = 1; id < attempts; id++)
        {
            var type = types[random.Next(types.Length)];
            var parents = nodes.Where(n => Children[n.Type].Contains(type) && n.Depth < MaxTreeDepth).ToList();
            if (parents.Count == 0)
                continue;
            nodes.Add(new TreeNode(id, type, parents[random.Next(parents.Count)], random.Next(5) != 0, RandomGrants(random, users, teams, groups)));
        }
        return nodes;
    }

    private static List<Grant> RandomGrants(Random random, User[] users, string[] teams, string[] groups) =>
    [
        .. Enumerable.Range(0, random.Next(4)).Select(_ => new Grant(
            random.Next(6) switch
            {
                0 => Grantee.User(users[random.Next(users.Length)].Id),
                1 => Grantee.Team(teams[random.Next(teams.Length)]),
                2 or 3 => Grantee.Group(groups[random.Next(groups.Length)]),
                4 => Grantee.SystemWide,
                _ => Grantee.Email(users[random.Next(users.Length)].Email ?? "nobody@example.org"),
            },
            (Permission)random.Next(1, 4))),
    ];

    /// <summary>A built-in level, or a copy of a copyable one with random settings and toggles lowered.</summary>
    public static AccessLevel RandomLevel(Random random)
    {
        var builtIn = BuiltInAccessLevels.All[random.Next(BuiltInAccessLevels.All.Count)];
        if (!AccessLevelRules.CanBeChangedOrCopied(builtIn) || random.Next(3) == 0)
            return builtIn;
        var maximum = BuiltInAccessLevels.LicenseMaximum(builtIn.License);
        var level = AccessLevelRules.Copy(builtIn, "random");
        foreach (var area in AccessAreas.All.Where(_ => random.Next(3) == 0))
        {
            level = level.WithArea(area, (AreaSetting)random.Next((int)maximum[area].Setting + 1) switch
            {
                AreaSetting.Edit => AreaAccess.Edit(maximum[area].EditRights & (EditRights)random.Next(32)),
                AreaSetting.View => AreaAccess.View(maximum[area].AllowsShare && random.Next(2) == 0),
                _ => AreaAccess.NoAccess,
            });
        }
        Assert.Empty(AccessLevelRules.Validate(level));
        return level;
    }

    public static IEnumerable<string> SelfAndAncestors(string group, Dictionary<string, string?> parent) =>
        parent[group] is { } up ? [group, .. SelfAndAncestors(up, parent)] : [group];

    /// <summary>Every grant that reaches the user on <paramref name="target"/>, with the node it sits on, walking up while nodes inherit.</summary>
    public static List<(ObjectRef On, Grant Grant)> Reaching(TreeNode target, User user, Dictionary<string, string?> groupParent)
    {
        var userGroups = user.Groups.SelectMany(g => SelfAndAncestors(g, groupParent)).ToHashSet();
        var reaching = new List<(ObjectRef On, Grant Grant)>();
        for (var node = target; node is not null; node = node.Inherits ? node.Parent : null)
            reaching.AddRange(node.Grants.Where(g => Reaches(g.Grantee, user, userGroups)).Select(g => (node.Ref, g)));
        return reaching;
    }

    public static Permission Best(ObjectType target, IEnumerable<(ObjectRef On, Grant Grant)> reaching) =>
        reaching.Select(r => OnTarget(target, r.Grant.Permission)).DefaultIfEmpty(Permission.None).Max();

    private static bool Reaches(Grantee grantee, User user, HashSet<string> userGroups) => grantee.Kind switch
    {
        GranteeKind.User => grantee.Id == user.Id,
        GranteeKind.Team => user.Teams.Contains(grantee.Id),
        GranteeKind.Group => userGroups.Contains(grantee.Id),
        GranteeKind.SystemWide => user.ReachedBySystemWide,
        GranteeKind.Email => string.Equals(grantee.Id, user.Email, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static bool IsDocumentLike(ObjectType type) => DocumentLike.Contains(type);

    public static Permission OnTarget(ObjectType type, Permission permission) =>
        IsDocumentLike(type) && permission == Permission.Contribute ? Permission.Manage : permission;

    private static AccessArea AreaOf(ObjectType type) => IsDocumentLike(type) ? AccessArea.Documents : Enum.Parse<AccessArea>(type + "s");

    public static bool Expected(AccessLevel level, ObjectType type, AccessAction action, Permission held)
    {
        if (level.IsSystemAdministrator)
            return true;
        held = OnTarget(type, held);
        var area = level.Area(AreaOf(type));
        var edit = area.Setting == AreaSetting.Edit;
        return action switch
        {
            AccessAction.View => area.Setting != AreaSetting.NoAccess && held >= Permission.View,
            AccessAction.Update => edit && held >= Permission.Contribute,
            AccessAction.Edit or AccessAction.ManageInheritance => edit && held == Permission.Manage,
            AccessAction.Delete => edit && area.EditRights.HasFlag(EditRights.Delete) && held == Permission.Manage,
            AccessAction.Share => level.License != License.External && held >= Permission.View
                && (edit ? area.EditRights.HasFlag(EditRights.Share) : area.Setting == AreaSetting.View && area.ViewShare),
            AccessAction.ShareSystemWide => edit && area.EditRights.HasFlag(EditRights.ShareSystemWide) && held == Permission.Manage,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    public static bool ExpectedCreate(AccessLevel level, ObjectType parent, ObjectType child, Permission heldOnParent)
    {
        if (!Children[parent].Contains(child))
            return false;
        if (level.IsSystemAdministrator)
            return true;
        var area = level.Area(AreaOf(child));
        var needed = parent == ObjectType.DocumentFolder ? Permission.Manage : Permission.Contribute;
        return area.Setting == AreaSetting.Edit && area.EditRights.HasFlag(EditRights.Create) && OnTarget(parent, heldOnParent) >= needed;
    }

    /// <summary>
    /// Runs <paramref name="cases"/> cases, each on a random source of its own drawn from one seed:
    /// GREENLIGHT_PROPERTY_SEED replays a printed seed, else a new one is drawn. A failure names the case and the seed.
    /// </summary>
    public static async Task ForEachCaseAsync(int cases, ITestOutputHelper output, Func<Random, string, Task> check)
    {
        var seed = Environment.GetEnvironmentVariable("GREENLIGHT_PROPERTY_SEED") is { Length: > 0 } given ? int.Parse(given) : Random.Shared.Next();
        output.WriteLine($"property seed {seed} (GREENLIGHT_PROPERTY_SEED={seed} replays it)");
        var seeds = new Random(seed);
        for (var i = 0; i < cases; i++)
        {
            try
            {
                await check(new Random(seeds.Next()), $"c{i}-{seed}");
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Case {i} of seed {seed} (GREENLIGHT_PROPERTY_SEED={seed}) failed: {e.Message}", e);
            }
        }
    }
}
