namespace Greenlight.Modules.Review.Approvals;

/// <summary>An approval event as the audit and the feeds record it.</summary>
public sealed record ReviewEvent(
    string? ApprovalId, string? DocumentId, string ProjectId, string Event, string Actor, EventSource Source, DateTimeOffset At, string? Detail);

/// <summary>The writes to the module's tables; each runs in the transaction of the grain's state write.</summary>
internal static class ReviewRows
{
    private static long _eventSequence;

    /// <summary>Sorts in the order events were recorded: wall-clock milliseconds, then this process's sequence, then random bits.</summary>
    private static string NextEventId() =>
        $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds():x12}{Interlocked.Increment(ref _eventSequence):x12}{Random.Shared.Next():x8}";

    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static long? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    public static Task UpsertApprovalAsync(IStoreTransaction tx, string id, ApprovalState s) => tx.ExecuteAsync("""
        INSERT INTO review_approvals (approval_id, project_id, group_id, status, is_open, created_at, first_due_at, completed_at, revisions)
        VALUES (@id, @project, @group, @status, @open, @created, @due, @completed, @revisions)
        ON CONFLICT (approval_id) DO UPDATE SET status = @status, is_open = @open, first_due_at = @due, completed_at = @completed, revisions = @revisions
        """, ("id", id), ("project", s.ProjectId), ("group", s.GroupId), ("status", s.Status.ToString()), ("open", s.IsOpen ? 1 : 0),
        ("created", Ms(s.CreatedAt)), ("due", Ms(s.Paths.SelectMany(p => p.Stages).Min(st => st.DueAt))), ("completed", Ms(s.CompletedAt)),
        ("revisions", s.Revisions));

    public static async Task AddDocumentsAsync(IStoreTransaction tx, string id, IEnumerable<string> documentIds)
    {
        foreach (var document in documentIds)
            await tx.ExecuteAsync("INSERT INTO review_approval_documents (document_id, approval_id) VALUES (@d, @a) ON CONFLICT DO NOTHING",
                ("d", document), ("a", id));
    }

    /// <summary>The primary key keeps a document under one open approval even when two start at once.</summary>
    public static async Task OpenDocumentsAsync(IStoreTransaction tx, string id, IEnumerable<string> documentIds)
    {
        foreach (var document in documentIds)
            await tx.ExecuteAsync("INSERT INTO review_open_documents (document_id, approval_id) VALUES (@d, @a) ON CONFLICT DO NOTHING",
                ("d", document), ("a", id));
    }

    public static Task CloseDocumentsAsync(IStoreTransaction tx, string id) =>
        tx.ExecuteAsync("DELETE FROM review_open_documents WHERE approval_id = @a", ("a", id));

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

    public static Task WaitForAsync(IStoreTransaction tx, string id, string projectId, int path, int stageIndex, StageState stage, ParticipantState p) => tx.ExecuteAsync("""
        INSERT INTO review_waiting (approval_id, path_index, stage_index, participant_kind, participant_id, project_id, stage_name, participant_role, opened_at, due_at)
        VALUES (@a, @p, @s, @kind, @participant, @project, @name, @role, @opened, @due)
        ON CONFLICT DO NOTHING
        """, ("a", id), ("p", path), ("s", stageIndex), ("kind", p.Kind.ToString()), ("participant", p.Id), ("project", projectId),
        ("name", stage.Name), ("role", p.Role.ToString()), ("opened", Ms(stage.OpenedAt!.Value)), ("due", Ms(stage.DueAt)));

    public static Task StopWaitingForAsync(IStoreTransaction tx, string id, int path, int stage, ParticipantState p) => tx.ExecuteAsync(
        "DELETE FROM review_waiting WHERE approval_id = @a AND path_index = @p AND stage_index = @s AND participant_kind = @kind AND participant_id = @participant",
        ("a", id), ("p", path), ("s", stage), ("kind", p.Kind.ToString()), ("participant", p.Id));

    public static Task StopWaitingAsync(IStoreTransaction tx, string id, int path, int stage) => tx.ExecuteAsync(
        "DELETE FROM review_waiting WHERE approval_id = @a AND path_index = @p AND stage_index = @s", ("a", id), ("p", path), ("s", stage));

    public static Task AddDecisionAsync(IStoreTransaction tx, string id, ApprovalState s, StageState stage, ParticipantState p) => tx.ExecuteAsync("""
        INSERT INTO review_decisions (approval_id, revision, decided_by, project_id, group_id, decision, stage_opened_at, decided_at)
        VALUES (@a, @revision, @by, @project, @group, @decision, @opened, @decided)
        """, ("a", id), ("revision", s.Revisions), ("by", p.DecidedBy), ("project", s.ProjectId), ("group", s.GroupId),
        ("decision", p.Decision.ToString()), ("opened", Ms(stage.OpenedAt!.Value)), ("decided", Ms(p.DecidedAt!.Value)));

    public static Task AddEventAsync(IStoreTransaction tx, ReviewEvent e) => tx.ExecuteAsync("""
        INSERT INTO review_events (id, approval_id, document_id, project_id, event, actor, source, at, detail)
        VALUES (@id, @a, @d, @project, @event, @actor, @source, @at, @detail)
        """, ("id", NextEventId()), ("a", e.ApprovalId), ("d", e.DocumentId), ("project", e.ProjectId), ("event", e.Event),
        ("actor", e.Actor), ("source", e.Source.ToString()), ("at", Ms(e.At)), ("detail", e.Detail));
}
