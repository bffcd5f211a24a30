using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Greenlight.Integration.Tests.Sweeps;

/// <summary>
/// Every operation that touches an object and links others by id (a move's target, a new object's parent, an
/// issue's task, an approval's other documents, a user's groups) checks the caller's rights on each of them. For
/// each such operation and each object it names, a Standard user with Manage on all the others but that one (for a
/// group, its administrator; for a user, administrator of the user's group) is refused with 403 or 404, and nothing changes. The same user with rights on
/// every object succeeds first: otherwise the operation is reported as not swept. Every case gets fresh objects.
/// A project that holds another object of the case is not withheld on its own: Manage on a task, folder or issue inside
/// it is a right to add under that object (inheritance runs project → task → child task, issue, document), so a
/// subtask made under a task the caller manages is theirs to make, whatever they hold on the project.
/// </summary>
[Collection(SweepCollection.Name)]
public sealed class MultiObjectAuthorizationSweepTests(SweepFixture fixture, ITestOutputHelper output) : IClassFixture<SweepFixture>
{
    private enum Kind { Portfolio, Program, Project, Task, Issue, DocumentFolder, Document, Group, User }

    /// <summary>Body properties and query parameters that link a work object by id, whatever the operation.</summary>
    private static readonly Dictionary<string, Kind> WorkLinks = new(StringComparer.Ordinal)
    {
        ["projectId"] = Kind.Project, ["toProjectId"] = Kind.Project, ["taskId"] = Kind.Task, ["parentTaskId"] = Kind.Task,
        ["issueId"] = Kind.Issue, ["folderId"] = Kind.DocumentFolder, ["parentFolderId"] = Kind.DocumentFolder,
        ["documentId"] = Kind.Document, ["otherDocumentIds"] = Kind.Document, ["portfolioId"] = Kind.Portfolio, ["programId"] = Kind.Program,
    };

    /// <summary>
    /// Group and user ids in the Access module's own operations (a user's groups, a subgroup's parent, the users a change
    /// applies to), where acting on a group or its people takes being its administrator. Elsewhere a group id only
    /// labels an object (a project's group) and needs no right, and any Standard user may see and name people.
    /// </summary>
    private static readonly Dictionary<string, Kind> AccessLinks = new(StringComparer.Ordinal)
    {
        ["groupId"] = Kind.Group, ["homeGroupId"] = Kind.Group, ["groupIds"] = Kind.Group, ["parentId"] = Kind.Group, ["assignedGroupIds"] = Kind.Group,
        ["userIds"] = Kind.User, ["managedUserIds"] = Kind.User,
    };

    private sealed record Link(string Name, Kind Kind, bool InQuery)
    {
        public bool Many => Name.EndsWith("Ids", StringComparison.Ordinal);
    }

    private sealed record Variant(ApiOperation Operation, (string Parameter, Kind Kind)? Target, IReadOnlyList<Link> Links)
    {
        public override string ToString() => $"{Operation} linking {string.Join(", ", Links.Select(l => l.Name))}";
    }

    /// <summary>An object of one case: a work object, or a group or a user and the group whose administrator may act on it.</summary>
    private sealed record Thing(string Role, Kind Kind, string Id, WorkObject? Work, string? AdministeredGroup = null)
    {
        public string ReadBack => Work?.Path ?? (Kind == Kind.User ? $"/api/v1/access/users/{Id}" : "/api/v1/access/groups");
    }

    [Fact]
    public async Task Every_operation_linking_objects_denies_a_caller_without_rights_on_one_of_them_and_changes_nothing()
    {
        var world = fixture.World;
        var report = new SweepReport(output);
        var swept = 0;
        foreach (var variant in world.Api.Operations.SelectMany(Variants).OrderBy(v => v.Operation.Method == "DELETE"))
        {
            var control = await SendAsync(world, variant, withheld: null);
            if (control.Status >= 500) report.Failed($"{variant}, rights on every object", $"answered {control.Status} {SweepReport.Shorten(control.Answer)}");
            if (control.Status is < 200 or >= 300)
            {
                report.Note($"not swept: {variant}: with rights on every object it answered {control.Status} {SweepReport.Shorten(control.Answer)}");
                continue;
            }
            swept++;
            foreach (var withheld in control.Roles)
            {
                var name = $"{variant}, no rights on {withheld}";
                var outcome = await SendAsync(world, variant, withheld);
                if (outcome.Status is not (403 or 404)) report.Failed(name, $"answered {outcome.Status} {SweepReport.Shorten(outcome.Answer)}");
                else if (!outcome.After.SequenceEqual(outcome.Before))
                    report.Failed(name, "changed " + string.Join("; ", outcome.After.Except(outcome.Before).Select(r => SweepReport.Shorten(r))));
                else report.Passed($"{name} → {outcome.Status}");
            }
        }

        report.Note($"{swept} operations swept.");
        Assert.True(swept >= 8, $"Only {swept} operations linking objects could be swept: the rest refused even a caller with rights on every object (see the output).");
        report.AssertNoFailures("multi-object authorization", atLeastCases: 16);
    }

