using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Greenlight.Modules.Review.Metrics;

/// <summary>
/// The approvals report's roll-ups, table <c>review_rollups</c>: for the organization and for each group, one set of
/// rows per week of start (the Monday of the week the approvals started in) and one for all weeks together, each row a
/// sum of one measure (<see cref="ReportMeasures"/>) over those approvals. The projection of an approval's rows
/// replaces the approval's contribution in the same transaction (subtracts what its stored row counted, adds what the
/// new snapshot counts), so the roll-ups always equal the sum over the approvals' rows, and <see cref="RebuildAsync"/>
/// writes them again from those rows. Projects keep none: a project's rows are few and indexed, read directly.
/// </summary>
internal static class ApprovalRollups
{
    public const string Organization = "organization";

    /// <summary>The <c>week</c> of the rows that count every week together (no Monday is the epoch).</summary>
    public const long AllWeeks = 0;

    /// <summary>The scope of the marker row that asks for a rebuild at the next start (left by the migration).</summary>
    public const string RebuildScope = "rebuild";

    public static string Group(string groupId) => "group:" + groupId;

    /// <summary>The approval's row and decisions as they are stored now, or null for an approval not stored yet.</summary>
    public static async Task<ReportFacts?> FactsAsync(IStoreTransaction tx, string approvalId)
    {
        await using var command = tx.Command($"{FactsQuery.Select()} WHERE a.approval_id = @a", ("a", approvalId));
        await foreach (var facts in FactsQuery.ReadAsync(command)) return facts;
        return null;
    }

    /// <summary>Replaces the approval's contribution: what it counted before (null: nothing) by what it counts now.</summary>
    public static Task ReplaceAsync(IStoreTransaction tx, ReportFacts? before, ReportFacts after)
    {
        var delta = new Dictionary<RollupKey, long>();
        if (before is not null) Add(delta, before, -1);
        Add(delta, after, 1);
        return AddToRowsAsync(tx, delta.Where(d => d.Value != 0));
    }

    /// <summary>
    /// Writes every roll-up again from the approvals' rows, in one transaction that keeps their writers out meanwhile
    /// (on SQLite every writer waits its turn anyway), so no change is counted twice or lost.
    /// </summary>
    public static async Task RebuildAsync(IStoreTransaction tx)
    {
        await KeepWritersOutAsync(tx);
        await RebuildWhileWritersAreOutAsync(tx);
    }

    /// <summary>Rebuilds when the marker row asks for it (approvals that existed before the roll-ups did); of several hosts starting, one does.</summary>
    public static async Task RebuildIfAskedAsync(IStoreTransaction tx)
    {
        await KeepWritersOutAsync(tx);
        if (await tx.ScalarAsync<long?>("SELECT value FROM review_rollups WHERE scope = @s", ("s", RebuildScope)) is not null)
            await RebuildWhileWritersAreOutAsync(tx);
    }

    /// <summary>
    /// On PostgreSQL, waits for the projections writing approvals' rows to commit and keeps new ones (and other rebuilds)
    /// out until this transaction ends. A projection writes the approval's row before its roll-ups, so none holds a
    /// roll-up row this waits behind.
    /// </summary>
    private static async Task KeepWritersOutAsync(IStoreTransaction tx)
    {
        if (tx.Dialect == SqlDialect.PostgreSql) await tx.ExecuteAsync("LOCK TABLE review_approvals, review_decisions IN SHARE ROW EXCLUSIVE MODE");
    }

    private static async Task RebuildWhileWritersAreOutAsync(IStoreTransaction tx)
    {
        var totals = new Dictionary<RollupKey, long>();
        await using (var command = tx.Command(FactsQuery.Select() + FactsQuery.OrderBy))
        {
            await foreach (var facts in FactsQuery.ReadAsync(command)) Add(totals, facts, 1);
        }
        await tx.ExecuteAsync("DELETE FROM review_rollups");
        await AddToRowsAsync(tx, totals.Where(t => t.Value != 0));
    }

