using System.Text.Json;
using Greenlight.Kernel.Messages;

namespace Greenlight.Modules.FrameConnector.Mirror;

// What a mirror keeps per task and per document, out of its grain state: one row each in frameconnector_mirror_items,
// written by the projection of the MirrorItemsSaved message a change records (so exactly once in effect, in the
// hand-on of the write that made the change) and read when the grain activates, after the kernel handed on what an
// earlier activation stored. A change stores only the items it touched: its cost does not grow with the project.

/// <summary>
/// A task with Frame.io-enabled assignees (no other task is tracked): its folder in Frame.io, once made, and which of
/// its assignees were told of that folder.
/// </summary>
[GenerateSerializer, Immutable, Alias("frameconnector.mirrored-task")]
public sealed record MirroredTask(
    [property: Id(0)] string Name, [property: Id(1)] IReadOnlyList<string> Assignees, [property: Id(2)] string? FolderId, [property: Id(3)] string? FolderName,
    [property: Id(4)] IReadOnlyList<string> Notified);

/// <summary>
/// A document that was in the project's "Share with Frame.io" folder (no other document is tracked): its versions, the
/// Frame.io file of each version sent (<see cref="Files"/>[v - 1] for version v; sent oldest first), and its version stack.
/// A document moved out of the folder keeps its row (<see cref="Shared"/> false), so that moving it back sends only what is new.
/// </summary>
[GenerateSerializer, Immutable, Alias("frameconnector.mirrored-document")]
public sealed record MirroredDocument(
    [property: Id(0)] string Name, [property: Id(1)] int Versions, [property: Id(2)] bool Shared, [property: Id(3)] IReadOnlyList<string> Files,
    [property: Id(4)] string? StackId, [property: Id(5)] int StackedVersions)
{
    /// <summary>The oldest version not sent yet, else 0.</summary>
    public int NextVersionToSend => Files.Count < Versions ? Files.Count + 1 : 0;
}

/// <summary>Tasks and documents of a mirror, new or changed, to write; <paramref name="Forgotten"/>: tasks no longer tracked (moved to another project).</summary>
[GenerateSerializer, Immutable, Alias("frameconnector.mirror-items-saved")]
public sealed record MirrorItemsSaved(
    [property: Id(0)] string ProjectId, [property: Id(1)] IReadOnlyDictionary<string, MirroredTask> Tasks,
    [property: Id(2)] IReadOnlyDictionary<string, MirroredDocument> Documents, [property: Id(3)] IReadOnlyList<string> Forgotten) : INotification;

public sealed class MirrorItemsTable() : PortableMigration("frameconnector-0002-mirror-items", """
    CREATE TABLE IF NOT EXISTS frameconnector_mirror_items (
        project_id TEXT NOT NULL,
        item_key TEXT NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (project_id, item_key));
    """);

/// <summary>Writes a mirror's items, in the hand-on of the write that changed them.</summary>
public sealed class MirrorItemsProjection : IProjection<MirrorItemsSaved>
{
    public async Task ApplyAsync(MirrorItemsSaved saved, IStoreTransaction tx)
    {
        foreach (var (id, task) in saved.Tasks)
            await UpsertAsync(tx, saved.ProjectId, MirrorItemRows.TaskPrefix + id, JsonSerializer.Serialize(task, MessageCatalog.Json));
        foreach (var (id, document) in saved.Documents)
            await UpsertAsync(tx, saved.ProjectId, MirrorItemRows.DocumentPrefix + id, JsonSerializer.Serialize(document, MessageCatalog.Json));
        foreach (var id in saved.Forgotten)
        {
            await tx.ExecuteAsync("DELETE FROM frameconnector_mirror_items WHERE project_id = @p AND item_key = @k",
                ("@p", saved.ProjectId), ("@k", MirrorItemRows.TaskPrefix + id));
        }
    }

    private static Task UpsertAsync(IStoreTransaction tx, string projectId, string key, string state) => tx.ExecuteAsync(
        "INSERT INTO frameconnector_mirror_items (project_id, item_key, state) VALUES (@p, @k, @s) ON CONFLICT (project_id, item_key) DO UPDATE SET state = @s",
        ("@p", projectId), ("@k", key), ("@s", state));
}

/// <summary>Reads a mirror's items when its grain activates.</summary>
public sealed class MirrorItemRows(IStore store)
{
    public const string TaskPrefix = "task:";
    public const string DocumentPrefix = "document:";

    public async Task<(Dictionary<string, MirroredTask> Tasks, Dictionary<string, MirroredDocument> Documents)> LoadAsync(string projectId)
    {
        var (tasks, documents) = (new Dictionary<string, MirroredTask>(), new Dictionary<string, MirroredDocument>());
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.Command("SELECT item_key, state FROM frameconnector_mirror_items WHERE project_id = @p", ("@p", projectId));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (key, state) = (reader.GetString(0), reader.GetString(1));
            if (key.StartsWith(TaskPrefix, StringComparison.Ordinal)) tasks[key[TaskPrefix.Length..]] = JsonSerializer.Deserialize<MirroredTask>(state, MessageCatalog.Json)!;
            else if (key.StartsWith(DocumentPrefix, StringComparison.Ordinal))
                documents[key[DocumentPrefix.Length..]] = JsonSerializer.Deserialize<MirroredDocument>(state, MessageCatalog.Json)!;
        }
        return (tasks, documents);
    }
}