    /// <summary>The operation once per optional link (two links may exclude each other), with its required links in each.</summary>
    private IEnumerable<Variant> Variants(ApiOperation operation)
    {
        var path = operation.PathNames.ToHashSet();
        var links = AccessOrWork(operation);
        var body = operation.Body is { } schema ? fixture.World.Api.Resolve(schema) : default;
        var properties = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("properties", out var p)
            ? p.EnumerateObject().Where(x => !SchemaTypes.IsReadOnly(x.Value)).Select(x => x.Name).ToList() : [];
        var required = operation.Body is { } s ? fixture.World.Api.RequiredFields(s) : [];
        var always = properties.Where(n => required.Contains(n) && links.ContainsKey(n) && !path.Contains(n)).Select(n => new Link(n, links[n], false)).ToList();
        var optional = properties.Where(n => !required.Contains(n) && links.ContainsKey(n) && !path.Contains(n)).Select(n => new Link(n, links[n], false))
            .Concat(operation.Query.Where(q => links.ContainsKey(q.Name) && !path.Contains(q.Name)).Select(q => new Link(q.Name, links[q.Name], true)))
            .ToList();
        var target = Target(operation);
        if (optional.Count == 0)
        {
            if (always.Count > 0) yield return new Variant(operation, target, always);
            yield break;
        }
        foreach (var link in optional) yield return new Variant(operation, target, [.. always, link]);
    }

    private static Dictionary<string, Kind> AccessOrWork(ApiOperation operation) =>
        operation.Template.StartsWith("/api/v1/access/", StringComparison.Ordinal) ? AccessLinks : WorkLinks;

    /// <summary>The object the path addresses: its last id that names a kind of object.</summary>
    private static (string, Kind)? Target(ApiOperation operation)
    {
        foreach (var name in operation.PathNames.Reverse())
        {
            Kind? kind = name switch
            {
                "taskId" or "objectId" => Kind.Task,
                "issueId" => Kind.Issue,
                "folderId" => Kind.DocumentFolder,
                "documentId" => Kind.Document,
                "projectId" or "containerId" => Kind.Project,
                "id" when operation.Template.StartsWith("/api/v1/portfolios/", StringComparison.Ordinal) => Kind.Portfolio,
                "id" when operation.Template.StartsWith("/api/v1/programs/", StringComparison.Ordinal) => Kind.Program,
                "id" when operation.Template.StartsWith("/api/v1/access/groups/", StringComparison.Ordinal) => Kind.Group,
                "id" when operation.Template.StartsWith("/api/v1/access/users/", StringComparison.Ordinal) => Kind.User,
                _ => null,
            };
            if (kind is { } found) return (name, found);
        }
        return null;
    }

    private sealed record Outcome(int Status, string Answer, IReadOnlyList<string> Roles, IReadOnlyList<string> Before, IReadOnlyList<string> After);

