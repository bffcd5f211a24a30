namespace Greenlight.Modules.Work.Assignments;

/// <summary>Who each task or issue is assigned to, by name: users by theirs, teams by theirs (the id when the directory no longer has it).</summary>
public sealed class AssigneeNames(IReadOnlyDictionary<string, string> byItem)
{
    public static readonly AssigneeNames None = new(new Dictionary<string, string>());

    /// <summary>The item's assignees, comma-separated; empty when it has none.</summary>
    public string Of(string itemId) => byItem.GetValueOrDefault(itemId, "");

    public static async Task<AssigneeNames> ForAsync(IMediator sender, IEnumerable<(string ItemId, IReadOnlyList<Assignee> Assignees)> items)
    {
        var assigned = items.ToList();
        var everyone = assigned.SelectMany(i => i.Assignees).Distinct().ToList();
        var teams = await sender.Send(new GetTeamNames([.. everyone.Where(a => a.Kind == AssigneeKind.Team).Select(a => a.Id)]));
        var users = new Dictionary<string, string>();
        foreach (var user in everyone.Where(a => a.Kind == AssigneeKind.User))
            users[user.Id] = (await sender.Send(new GetUserProfile(user.Id)))?.Name ?? user.Id;
        string NameOf(Assignee a) => a.Kind == AssigneeKind.User ? users[a.Id] : $"{teams.GetValueOrDefault(a.Id, a.Id)} (team)";
        return new(assigned.ToDictionary(i => i.ItemId, i => string.Join(", ", i.Assignees.Select(NameOf))));
    }
}
