using System.Text.Json;
using Greenlight.Kernel.Messages;
using Greenlight.Modules.Work.Projects;

namespace Greenlight.Modules.Work.Common;

// What a grain write records besides its state for the module's own tables, applied by WorkRows in
// the transaction that hands the write's messages on. A replay of a message (a redelivery after a
// crash) changes nothing: rows are written whole, and only the project that holds a row changes it.

/// <summary>Adds or updates the object's row in <c>work_objects</c>.</summary>
[GenerateSerializer, Immutable, Alias("work.object-indexed")]
internal sealed record IndexRow(
    [property: Id(0)] ObjectType Type, [property: Id(1)] string Id, [property: Id(2)] string? ProjectId, [property: Id(3)] string? ParentId,
    [property: Id(4)] string Name, [property: Id(5)] string? Status) : INotification;

[GenerateSerializer, Immutable, Alias("work.objects-unindexed")]
internal sealed record UnindexRows([property: Id(0)] IReadOnlyCollection<string> Ids) : INotification;

/// <summary>Deletes stored document bytes.</summary>
[GenerateSerializer, Immutable, Alias("work.content-dropped")]
internal sealed record DropContent([property: Id(0)] IReadOnlyCollection<string> ContentIds) : INotification;

/// <summary>An item of the project, new or changed: its row in <c>work_items</c> (the item itself) and in <c>work_objects</c> (its list row).</summary>
[GenerateSerializer, Immutable, Alias("work.item-saved")]
internal sealed record ItemSaved([property: Id(0)] string ProjectId, [property: Id(1)] string Id, [property: Id(2)] WorkItem Item) : INotification;

/// <summary>Items gone from the project (deleted, or moved to another project): their rows go.</summary>
[GenerateSerializer, Immutable, Alias("work.items-removed")]
internal sealed record ItemsRemoved([property: Id(0)] string ProjectId, [property: Id(1)] IReadOnlyCollection<string> Ids) : INotification;

internal sealed class WorkRows :
    IProjection<IndexRow>, IProjection<UnindexRows>, IProjection<DropContent>, IProjection<ItemSaved>, IProjection<ItemsRemoved>
{
    // A row that belongs to a project is only ever replaced by that project's messages (a moved task is
    // removed by one project before the other adds it), so a late replay cannot pull it back.
    public Task ApplyAsync(IndexRow row, IStoreTransaction tx) => tx.ExecuteAsync("""
        INSERT INTO work_objects (id, object_type, project_id, parent_id, name, status, updated_at)
        VALUES (@id, @type, @project, @parent, @name, @status, @now)
        ON CONFLICT (id) DO UPDATE SET object_type = @type, project_id = @project, parent_id = @parent, name = @name, status = @status, updated_at = @now
        WHERE work_objects.project_id = excluded.project_id OR work_objects.project_id IS NULL
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

    public async Task ApplyAsync(ItemSaved saved, IStoreTransaction tx)
    {
        await tx.ExecuteAsync("""
            INSERT INTO work_items (id, project_id, state) VALUES (@id, @project, @state)
            ON CONFLICT (id) DO UPDATE SET state = @state WHERE work_items.project_id = excluded.project_id
            """, ("id", saved.Id), ("project", saved.ProjectId), ("state", WorkItemRows.Serialize(saved.Item)));
        await ApplyAsync(saved.Item.ListRow(saved.ProjectId, saved.Id), tx);
    }

    public async Task ApplyAsync(ItemsRemoved removed, IStoreTransaction tx)
    {
        foreach (var id in removed.Ids)
        {
            await tx.ExecuteAsync("DELETE FROM work_items WHERE id = @id AND project_id = @project", ("id", id), ("project", removed.ProjectId));
            await tx.ExecuteAsync("DELETE FROM work_objects WHERE id = @id AND project_id = @project", ("id", id), ("project", removed.ProjectId));
        }
    }
}

/// <summary>The rows of <c>work_items</c>: what a project grain reads when it activates.</summary>
public sealed class WorkItemRows(IStore store)
{
    public async Task<ProjectContents> LoadAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT id, state FROM work_items WHERE project_id = @project", ("project", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var contents = ProjectContents.Empty;
        while (await reader.ReadAsync(cancellationToken))
            contents = contents.With(reader.GetString(0), JsonSerializer.Deserialize<WorkItem>(reader.GetString(1), MessageCatalog.Json)!);
        return contents;
    }

    internal static string Serialize(WorkItem item) => JsonSerializer.Serialize(item, MessageCatalog.Json);
}
