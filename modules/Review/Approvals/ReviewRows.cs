using Greenlight.Modules.Review.Metrics;

namespace Greenlight.Modules.Review.Approvals;

/// <summary>An approval event as the audit and the feeds record it.</summary>
[GenerateSerializer, Immutable, Alias("review.event")]
public sealed record ReviewEvent(
    [property: Id(0)] string? ApprovalId, [property: Id(1)] string? DocumentId, [property: Id(2)] string ProjectId, [property: Id(3)] string Event,
    [property: Id(4)] string Actor, [property: Id(5)] EventSource Source, [property: Id(6)] DateTimeOffset At, [property: Id(7)] string? Detail);

// What the approval and publication grains record with their state for the module's tables, applied by
// ReviewRowProjections in the transaction that hands the grain's messages on.

/// <summary>
/// Every row of the approval that is a function of its state (its report row and roll-ups, documents, open documents,
/// who is waited for, decisions), recorded with each change: applying it replaces the approval's rows (and its share of
/// the roll-ups), so applying it again, or the snapshot of a later change, leaves them as the state says.
/// </summary>
/// <param name="DocumentNames">Null in a snapshot recorded before names were kept.</param>
[GenerateSerializer, Immutable, Alias("review.approval-rows")]
internal sealed record ApprovalRows(
    [property: Id(0)] string ApprovalId, [property: Id(1)] string ProjectId, [property: Id(2)] string? GroupId, [property: Id(3)] ApprovalStatus Status,
    [property: Id(4)] bool IsOpen, [property: Id(5)] DateTimeOffset CreatedAt, [property: Id(6)] DateTimeOffset? FirstDueAt, [property: Id(7)] DateTimeOffset? CompletedAt,
    [property: Id(8)] int Revisions, [property: Id(9)] IReadOnlyList<string> DocumentIds, [property: Id(10)] IReadOnlyList<WaitingRow> Waiting,
    [property: Id(11)] IReadOnlyList<DecisionEntry> Decisions, [property: Id(12)] IReadOnlyDictionary<string, string>? DocumentNames = null) : INotification
{
    public static ApprovalRows Of(string id, ApprovalState s) => new(
        id, s.ProjectId, s.GroupId, s.Status, s.IsOpen, s.CreatedAt, s.Paths.SelectMany(p => p.Stages).Min(stage => stage.DueAt), s.CompletedAt, s.Revisions,
        s.DocumentIds,
        [.. s.OpenStages().SelectMany(open => open.Stage.Participants.Where(p => !p.HasActed).Select(p => new WaitingRow(
            open.Path, open.Index, open.Stage.Name, open.Stage.OpenedAt!.Value, open.Stage.DueAt, p.Kind, p.Id, p.Role)))],
        s.Decisions, s.DocumentNames);

    /// <summary>What the approvals report counts of the approval.</summary>
    public ReportFacts Facts() => new(ProjectId, GroupId, IsOpen, ReviewRows.Ms(CreatedAt), ReviewRows.Ms(FirstDueAt), ReviewRows.Ms(CompletedAt), Revisions,
        [.. Decisions.Select(d => d.Decision)]);
}

/// <summary>A participant an open stage waits for (My approvals).</summary>
[GenerateSerializer, Immutable, Alias("review.waiting-row")]
internal sealed record WaitingRow(
    [property: Id(0)] int Path, [property: Id(1)] int Stage, [property: Id(2)] string StageName, [property: Id(3)] DateTimeOffset OpenedAt,
    [property: Id(4)] DateTimeOffset? DueAt, [property: Id(5)] ParticipantKind Kind, [property: Id(6)] string ParticipantId, [property: Id(7)] ParticipantRole Role);

/// <summary>History: an event recorded once under an id fixed when it happened, so applying it again adds nothing.</summary>
[GenerateSerializer, Immutable, Alias("review.event-recorded")]
internal sealed record ReviewEventRecorded([property: Id(0)] string Id, [property: Id(1)] ReviewEvent Event) : INotification
{
    public static ReviewEventRecorded Of(ReviewEvent e) => new(ReviewRows.NextEventId(), e);
}

