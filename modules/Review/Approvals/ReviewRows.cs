namespace Greenlight.Modules.Review.Approvals;

/// <summary>An approval event as the audit and the feeds record it.</summary>
public sealed record ReviewEvent(
    string? ApprovalId, string? DocumentId, string ProjectId, string Event, string Actor, EventSource Source, DateTimeOffset At, string? Detail);


// What the approval and publication grains record with their state for the module's tables; each is
// applied by ReviewRowProjections in the transaction that hands the grain's messages on.

[Alias("review.approval-row-saved")]
internal sealed record ApprovalRowSaved(
    string ApprovalId, string ProjectId, string? GroupId, string Status, bool IsOpen, long CreatedAt, long? FirstDueAt, long? CompletedAt, int Revisions)
    : INotification
{
    public static ApprovalRowSaved Of(string id, ApprovalState s) => new(id, s.ProjectId, s.GroupId, s.Status.ToString(), s.IsOpen,
        ReviewRows.Ms(s.CreatedAt), ReviewRows.Ms(s.Paths.SelectMany(p => p.Stages).Min(st => st.DueAt)), ReviewRows.Ms(s.CompletedAt), s.Revisions);
}

[Alias("review.approval-documents-added")]
internal sealed record ApprovalDocumentsAdded(string ApprovalId, IReadOnlyList<string> DocumentIds) : INotification;

[Alias("review.documents-opened")]
internal sealed record DocumentsOpened(string ApprovalId, IReadOnlyList<string> DocumentIds) : INotification;

[Alias("review.documents-closed")]
internal sealed record DocumentsClosed(string ApprovalId) : INotification;

[Alias("review.waiting-started")]
internal sealed record WaitingStarted(
    string ApprovalId, string ProjectId, int Path, int Stage, string StageName, long OpenedAt, long? DueAt,
    ParticipantKind Kind, string ParticipantId, ParticipantRole Role) : INotification;

/// <summary>One participant no longer waited for (null kind: everyone of the stage).</summary>
[Alias("review.waiting-stopped")]
internal sealed record WaitingStopped(string ApprovalId, int Path, int Stage, ParticipantKind? Kind = null, string? ParticipantId = null) : INotification;

[Alias("review.decision-recorded")]
internal sealed record DecisionRecorded(
    string ApprovalId, int Revision, string DecidedBy, string ProjectId, string? GroupId, Decision Decision, long StageOpenedAt, long DecidedAt) : INotification;

[Alias("review.event-recorded")]
internal sealed record ReviewEventRecorded(string Id, ReviewEvent Event) : INotification
{
    public static ReviewEventRecorded Of(ReviewEvent e) => new(ReviewRows.NextEventId(), e);
}

/// <summary>Cancels the durable timers scheduled under these keys.</summary>
[Alias("review.timers-cancelled")]
internal sealed record TimersCancelled(IReadOnlyList<string> Keys) : INotification;

