namespace Greenlight.Kernel.Storage;

internal sealed class OutboxTable() : PortableMigration("kernel-0002-outbox", """
    CREATE TABLE IF NOT EXISTS outbox_messages (
        id TEXT PRIMARY KEY,
        message_type TEXT NOT NULL,
        handler_type TEXT NOT NULL,
        payload TEXT NOT NULL,
        deduplication_key TEXT NULL,
        created_at BIGINT NOT NULL,
        due_at BIGINT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NULL,
        parked_at BIGINT NULL,
        claimed_by TEXT NULL,
        claimed_until BIGINT NULL,
        UNIQUE (handler_type, deduplication_key));
    CREATE INDEX IF NOT EXISTS ix_outbox_due ON outbox_messages (due_at) WHERE parked_at IS NULL;
    CREATE INDEX IF NOT EXISTS ix_outbox_dedup ON outbox_messages (deduplication_key) WHERE deduplication_key IS NOT NULL;
    """);

internal sealed class OrganizationTables() : PortableMigration("kernel-0003-organization-and-tokens", """
    CREATE TABLE IF NOT EXISTS organization (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        administrator_user_id TEXT NOT NULL,
        created_at BIGINT NOT NULL);
    CREATE TABLE IF NOT EXISTS api_tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        last_four TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        revoked_at BIGINT NULL);
    CREATE INDEX IF NOT EXISTS ix_api_tokens_user ON api_tokens (user_id);
    """);

/// <summary>Ids of the messages grains recorded and handed on, so that handing one on again changes nothing.</summary>
internal sealed class HandedOnMessagesTable() : PortableMigration("kernel-0009-handed-on-messages", """
    CREATE TABLE IF NOT EXISTS handed_on_messages (
        id TEXT PRIMARY KEY,
        handed_on_at BIGINT NOT NULL);
    CREATE INDEX IF NOT EXISTS ix_handed_on_messages_at ON handed_on_messages (handed_on_at);
    """);

/// <summary>The trace context (W3C traceparent) of the work that queued a job: the job's span links to it.</summary>
internal sealed class OutboxTraceParentColumn() : PortableMigration("kernel-0010-outbox-trace-parent", """
    ALTER TABLE outbox_messages ADD COLUMN trace_parent TEXT NULL;
    """);
