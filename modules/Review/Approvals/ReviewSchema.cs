namespace Greenlight.Modules.Review.Approvals;

/// <summary>
/// The module's tables, kept in step with the approval grains in their write transactions: one row per approval
/// (lists and metrics), its documents, the documents under an open approval (one at a time), who is waited for
/// (My approvals), decisions (metrics by approver), events (audit and feeds) and the documents stored in Frame.io.
/// </summary>
public sealed class ReviewTables() : PortableMigration("review-0001-approvals", """
    CREATE TABLE IF NOT EXISTS review_approvals (
        approval_id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL,
        group_id TEXT NULL,
        status TEXT NOT NULL,
        is_open INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        first_due_at BIGINT NULL,
        completed_at BIGINT NULL,
        revisions INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS ix_review_approvals_project ON review_approvals (project_id, created_at);
    CREATE INDEX IF NOT EXISTS ix_review_approvals_group ON review_approvals (group_id, created_at);
    CREATE INDEX IF NOT EXISTS ix_review_approvals_created ON review_approvals (created_at);
    CREATE TABLE IF NOT EXISTS review_approval_documents (
        document_id TEXT NOT NULL,
        approval_id TEXT NOT NULL,
        PRIMARY KEY (document_id, approval_id));
    CREATE TABLE IF NOT EXISTS review_open_documents (
        document_id TEXT PRIMARY KEY,
        approval_id TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS review_waiting (
        approval_id TEXT NOT NULL,
        path_index INTEGER NOT NULL,
        stage_index INTEGER NOT NULL,
        participant_kind TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        project_id TEXT NOT NULL,
        stage_name TEXT NOT NULL,
        participant_role TEXT NOT NULL,
        opened_at BIGINT NOT NULL,
        due_at BIGINT NULL,
        PRIMARY KEY (approval_id, path_index, stage_index, participant_kind, participant_id));
    CREATE INDEX IF NOT EXISTS ix_review_waiting_participant ON review_waiting (participant_id, participant_kind);
    CREATE TABLE IF NOT EXISTS review_decisions (
        approval_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        decided_by TEXT NOT NULL,
        project_id TEXT NOT NULL,
        group_id TEXT NULL,
        decision TEXT NOT NULL,
        stage_opened_at BIGINT NOT NULL,
        decided_at BIGINT NOT NULL);
    CREATE INDEX IF NOT EXISTS ix_review_decisions_approver ON review_decisions (decided_by, decided_at);
    CREATE INDEX IF NOT EXISTS ix_review_decisions_approval ON review_decisions (approval_id);
    CREATE TABLE IF NOT EXISTS review_events (
        id TEXT PRIMARY KEY,
        approval_id TEXT NULL,
        document_id TEXT NULL,
        project_id TEXT NOT NULL,
        event TEXT NOT NULL,
        actor TEXT NOT NULL,
        source TEXT NOT NULL,
        at BIGINT NOT NULL,
        detail TEXT NULL);
    CREATE INDEX IF NOT EXISTS ix_review_events_approval ON review_events (approval_id, id);
    CREATE INDEX IF NOT EXISTS ix_review_events_document ON review_events (document_id, id);
    CREATE INDEX IF NOT EXISTS ix_review_events_project ON review_events (project_id, id);
    CREATE TABLE IF NOT EXISTS review_frameio_documents (
        document_id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL);
    """);

/// <summary>
/// The documents' names and order (My approvals shows them), the approvals report's roll-ups (maintained with every
/// change of an approval by <see cref="ReviewRowProjections"/>; see <see cref="Metrics.ApprovalRollups"/>) and the index
/// the report counts today's overdue approvals with. The roll-ups of approvals that existed before are built at the next
/// start (the marker row asks for it).
/// </summary>
public sealed class ReviewReportTables() : PortableMigration("review-0002-report-rollups", $"""
    ALTER TABLE review_approval_documents ADD COLUMN position INTEGER NULL;
    ALTER TABLE review_approval_documents ADD COLUMN document_name TEXT NULL;
    CREATE TABLE IF NOT EXISTS review_rollups (
        scope TEXT NOT NULL,
        week BIGINT NOT NULL,
        measure TEXT NOT NULL,
        bucket BIGINT NOT NULL,
        value BIGINT NOT NULL,
        PRIMARY KEY (scope, week, measure, bucket));
    CREATE INDEX IF NOT EXISTS ix_review_approvals_open_due ON review_approvals (first_due_at) WHERE is_open = 1;
    CREATE INDEX IF NOT EXISTS ix_review_approval_documents_approval ON review_approval_documents (approval_id);
    INSERT INTO review_rollups (scope, week, measure, bucket, value) VALUES ('{Metrics.ApprovalRollups.RebuildScope}', 0, 'pending', 0, 1);
    """);