    /// <summary>Makes fresh objects for the variant, gives a new Standard user rights on all of them but <paramref name="withheld"/>, and sends the request as them.</summary>
    private async Task<Outcome> SendAsync(SweepWorld world, Variant variant, string? withheld)
    {
        var things = new List<Thing>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        WorkObject? pathProject = null;
        if (variant.Operation.PathNames.Any(n => n is "projectId" or "containerId"))
        {
            pathProject = await world.World.ProjectAsync();
            values["projectId"] = values["containerId"] = pathProject.Id;
        }
        if (variant.Target is var (parameter, kind))
        {
            var target = kind == Kind.Project && pathProject is not null ? Of(parameter, pathProject) : await NewAsync(world, parameter, kind, pathProject);
            things.Add(target);
            values[parameter] = target.Id;
        }
        var linkedProject = variant.Links.FirstOrDefault(l => l.Kind == Kind.Project);
        foreach (var link in variant.Links.OrderBy(l => l != linkedProject))
        {
            var within = things.FirstOrDefault(t => t.Role == linkedProject?.Name)?.Work ?? pathProject;
            var thing = await NewAsync(world, link.Name, link.Kind, within);
            things.Add(thing);
            values[link.Many ? link.Name[..^1] : link.Name] = thing.Id;
        }

        using var caller = await world.World.PersonAsync("caller");
        await GrantAllButAsync(world, things, withheld, caller.Id);

        var operation = variant.Operation;
        var query = variant.Links.Where(l => l.InQuery).ToDictionary(l => l.Name, l => values[l.Name]);
        var url = world.Url(operation, name => values.GetValueOrDefault(name), query);
        var readBacks = world.ReadBacks(operation).Select(r => world.Url(r, name => values.GetValueOrDefault(name)))
            .Concat(things.Select(t => t.ReadBack)).Distinct().ToList();
        var before = await world.ReadAsync(readBacks);
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        if (operation.Body is { } schema)
        {
            var bodies = new Bodies(world.Api, name => values.TryGetValue(name, out var id) ? JsonValue.Create(id) : world.Value(operation, name));
            request.Content = SweepWorld.Json(bodies.Build(schema, variant.Links.Where(l => !l.InQuery).Select(l => l.Name).ToHashSet()));
        }
        using var response = await caller.Client.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        var after = await world.ReadAsync(readBacks);
        var holders = things.Where(t => t.Kind == Kind.Project && things.Any(o => o.Work is { } w && w.Id != t.Id && w.ProjectId == t.Id));
        return new Outcome((int)response.StatusCode, answer, [.. things.Except(holders).Select(t => t.Role)], before, after);
    }

    /// <summary>Manage on each work object but the withheld one (and on the project holding it); administrator of each group (or user's group) but the withheld one's.</summary>
    private static async Task GrantAllButAsync(SweepWorld world, IReadOnlyList<Thing> things, string? withheld, string callerId)
    {
        var projects = things.Where(t => t.Kind == Kind.Project).ToDictionary(t => t.Id);
        var granted = new HashSet<string>();
        foreach (var thing in things.Where(t => t.Role != withheld))
        {
            if (thing.Work is not { } work)
            {
                await (await world.World.Admin.PutAsJsonAsync($"/api/v1/access/groups/{thing.AdministeredGroup}/administrators", new { userIds = new[] { callerId } }))
                    .ReadSuccessAsync<JsonElement>();
                continue;
            }
            if (granted.Add(work.Id)) await world.World.ShareOkAsync(work, callerId, Permission.Manage);
            var holder = work.ProjectId is { } projectId && projectId != work.Id ? projectId : null;
            var holderWithheld = holder is not null && projects.TryGetValue(holder, out var project) && project.Role == withheld;
            if (holder is not null && !holderWithheld && granted.Add(holder))
                await world.World.ShareOkAsync(new WorkObject(ObjectType.Project, holder, holder), callerId, Permission.Manage);
        }
        // What is withheld inherits nothing from a project the caller was given.
        if (things.FirstOrDefault(t => t.Role == withheld) is { Work: { } kept } && kept.ProjectId is { } keptIn && kept.ProjectId != kept.Id && granted.Contains(keptIn))
            await (await world.World.Admin.PutAsJsonAsync($"{kept.AccessPath}/inheritance", new { inheritsFromParent = false })).ReadSuccessAsync<JsonElement>();
    }

    private static Thing Of(string role, WorkObject work) => new(role, Enum.Parse<Kind>(work.Type.ToString()), work.Id, work);

    /// <summary>A new object of the kind, made by the administrator; one that lives in a project goes in <paramref name="project"/>, else in a new one.</summary>
    private static async Task<Thing> NewAsync(SweepWorld world, string role, Kind kind, WorkObject? project)
    {
        var w = world.World;
        async Task<WorkObject> Project() => project ?? await w.ProjectAsync();
        async Task<Thing> GroupAsync()
        {
            var group = await w.GroupAsync("linked");
            return new Thing(role, kind, group, null, group);
        }
        async Task<Thing> UserAsync()
        {
            var group = await w.GroupAsync("home");
            using var user = await w.PersonAsync("linked", groups: [group]);
            return new Thing(role, kind, user.Id, null, group);
        }
        return kind switch
        {
            Kind.Group => await GroupAsync(),
            Kind.User => await UserAsync(),
            Kind.Portfolio => Of(role, await w.PortfolioAsync()),
            Kind.Program => Of(role, await w.ProgramAsync(await w.PortfolioAsync())),
            Kind.Project => Of(role, await w.ProjectAsync()),
            Kind.Task => Of(role, await w.TaskAsync(await Project())),
            Kind.Issue => Of(role, await w.IssueAsync(await Project())),
            Kind.DocumentFolder => Of(role, await w.FolderAsync(await Project())),
            _ => Of(role, await w.DocumentAsync(await Project())),
        };
    }
}
