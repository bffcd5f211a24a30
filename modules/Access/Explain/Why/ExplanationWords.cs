using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Permissions;
using Greenlight.Modules.Access.Sharing.Dialog;

namespace Greenlight.Modules.Access.Explain.Why;

/// <summary>
/// An explanation from <see cref="ExplainAccess"/> told in plain words: the answer, the permission held and every grant behind it
/// (through whom, on which object, inherited or not), then the access level's cap; the effective right is the lower of the two.
/// </summary>
public static class ExplanationWords
{
    /// <summary>What a person asks about on the share page of an object of <paramref name="type"/>: each action, and adding each kind of child it can hold.</summary>
    public static IEnumerable<(AccessAction Action, ObjectType? Child)> Questions(ObjectType type) =>
    [
        .. new[] { AccessAction.View, AccessAction.Update, AccessAction.Edit, AccessAction.Delete, AccessAction.Share, AccessAction.ShareSystemWide, AccessAction.ManageInheritance }
            .Select(a => (a, (ObjectType?)null)),
        .. Enum.GetValues<ObjectType>().Where(child => ObjectTypeRules.CanContain(type, child)).Select(child => (AccessAction.Create, (ObjectType?)child)),
    ];

    /// <summary>How a question travels in the page's query: "Edit", or "Create:Task" for adding a task.</summary>
    public static string Key(AccessAction action, ObjectType? child) => child is null ? action.ToString() : $"{action}:{child}";

    public static string Verb(AccessAction action, ObjectType? child = null) => action switch
    {
        AccessAction.Create => $"add a {ShareNames.TypeWord(child ?? ObjectType.Task)} to",
        AccessAction.Update => "update (status, assignments)",
        AccessAction.ShareSystemWide => "share system-wide",
        AccessAction.ManageInheritance => "stop or resume inheriting",
        _ => action.ToString().ToLowerInvariant(),
    };

    public static IReadOnlyList<string> Of(AccessExplanation explanation, UserProfile person, ShareNames names)
    {
        var who = person.Name;
        var what = $"{Verb(explanation.Action, explanation.ChildType)} this {ShareNames.TypeWord(explanation.Target.Object.Type)}";
        var level = explanation.Level;
        var sentences = new List<string>();
        if (!person.Active)
            sentences.Add($"{who} is deactivated: {who} cannot sign in, so cannot {what}. Were {who} active, this would hold:");
        sentences.Add($"{who} {(explanation.Allowed ? "can" : "cannot")} {what}.");
        if (person.IsSystemAdministrator)
        {
            sentences.Add($"{who} is a System Administrator, whose access level allows everything on every object.");
            return sentences;
        }
        sentences.Add(explanation.Grants.Count == 0
            ? $"No grant reaches {who} on it or above it: {who} holds no permission on it."
            : $"{who} holds {explanation.Held} on it: {string.Join("; ", explanation.Grants.Select(g => Route(g, who, explanation.Target.Object, names)))}.");
        sentences.Add(level.Cap == Permission.None
            ? $"{who}'s access level ({level.Name}) does not allow this on {level.Area}."
            : $"{who}'s access level ({level.Name}) allows at most {level.Cap} for this on {level.Area}.");
        if (!explanation.Allowed && explanation.Needed > Permission.None)
            sentences.Add($"It needs {explanation.Needed}, from both: {(level.Cap < explanation.Needed ? "the access level" : "the permission on the object")} falls short.");
        return sentences;
    }

    private static string Route(GrantSource grant, string who, ObjectRef target, ShareNames names)
    {
        var on = $"{grant.Granted} on {names.Of(grant.InheritedFrom ?? target)}" + (grant.InheritedFrom is null ? "" : ", inherited")
            + (grant.Counts != grant.Granted ? $" (which counts as {grant.Counts} here)" : "");
        var group = names.GroupName(grant.Grantee.Id);
        return grant.Route switch
        {
            GrantRoute.Direct => $"{on} was shared with {who}",
            GrantRoute.Team => $"{who} is in {names.Of(grant.Grantee)}, which has {on}",
            GrantRoute.Group => $"{who} is in group {group}, which has {on}",
            GrantRoute.Subgroup => $"{who} is in group {names.GroupName(grant.ViaGroupId ?? "")}, a subgroup of group {group}, which has {on}",
            GrantRoute.SystemWide => $"{on} is shared with everyone",
            _ => $"{on} was shared with {who}'s address",
        };
    }
}
