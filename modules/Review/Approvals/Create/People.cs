namespace Greenlight.Modules.Review.Approvals.Create;

/// <summary>How the stage forms' pages show people: by name where the user is known, else by id.</summary>
internal static class People
{
    public static async Task NameAsync(IMediator sender, IEnumerable<string> userIds, Dictionary<string, string> names)
    {
        foreach (var id in userIds.Distinct().Where(id => !names.ContainsKey(id)))
            if ((await sender.Send(new GetUserProfile(id)))?.Name is { } name) names[id] = name;
    }

    public static string NameOf(string userId, IReadOnlyDictionary<string, string> names) => names.GetValueOrDefault(userId, userId);

    /// <summary>"approvers: Ann, Bob; reviewers: Cy".</summary>
    public static string Describe(StageSpec stage, IReadOnlyDictionary<string, string> names) =>
        string.Join("; ", stage.Participants.GroupBy(p => p.Role).OrderByDescending(g => g.Key == ParticipantRole.Approver)
            .Select(g => $"{(g.Key == ParticipantRole.Approver ? "approvers" : "reviewers")} {string.Join(", ", g.Select(p => p.Kind == ParticipantKind.Team ? $"team {p.Id}" : NameOf(p.Id, names)))}"));
}
