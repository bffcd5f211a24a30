using System.Globalization;
using Greenlight.Kernel.Pages;

namespace Greenlight.Modules.Review.Approvals.Create;

/// <summary>
/// One stage as a console form takes it (an approval's or a template's): people named by e-mail address, as the other
/// console forms name users, approvers and reviewers in fields of their own. <see cref="ToSpecsAsync"/> makes the
/// <see cref="StageSpec"/>s the request carries, or notes next to each field what it could not read.
/// </summary>
public sealed class StageInput
{
    /// <summary>How many stages the forms offer; the API takes more.</summary>
    public const int Rows = 3;

    public string? Name { get; set; }
    public string? Approvers { get; set; }
    public string? Reviewers { get; set; }
    public string? DueInWorkdays { get; set; }

    /// <summary>An absolute deadline, UTC, as a <c>datetime-local</c> field sends it; offered for an approval's first stage only.</summary>
    public string? DueAt { get; set; }
    public bool OnlyOneDecision { get; set; }

    public static List<StageInput> Blank() => [.. Enumerable.Range(0, Rows).Select(_ => new StageInput())];

    private bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Approvers) && string.IsNullOrWhiteSpace(Reviewers)
                            && string.IsNullOrWhiteSpace(DueInWorkdays) && string.IsNullOrWhiteSpace(DueAt);

    /// <summary>The field a form shows the problems of this row's part under, named as the request's validator names it.</summary>
    public static string Field(string prefix, int row, string part) => $"{prefix}stages[{row}].{part}";

    /// <summary>
    /// The stages up to the last row filled in (a blank row between two is sent, and refused next to its name), or null
    /// when an address names no active user or a number is not one (noted in <paramref name="problems"/>).
    /// </summary>
    public static async Task<IReadOnlyList<StageSpec>?> ToSpecsAsync(IReadOnlyList<StageInput> rows, IMediator sender, ProblemFields problems, string prefix)
    {
        problems.Clear();
        var used = rows.Select((row, i) => (row, i)).LastOrDefault(r => !r.row.IsBlank) is { row: not null } last ? last.i + 1 : 0;
        var specs = new List<StageSpec>();
        for (var i = 0; i < used; i++)
        {
            var row = rows[i];
            var participants = new List<ParticipantSpec>();
            await AddPeopleAsync(row.Approvers, ParticipantRole.Approver, Field(prefix, i, "approvers"));
            await AddPeopleAsync(row.Reviewers, ParticipantRole.Reviewer, Field(prefix, i, "reviewers"));
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

            async Task AddPeopleAsync(string? emails, ParticipantRole role, string field)
            {
                foreach (var email in Emails(emails))
                {
                    if (await sender.Send(new FindUserByEmail(email)) is { } user) participants.Add(new ParticipantSpec(ParticipantKind.User, user.Id, role));
                    else problems.Add(field, $"No active user has the e-mail address '{email}'.");
                }
            }
        }
        return problems.Any ? null : specs;
    }

    /// <summary>
    /// The request's fields of a row's participants (<c>stages[i].participants[k]</c>), approvers first as
    /// <see cref="ToSpecsAsync"/> sent them: the form shows their problems next to the field that named the person.
    /// </summary>
    public static (IReadOnlyList<string> Approvers, IReadOnlyList<string> Reviewers) ParticipantFields(string prefix, int row, StageInput input)
    {
        var (approvers, reviewers) = (Emails(input.Approvers).Length, Emails(input.Reviewers).Length);
        return ([.. Enumerable.Range(0, approvers).Select(k => Field(prefix, row, $"participants[{k}]"))],
            [.. Enumerable.Range(approvers, reviewers).Select(k => Field(prefix, row, $"participants[{k}]"))]);
    }

    private static string[] Emails(string? text) => (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