internal sealed class ReviewRowProjections : IProjection<ApprovalRows>, IProjection<ReviewEventRecorded>
{
    public async Task ApplyAsync(ApprovalRows r, IStoreTransaction tx)
    {
        var counted = await ApprovalRollups.FactsAsync(tx, r.ApprovalId);
        await tx.ExecuteAsync("""
            INSERT INTO review_approvals (approval_id, project_id, group_id, status, is_open, created_at, first_due_at, completed_at, revisions)
            VALUES (@id, @project, @group, @status, @open, @created, @due, @completed, @revisions)
            ON CONFLICT (approval_id) DO UPDATE SET status = @status, is_open = @open, first_due_at = @due, completed_at = @completed, revisions = @revisions
            """, ("id", r.ApprovalId), ("project", r.ProjectId), ("group", r.GroupId), ("status", r.Status.ToString()), ("open", r.IsOpen ? 1 : 0),
            ("created", ReviewRows.Ms(r.CreatedAt)), ("due", ReviewRows.Ms(r.FirstDueAt)), ("completed", ReviewRows.Ms(r.CompletedAt)), ("revisions", r.Revisions));
        await InsertAsync(tx, "review_approval_documents (document_id, approval_id, position, document_name)", [.. r.DocumentIds.Index()],
            d => [d.Item, r.ApprovalId, d.Index, r.DocumentNames?.GetValueOrDefault(d.Item)],
            "ON CONFLICT (document_id, approval_id) DO UPDATE SET position = excluded.position, document_name = excluded.document_name");
        // The primary key keeps a document under one open approval; the grain checks for another before it starts.
        if (r.IsOpen) await InsertAsync(tx, "review_open_documents (document_id, approval_id)", r.DocumentIds, d => [d, r.ApprovalId], "ON CONFLICT DO NOTHING");
        else await tx.ExecuteAsync("DELETE FROM review_open_documents WHERE approval_id = @a", ("a", r.ApprovalId));

        await tx.ExecuteAsync("DELETE FROM review_waiting WHERE approval_id = @a", ("a", r.ApprovalId));
        await InsertAsync(tx, """
            review_waiting (approval_id, path_index, stage_index, stage_name, opened_at, due_at, participant_kind, participant_id, participant_role, project_id)
            """, r.Waiting, w => [r.ApprovalId, w.Path, w.Stage, w.StageName, ReviewRows.Ms(w.OpenedAt), ReviewRows.Ms(w.DueAt),
                w.Kind.ToString(), w.ParticipantId, w.Role.ToString(), r.ProjectId]);

        await tx.ExecuteAsync("DELETE FROM review_decisions WHERE approval_id = @a", ("a", r.ApprovalId));
        await InsertAsync(tx, "review_decisions (approval_id, revision, decided_by, decision, stage_opened_at, decided_at, project_id, group_id)",
            r.Decisions, d => [r.ApprovalId, d.Revision, d.DecidedBy, d.Decision.ToString(), ReviewRows.Ms(d.StageOpenedAt), ReviewRows.Ms(d.DecidedAt),
                r.ProjectId, r.GroupId]);
        await ApprovalRollups.ReplaceAsync(tx, counted, r.Facts());
    }

    public Task ApplyAsync(ReviewEventRecorded r, IStoreTransaction tx) => ReviewRows.AddEventAsync(tx, r.Id, r.Event);

    private static Task InsertAsync<T>(IStoreTransaction tx, string into, IReadOnlyList<T> items, Func<T, object?[]> values, string onConflict = "") =>
        ReviewRows.InsertAsync(tx, into, [.. items.Select(values)], onConflict);
}

/// <summary>Reads of the module's tables, and the events written outside grains.</summary>
internal static class ReviewRows
{
    private static long _eventSequence;

    /// <summary>Sorts in the order events were recorded: wall-clock milliseconds, then this process's sequence, then random bits.</summary>
    public static string NextEventId() =>
        $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds():x12}{Interlocked.Increment(ref _eventSequence):x12}{Random.Shared.Next():x8}";

    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static long? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    /// <summary>The open approval of any of the documents, or null.</summary>
    public static async Task<string?> OpenApprovalOfAsync(IStore store, IEnumerable<string> documentIds)
    {
        await using var connection = await store.OpenConnectionAsync();
        foreach (var document in documentIds)
        {
            if (await connection.ScalarAsync<string>("SELECT approval_id FROM review_open_documents WHERE document_id = @d", ("d", document)) is { } open)
                return open;
        }
        return null;
    }

    /// <summary>
    /// One multi-row INSERT (an approval's rows cost one round trip per table, however many participants it has), with
    /// <paramref name="onConflict"/> after it.
    /// </summary>
    public static Task InsertAsync(IStoreTransaction tx, string into, IReadOnlyList<object?[]> rows, string onConflict = "")
    {
        if (rows.Count == 0) return Task.CompletedTask;
        var parameters = rows.SelectMany((row, i) => row.Select((value, j) => ($"v{i}_{j}", value))).ToArray();
        var tuples = rows.Select((row, i) => "(" + string.Join(", ", row.Select((_, j) => $"@v{i}_{j}")) + ")");
        return tx.ExecuteAsync($"INSERT INTO {into} VALUES {string.Join(", ", tuples)} {onConflict}", parameters);
    }

    public static Task AddEventAsync(IStoreTransaction tx, ReviewEvent e) => AddEventAsync(tx, NextEventId(), e);

    public static Task AddEventAsync(IStoreTransaction tx, string id, ReviewEvent e) => tx.ExecuteAsync("""
        INSERT INTO review_events (id, approval_id, document_id, project_id, event, actor, source, at, detail)
        VALUES (@id, @a, @d, @project, @event, @actor, @source, @at, @detail) ON CONFLICT (id) DO NOTHING
        """, ("id", id), ("a", e.ApprovalId), ("d", e.DocumentId), ("project", e.ProjectId), ("event", e.Event),
        ("actor", e.Actor), ("source", e.Source.ToString()), ("at", Ms(e.At)), ("detail", e.Detail));
}