    /// <summary>The row sets an approval counts in: the organization's and its group's, for its week of start and for all weeks.</summary>
    private static IEnumerable<(string Scope, long Week)> RowSets(ReportFacts facts)
    {
        var week = ReportTime.Week(facts.CreatedAt);
        yield return (Organization, AllWeeks);
        yield return (Organization, week);
        if (facts.GroupId is not { } group) yield break;
        yield return (Group(group), AllWeeks);
        yield return (Group(group), week);
    }

    private static void Add(Dictionary<RollupKey, long> into, ReportFacts facts, int sign)
    {
        var contribution = ReportMeasures.Of(facts).ToList();
        foreach (var (scope, week) in RowSets(facts))
        {
            foreach (var (measure, bucket, value) in contribution)
                CollectionsMarshal.GetValueRefOrAddDefault(into, new RollupKey(scope, week, measure, bucket), out _) += sign * value;
        }
    }

    /// <summary>Additive upserts, in key order: every writer takes the rows' locks in the same order, so none waits for another in a circle.</summary>
    private static async Task AddToRowsAsync(IStoreTransaction tx, IEnumerable<KeyValuePair<RollupKey, long>> values)
    {
        foreach (var chunk in values.OrderBy(v => v.Key).Chunk(500))
        {
            await ReviewRows.InsertAsync(tx, "review_rollups (scope, week, measure, bucket, value)",
                [.. chunk.Select(v => new object?[] { v.Key.Scope, v.Key.Week, v.Key.Measure, v.Key.Bucket, v.Value })],
                "ON CONFLICT (scope, week, measure, bucket) DO UPDATE SET value = review_rollups.value + excluded.value");
        }
    }

    private readonly record struct RollupKey(string Scope, long Week, string Measure, long Bucket) : IComparable<RollupKey>
    {
        public int CompareTo(RollupKey other)
        {
            var order = string.CompareOrdinal(Scope, other.Scope);
            if (order == 0) order = Week.CompareTo(other.Week);
            if (order == 0) order = string.CompareOrdinal(Measure, other.Measure);
            return order != 0 ? order : Bucket.CompareTo(other.Bucket);
        }
    }
}

/// <summary>Reads approvals' report facts: each approval's row with its decisions, one approval at a time (streamed).</summary>
internal static class FactsQuery
{
    /// <summary>Approvals <c>a</c> with their decisions <c>d</c> (those meeting <paramref name="decisions"/>, a condition on <c>d</c>); a WHERE on <c>a</c> may follow.</summary>
    public static string Select(string decisions = "1 = 1") => $"""
        SELECT a.approval_id, a.project_id, a.group_id, a.is_open, a.created_at, a.first_due_at, a.completed_at, a.revisions, d.decision
        FROM review_approvals a LEFT JOIN review_decisions d ON d.approval_id = a.approval_id AND {decisions}
        """;

    /// <summary>The query's approvals; it must order them by id (<see cref="OrderBy"/>) when it may return several.</summary>
    public const string OrderBy = " ORDER BY a.approval_id";

    public static async IAsyncEnumerable<ReportFacts> ReadAsync(DbCommand command, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        string? current = null;
        ReportFacts? facts = null;
        var decisions = new List<Decision>();
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetString(0);
            if (id != current)
            {
                if (facts is not null) yield return facts with { Decisions = [.. decisions] };
                (current, decisions) = (id, []);
                facts = new ReportFacts(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), Convert.ToInt64(reader.GetValue(3)) == 1,
                    Convert.ToInt64(reader.GetValue(4)), reader.IsDBNull(5) ? null : Convert.ToInt64(reader.GetValue(5)),
                    reader.IsDBNull(6) ? null : Convert.ToInt64(reader.GetValue(6)), Convert.ToInt32(reader.GetValue(7)), []);
            }
            if (!reader.IsDBNull(8)) decisions.Add(Enum.Parse<Decision>(reader.GetString(8)));
        }
        if (facts is not null) yield return facts with { Decisions = [.. decisions] };
    }
}
