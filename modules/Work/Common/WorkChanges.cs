namespace Greenlight.Modules.Work.Common;

// What a grain write records besides its state for the module's own tables, applied by WorkRows in
// the transaction that hands the write's messages on.

/// <summary>Adds or updates the object's row in <c>work_objects</c>.</summary>
[Alias("work.object-indexed")]
internal sealed record IndexRow(ObjectType Type, string Id, string? ProjectId, string? ParentId, string Name, string? Status) : INotification;

[Alias("work.objects-unindexed")]
internal sealed record UnindexRows(IReadOnlyCollection<string> Ids) : INotification;

/// <summary>Deletes stored document bytes.</summary>
[Alias("work.content-dropped")]
internal sealed record DropContent(IReadOnlyCollection<string> ContentIds) : INotification;

internal sealed class WorkRows : IProjection<IndexRow>, IProjection<UnindexRows>, IProjection<DropContent>
{
    public Task ApplyAsync(IndexRow row, IStoreTransaction tx) => tx.ExecuteAsync("""
        INSERT INTO work_objects (id, object_type, project_id, parent_id, name, status, updated_at)
        VALUES (@id, @type, @project, @parent, @name, @status, @now)
        ON CONFLICT (id) DO UPDATE SET object_type = @type, project_id = @project, parent_id = @parent, name = @name, status = @status, updated_at = @now
        """, ("id", row.Id), ("type", row.Type.ToString()), ("project", row.ProjectId), ("parent", row.ParentId), ("name", row.Name), ("status", row.Status),
        ("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public async Task ApplyAsync(UnindexRows rows, IStoreTransaction tx)
    {
        foreach (var id in rows.Ids) await tx.ExecuteAsync("DELETE FROM work_objects WHERE id = @id", ("id", id));
    }

    public async Task ApplyAsync(DropContent content, IStoreTransaction tx)
    {
        foreach (var id in content.ContentIds) await DocumentContentStore.DeleteAsync(tx, id);
    }
}