internal sealed class ReviewRowProjections(IOutbox outbox) :
    IProjection<ApprovalRowSaved>, IProjection<ApprovalDocumentsAdded>, IProjection<DocumentsOpened>, IProjection<DocumentsClosed>,
    IProjection<WaitingStarted>, IProjection<WaitingStopped>, IProjection<DecisionRecorded>, IProjection<ReviewEventRecorded>, IProjection<TimersCancelled>
{
    public Task ApplyAsync(ApprovalRowSaved r, IStoreTransaction tx) => tx.ExecuteAsync("""
        INSERT INTO review_approvals (approval_id, project_id, group_id, status, is_open, created_at, first_due_at, completed_at, revisions)
        VALUES (@id, @project, @group, @status, @open, @created, @due, @completed, @revisions)
        ON CONFLICT (approval_id) DO UPDATE SET status = @status, is_open = @open, first_due_at = @due, completed_at = @completed, revisions = @revisions
        """, ("id", r.ApprovalId), ("project", r.ProjectId), ("group", r.GroupId), ("status", r.Status), ("open", r.IsOpen ? 1 : 0),
        ("created", r.CreatedAt), ("due", r.FirstDueAt), ("completed", r.CompletedAt), ("revisions", r.Revisions));

    public async Task ApplyAsync(ApprovalDocumentsAdded r, IStoreTransaction tx)
    {
        foreach (var document in r.DocumentIds)
            await tx.ExecuteAsync("INSERT INTO review_approval_documents (document_id, approval_id) VALUES (@d, @a) ON CONFLICT DO NOTHING",
                ("d", document), ("a", r.ApprovalId));
    }

    /// <summary>The primary key keeps a document under one open approval even when two start at once.</summary>
    public async Task ApplyAsync(DocumentsOpened r, IStoreTransaction tx)
    {
        foreach (var document in r.DocumentIds)
            await tx.ExecuteAsync("INSERT INTO review_open_documents (document_id, approval_id) VALUES (@d, @a) ON CONFLICT DO NOTHING",
                ("d", document), ("a", r.ApprovalId));
    }

    public Task ApplyAsync(DocumentsClosed r, IStoreTransaction tx) =>
        tx.ExecuteAsync("DELETE FROM review_open_documents WHERE approval_id = @a", ("a", r.ApprovalId));

    public Task ApplyAsync(WaitingStarted r, IStoreTransaction tx) => tx.ExecuteAsync("""
        INSERT INTO review_waiting (approval_id, path_index, stage_index, participant_kind, participant_id, project_id, stage_name, participant_role, opened_at, due_at)
        VALUES (@a, @p, @s, @kind, @participant, @project, @name, @role, @opened, @due)
        ON CONFLICT DO NOTHING
        """, ("a", r.ApprovalId), ("p", r.Path), ("s", r.Stage), ("kind", r.Kind.ToString()), ("participant", r.ParticipantId), ("project", r.ProjectId),
        ("name", r.StageName), ("role", r.Role.ToString()), ("opened", r.OpenedAt), ("due", r.DueAt));

    public Task ApplyAsync(WaitingStopped r, IStoreTransaction tx) => r.Kind is { } kind
        ? tx.ExecuteAsync(
            "DELETE FROM review_waiting WHERE approval_id = @a AND path_index = @p AND stage_index = @s AND participant_kind = @kind AND participant_id = @participant",
            ("a", r.ApprovalId), ("p", r.Path), ("s", r.Stage), ("kind", kind.ToString()), ("participant", r.ParticipantId))
        : tx.ExecuteAsync(
            "DELETE FROM review_waiting WHERE approval_id = @a AND path_index = @p AND stage_index = @s", ("a", r.ApprovalId), ("p", r.Path), ("s", r.Stage));

    public Task ApplyAsync(DecisionRecorded r, IStoreTransaction tx) => tx.ExecuteAsync("""
        INSERT INTO review_decisions (approval_id, revision, decided_by, project_id, group_id, decision, stage_opened_at, decided_at)
        VALUES (@a, @revision, @by, @project, @group, @decision, @opened, @decided)
        """, ("a", r.ApprovalId), ("revision", r.Revision), ("by", r.DecidedBy), ("project", r.ProjectId), ("group", r.GroupId),
        ("decision", r.Decision.ToString()), ("opened", r.StageOpenedAt), ("decided", r.DecidedAt));

    public Task ApplyAsync(ReviewEventRecorded r, IStoreTransaction tx) => ReviewRows.AddEventAsync(tx, r.Id, r.Event);

    public async Task ApplyAsync(TimersCancelled r, IStoreTransaction tx)
    {
        foreach (var key in r.Keys) await outbox.CancelAsync(tx, key);
    }
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

    public static Task AddEventAsync(IStoreTransaction tx, ReviewEvent e) => AddEventAsync(tx, NextEventId(), e);

    public static Task AddEventAsync(IStoreTransaction tx, string id, ReviewEvent e) => tx.ExecuteAsync("""
        INSERT INTO review_events (id, approval_id, document_id, project_id, event, actor, source, at, detail)
        VALUES (@id, @a, @d, @project, @event, @actor, @source, @at, @detail) ON CONFLICT (id) DO NOTHING
        """, ("id", id), ("a", e.ApprovalId), ("d", e.DocumentId), ("project", e.ProjectId), ("event", e.Event),
        ("actor", e.Actor), ("source", e.Source.ToString()), ("at", Ms(e.At)), ("detail", e.Detail));
}
