using System.Data.Common;

namespace Greenlight.Modules.Review.Listing;

// MyApprovals (what waits for me, overdue first), ListDocumentEvents (a document's feed, Frame.io comments
// included) and ListProjectEvents (the audit of every approval in a project): read from the module's tables.

/// <param name="Documents">The approval's documents, the one it was started on first.</param>
public sealed record WaitingItem(
    string ApprovalId, string ProjectId, IReadOnlyList<ApprovalDocument> Documents, string StageName, ParticipantRole Role, ParticipantKind As,
    string ParticipantId, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, bool Overdue);

/// <param name="Name">Its name when the approval's round started.</param>
public sealed record ApprovalDocument(string Id, string Name);

public sealed record EventView(string? ApprovalId, string? DocumentId, string Event, string Actor, EventSource Source, DateTimeOffset At, string? Detail);

public sealed record MyApprovals : IRequest<IReadOnlyList<WaitingItem>>, IAuthenticatedRequest;

/// <summary>The document's feed: its own events and those of its approvals the caller may open (View on every document of one).</summary>
public sealed record ListDocumentEvents(string ProjectId, string DocumentId) : IRequest<IReadOnlyList<EventView>>, ISecuredRequest
{
    [System.Text.Json.Serialization.JsonIgnore]
    public AccessCheck Check => AccessCheck.On(ReviewRefs.Document(ProjectId, DocumentId), AccessAction.View);
}

public sealed record ListProjectEvents(string ProjectId) : IRequest<IReadOnlyList<EventView>>, ISecuredRequest
{
    [System.Text.Json.Serialization.JsonIgnore]
    public AccessCheck Check => AccessCheck.On(ReviewRefs.Project(ProjectId), AccessAction.View);
}

internal sealed class ListingHandlers(IStore store, IMediator sender, ICurrentPrincipal current, TimeProvider clock) :
    IRequestHandler<MyApprovals, IReadOnlyList<WaitingItem>>, IRequestHandler<ListDocumentEvents, IReadOnlyList<EventView>>,
    IRequestHandler<ListProjectEvents, IReadOnlyList<EventView>>
{
    private const string EventColumns = "SELECT approval_id, document_id, event, actor, source, at, detail FROM review_events";

    public async Task<IReadOnlyList<WaitingItem>> Handle(MyApprovals request, CancellationToken cancellationToken)
    {
        var userId = current.UserId();
        var teams = (await sender.Send(new GetUserProfile(userId), cancellationToken))?.TeamIds ?? [];
        var teamList = string.Join(", ", teams.Select((_, i) => $"@t{i}"));
        var now = ReviewRows.Ms(clock.GetUtcNow());
        var waiting = await ReadAsync($"""
            SELECT approval_id, project_id, stage_name, participant_role, participant_kind, participant_id, opened_at, due_at FROM review_waiting
            WHERE (participant_kind = 'User' AND participant_id = @me){(teams.Count > 0 ? $" OR (participant_kind = 'Team' AND participant_id IN ({teamList}))" : "")}
            ORDER BY CASE WHEN due_at IS NOT NULL AND due_at < @now THEN 0 ELSE 1 END, CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, opened_at
            """, r =>
            {
                DateTimeOffset? due = r.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7));
                return new WaitingItem(r.GetString(0), r.GetString(1), [], r.GetString(2), Enum.Parse<ParticipantRole>(r.GetString(3)),
                    Enum.Parse<ParticipantKind>(r.GetString(4)), r.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), due,
                    due is { } d && ReviewRows.Ms(d) < now);
            }, [("me", userId), ("now", now), .. teams.Select((t, i) => ($"t{i}", (object?)t))]);
        var documents = (await DocumentsAsync(waiting.Select(w => w.ApprovalId))).ToLookup(d => d.ApprovalId, d => d.Document);
        return [.. waiting.Select(w => w with { Documents = [.. documents[w.ApprovalId]] })];
    }

    public async Task<IReadOnlyList<EventView>> Handle(ListDocumentEvents request, CancellationToken cancellationToken)
    {
        var approvals = await ReadAsync("SELECT approval_id FROM review_approval_documents WHERE document_id = @d", r => r.GetString(0), [("d", request.DocumentId)]);
        var userId = current.UserId();
        var viewable = new List<string>();
        foreach (var approval in (await DocumentsAsync(approvals)).GroupBy(d => d.ApprovalId))
        {
            if (await AllViewableAsync(userId, request.ProjectId, approval.Select(d => d.Document.Id), cancellationToken)) viewable.Add(approval.Key);
        }
        return await ReadAsync($"""
            {EventColumns}
            WHERE document_id = @d{string.Concat(viewable.Select((_, i) => $" OR approval_id = @a{i}"))}
            ORDER BY id
            """, ReadEvent, [("d", request.DocumentId), .. viewable.Select((a, i) => ($"a{i}", (object?)a))]);
    }

    public Task<IReadOnlyList<EventView>> Handle(ListProjectEvents request, CancellationToken cancellationToken) =>
        ReadAsync($"{EventColumns} WHERE project_id = @p ORDER BY id", ReadEvent, [("p", request.ProjectId)]);

    /// <summary>The documents of the approvals, each approval's in its order.</summary>
    private async Task<IReadOnlyList<(string ApprovalId, ApprovalDocument Document)>> DocumentsAsync(IEnumerable<string> approvalIds)
    {
        var ids = approvalIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await ReadAsync($"""
            SELECT approval_id, document_id, document_name FROM review_approval_documents
            WHERE approval_id IN ({string.Join(", ", ids.Select((_, i) => $"@a{i}"))}) ORDER BY approval_id, position
            """, r => (r.GetString(0), new ApprovalDocument(r.GetString(1), r.IsDBNull(2) ? r.GetString(1) : r.GetString(2))),
            [.. ids.Select((a, i) => ($"a{i}", (object?)a))]);
    }

    private async Task<bool> AllViewableAsync(string userId, string projectId, IEnumerable<string> documentIds, CancellationToken ct)
    {
        foreach (var document in documentIds)
        {
            if (!(await sender.Send(new CheckAccess(userId, AccessCheck.On(ReviewRefs.Document(projectId, document), AccessAction.View)), ct)).Allowed) return false;
        }
        return true;
    }

    private static EventView ReadEvent(DbDataReader r) => new(
        r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3),
        Enum.Parse<EventSource>(r.GetString(4)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), r.IsDBNull(6) ? null : r.GetString(6));

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> read, (string, object?)[] parameters)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}

public sealed class ListingEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapGet("/me/approvals", async Task<Ok<IReadOnlyList<WaitingItem>>> (IMediator sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MyApprovals(), ct))).WithTags("Approvals").WithName("MyApprovals")
            .WithSummary("What waits for me, overdue first.");
        var projects = api.MapGroup("/projects/{projectId}").WithTags("Approvals");
        projects.MapGet("/approval-events", async Task<Ok<IReadOnlyList<EventView>>> (IMediator sender, string projectId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListProjectEvents(projectId), ct))).WithName("ListProjectApprovalEvents");
        projects.MapGet("/documents/{documentId}/approval-events", async Task<Ok<IReadOnlyList<EventView>>> (
            IMediator sender, string projectId, string documentId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListDocumentEvents(projectId, documentId), ct))).WithName("ListDocumentApprovalEvents");
    }
}
