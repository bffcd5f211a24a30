using Greenlight.Kernel.Pages;
using Greenlight.Kernel.Security;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Groups;
using Greenlight.Modules.Access.Organization;
using Greenlight.Modules.Access.Teams;
using Greenlight.Modules.Access.Users.Api;
using MediatR;

namespace Greenlight.Modules.Access.Sharing.Dialog;

/// <summary>
/// What the share page calls people, teams, groups and objects, read with the requests the API answers, so a person sees the
/// names they may read: where the directory is closed to them, an id; an object above this one they may not view stays unnamed.
/// </summary>
public sealed class ShareNames
{
    private IReadOnlyDictionary<ObjectRef, string> _objects = new Dictionary<ObjectRef, string>();

    public IReadOnlyList<UserProfile> Users { get; private set; } = [];

    public IReadOnlyList<TeamData> Teams { get; private set; } = [];

    public IReadOnlyList<GroupView> Groups { get; private set; } = [];

    /// <summary>The directory of everyone who could be shared with, and the names of the object and of those above it the person may view.</summary>
    public static async Task<ShareNames> ReadAsync(IMediator mediator, ICurrentPrincipal current, SecuredRef target, ObjectShares shares)
    {
        // A directory the person may not read leaves that kind of grantee without choices (sharing with one would be refused too).
        var quiet = new ProblemFields();
        var names = new ShareNames
        {
            Users = await quiet.TryAsync(() => mediator.Send(new ListUsers())) ?? [],
            Teams = await quiet.TryAsync(() => mediator.Send(new ListTeams())) ?? [],
            Groups = await quiet.TryAsync(() => mediator.Send(new ListGroups())) ?? [],
        };
        var viewable = await mediator.Send(new FilterViewable(current.ActorId(), [.. Located(shares.Ancestors)]));
        names._objects = await mediator.Send(new NameObjects([target.Object, .. viewable.Select(v => v.Object)]));
        return names;
    }

    /// <summary>"task Storyboard", or "a project you may not view".</summary>
    public string Of(ObjectRef obj) => Of(obj, _objects);

    /// <summary>The object by the name <paramref name="names"/> gives it; one missing there is one the person may not view.</summary>
    public static string Of(ObjectRef obj, IReadOnlyDictionary<ObjectRef, string> names) =>
        names.TryGetValue(obj, out var name) ? $"{TypeWord(obj.Type)} {name}" : $"a {TypeWord(obj.Type)} you may not view";

    public bool IsNamed(ObjectRef obj) => _objects.ContainsKey(obj);

    public string Of(Grantee grantee) => grantee.Kind switch
    {
        GranteeKind.User => UserName(grantee.Id),
        GranteeKind.Team => "team " + (Teams.FirstOrDefault(t => t.Id == grantee.Id)?.Name ?? grantee.Id),
        GranteeKind.Group => "group " + GroupName(grantee.Id),
        GranteeKind.SystemWide => "everyone (system-wide)",
        _ => "the address " + grantee.Id,
    };

    public string UserName(string userId) => Users.FirstOrDefault(u => u.Id == userId) is { } user
        ? user.Active ? user.Name : $"{user.Name} (deactivated)"
        : userId;

    public string GroupName(string groupId) => Groups.FirstOrDefault(g => g.Id == groupId)?.Name ?? groupId;

    /// <summary>The groups below this one, whose members a grant to it reaches too.</summary>
    public IReadOnlyList<GroupView> SubgroupsOf(string groupId)
    {
        var below = new List<GroupView>();
        for (var level = Groups.Where(g => g.ParentId == groupId).ToList(); level.Count > 0; level = [.. Groups.Where(g => level.Any(l => l.Id == g.ParentId))])
            below.AddRange(level);
        return below;
    }

    public static string TypeWord(ObjectType type) => type == ObjectType.DocumentFolder ? "folder" : type.ToString().ToLowerInvariant();

    /// <summary>The ancestors with their containers: a container is its own, anything else sits in the nearest container above it.</summary>
    private static IEnumerable<SecuredRef> Located(IReadOnlyList<ObjectRef> ancestors)
    {
        ObjectRef? container = null;
        foreach (var obj in ancestors.Reverse())
        {
            if (ObjectKeys.IsContainerType(obj.Type)) container = obj;
            if (container is not null) yield return new SecuredRef(obj, container);
        }
    }
}
