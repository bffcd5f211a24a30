namespace Greenlight.Modules.Work.Common;

/// <summary>What a grain write carries besides its state, applied in the same transaction.</summary>
internal abstract record WorkChange
{
    public abstract Task ApplyAsync(IStoreTransaction tx, IOutbox outbox);
}

internal sealed record Publish(INotification Message) : WorkChange
{
    public override Task ApplyAsync(IStoreTransaction tx, IOutbox outbox) => outbox.EnqueueAsync(tx, Message);
}

/// <summary>Adds or updates the object's row in <c>work_objects</c>.</summary>
internal sealed record IndexRow(ObjectType Type, string Id, string? ProjectId, string? ParentId, string Name, string? Status) : WorkChange
{
    public override Task ApplyAsync(IStoreTransaction tx, IOutbox outbox) => tx.ExecuteAsync("""
        INSERT INTO work_objects (id, object_type, project_id, parent_id, name, status, updated_at)
        VALUES (@id, @type, @project, @parent, @name, @status, @now)
        ON CONFLICT (id) DO UPDATE SET object_type = @type, project_id = @project, parent_id = @parent, name = @name, status = @status, updated_at = @now
        """, ("id", Id), ("type", Type.ToString()), ("project", ProjectId), ("parent", ParentId), ("name", Name), ("status", Status),
        ("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
}

internal sealed record UnindexRows(IReadOnlyCollection<string> Ids) : WorkChange
{
    public override async Task ApplyAsync(IStoreTransaction tx, IOutbox outbox)
    {
        foreach (var id in Ids) await tx.ExecuteAsync("DELETE FROM work_objects WHERE id = @id", ("id", id));
    }
}

/// <summary>Deletes stored document bytes.</summary>
internal sealed record DropContent(IReadOnlyCollection<string> ContentIds) : WorkChange
{
    public override async Task ApplyAsync(IStoreTransaction tx, IOutbox outbox)
    {
        foreach (var id in ContentIds) await DocumentContentStore.DeleteAsync(tx, id);
    }
}

internal static class WorkChanges
{
    public static async Task ApplyAsync(this IEnumerable<WorkChange> changes, IStoreTransaction tx, IOutbox outbox)
    {
        foreach (var change in changes) await change.ApplyAsync(tx, outbox);
    }
}
