namespace Greenlight.Modules.Work.Common;

/// <summary>The list table: one row per object, kept in step with the grains in their write transactions.</summary>
public sealed class WorkObjectsTable() : PortableMigration("work-0001-objects", """
    CREATE TABLE IF NOT EXISTS work_objects (
        id TEXT PRIMARY KEY,
        object_type TEXT NOT NULL,
        project_id TEXT NULL,
        parent_id TEXT NULL,
        name TEXT NOT NULL,
        status TEXT NULL,
        updated_at BIGINT NOT NULL);
    CREATE INDEX IF NOT EXISTS ix_work_objects_type ON work_objects (object_type, id);
    CREATE INDEX IF NOT EXISTS ix_work_objects_project ON work_objects (project_id, object_type, id);
    CREATE INDEX IF NOT EXISTS ix_work_objects_parent ON work_objects (parent_id, object_type, id);
    """);

/// <summary>Document bytes, in chunks, so every host reads what any host stored.</summary>
public sealed class DocumentChunksTable : ISchemaMigration
{
    public string Id => "work-0002-document-chunks";

    public string Sql(SqlDialect dialect) => $"""
        CREATE TABLE IF NOT EXISTS work_document_chunks (
            content_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            data {(dialect == SqlDialect.PostgreSql ? "BYTEA" : "BLOB")} NOT NULL,
            PRIMARY KEY (content_id, seq));
        """;
}

/// <summary>
/// The items of each project, one row each (the item as JSON): the project grain's storage for them, written
/// by the projection of the messages each change records, so a change writes its own items and nothing else.
/// </summary>
public sealed class WorkItemsTable() : PortableMigration("work-0003-items", """
    CREATE TABLE IF NOT EXISTS work_items (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL,
        state TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS ix_work_items_project ON work_items (project_id);
    """);
