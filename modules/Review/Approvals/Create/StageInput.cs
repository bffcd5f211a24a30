using System.Globalization;
using Greenlight.Kernel.Pages;

namespace Greenlight.Modules.Review.Approvals.Create;

/// <summary>
/// One stage as a console form takes it (an approval's or a template's): people picked by name (the ids of the users
/// <see cref="ListPeopleToChoose"/> offers), approvers and reviewers in fields of their own. <see cref="ToSpecs"/> makes the
/// <see cref="StageSpec"/>s the request carries, or notes next to each field what it could not read.
/// </summary>
public sealed class StageInput
{
    /// <summary>How many stages the forms offer; the API takes more.</summary>
    public const int Rows = 3;

    public string? Name { get; set; }
    // The ids picked; a list with none picked is not posted at all, which form mapping binds as null.
    public List<string> Approvers { get; set => field = value ?? []; } = [];
    public List<string> Reviewers { get; set => field = value ?? []; } = [];
    public string? DueInWorkdays { get; set; }

    /// <summary>An absolute deadline, UTC, as a <c>datetime-local</c> field sends it; offered for an approval's first stage only.</summary>
    public string? DueAt { get; set; }
    public bool OnlyOneDecision { get; set; }

    public static List<StageInput> Blank() => [.. Enumerable.Range(0, Rows).Select(_ => new StageInput())];

    private bool IsBlank => string.IsNullOrWhiteSpace(Name) && Approvers.Count == 0 && Reviewers.Count == 0
                            && string.IsNullOrWhiteSpace(DueInWorkdays) && string.IsNullOrWhiteSpace(DueAt);

    /// <summary>The field a form shows the problems of this row's part under, named as the request's validator names it.</summary>
    public static string Field(string prefix, int row, string part) => $"{prefix}stages[{row}].{part}";

    /// <summary>
    /// The stages up to the last row filled in (a blank row between two is sent, and refused next to its name), or null
    /// when a number or a date is not one (noted in <paramref name="problems"/>).
    /// </summary>
    public static IReadOnlyList<StageSpec>? ToSpecs(IReadOnlyList<StageInput> rows, ProblemFields problems, string prefix)
    {
        problems.Clear();
        var used = rows.Select((row, i) => (row, i)).LastOrDefault(r => !r.row.IsBlank) is { row: not null } last ? last.i + 1 : 0;
        var specs = new List<StageSpec>();
        for (var i = 0; i < used; i++)
        {
            var row = rows[i];
            List<ParticipantSpec> participants = [.. Participants(row.Approvers, ParticipantRole.Approver), .. Participants(row.Reviewers, ParticipantRole.Reviewer)];
            int? workdays = null;
            if (!string.IsNullOrWhiteSpace(row.DueInWorkdays))
            {
                if (int.TryParse(row.DueInWorkdays, NumberStyles.None, CultureInfo.InvariantCulture, out var days)) workdays = days;
                else problems.Add(Field(prefix, i, "dueInWorkdays"), "Give a whole number of workdays, or leave it empty.");
            }
            DateTimeOffset? dueAt = null;
            if (!string.IsNullOrWhiteSpace(row.DueAt))
            {
                if (DateTime.TryParseExact(row.DueAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                    dueAt = new DateTimeOffset(at, TimeSpan.Zero);
                else problems.Add(Field(prefix, i, "dueAt"), "Give a date and time (UTC), or leave it empty.");
            }
            specs.Add(new StageSpec(row.Name?.Trim() ?? "", participants, row.OnlyOneDecision, dueAt, workdays));
        }
        return problems.Any ? null : specs;
    }

    /// <summary>
    /// The request's fields of a row's participants (<c>stages[i].participants[k]</c>), approvers first as
    /// <see cref="ToSpecs"/> sent them: the form shows their problems next to the field that named the person.
    /// </summary>
    public static (IReadOnlyList<string> Approvers, IReadOnlyList<string> Reviewers) ParticipantFields(string prefix, int row, StageInput input)
    {
        var (approvers, reviewers) = (input.Approvers.Count, input.Reviewers.Count);
        return ([.. Enumerable.Range(0, approvers).Select(k => Field(prefix, row, $"participants[{k}]"))],
            [.. Enumerable.Range(approvers, reviewers).Select(k => Field(prefix, row, $"participants[{k}]"))]);
    }

    private static IEnumerable<ParticipantSpec> Participants(IEnumerable<string> userIds, ParticipantRole role) =>
        userIds.Select(id => new ParticipantSpec(ParticipantKind.User, id, role));
}
