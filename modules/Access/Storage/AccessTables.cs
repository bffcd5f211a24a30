using Greenlight.Kernel.Storage;

namespace Greenlight.Modules.Access.Storage;

/// <summary>
/// The module's query tables, kept in step with the grains in the transaction of each state write:
/// users and their memberships (for lists, team members and "is this level in use"), and the audit trail.
/// Booleans are 0/1 integers so the SQL is the same on SQLite and PostgreSQL.
/// </summary>
public sealed class AccessTables() : PortableMigration("access-0001-users-and-audit", """
    CREATE TABLE IF NOT EXISTS access_users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        access_level_id TEXT NOT NULL,
        active INTEGER NOT NULL,
        data TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS access_users_level ON access_users (access_level_id, active);
    CREATE TABLE IF NOT EXISTS access_user_teams (
        user_id TEXT NOT NULL,
        team_id TEXT NOT NULL,
        PRIMARY KEY (team_id, user_id));
    CREATE TABLE IF NOT EXISTS access_audit (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        actor_id TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        action TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT);
    CREATE INDEX IF NOT EXISTS access_audit_subject ON access_audit (subject_type, subject_id, id);
    CREATE INDEX IF NOT EXISTS access_audit_actor ON access_audit (actor_id, id);
    """);

/// <summary>
/// The objects table (<see cref="Sharing.SecuredObjectRows"/>): each secured object's parent, and the grantees holding a
/// grant on it, written from the secured object grains' recorded messages; for children and cascades, never for checks.
/// </summary>
public sealed class SecuredObjectTables() : PortableMigration("access-0002-secured-objects", """
    CREATE TABLE IF NOT EXISTS access_objects (
        object_key TEXT PRIMARY KEY,
        parent_key TEXT);
    CREATE INDEX IF NOT EXISTS access_objects_parent ON access_objects (parent_key);
    CREATE TABLE IF NOT EXISTS access_object_grantees (
        object_key TEXT NOT NULL,
        grantee_kind TEXT NOT NULL,
        grantee_id TEXT NOT NULL,
        PRIMARY KEY (object_key, grantee_kind, grantee_id));
    CREATE INDEX IF NOT EXISTS access_object_grantees_grantee ON access_object_grantees (grantee_kind, grantee_id);
    """);

/// <summary>Who made each grant (<see cref="Sharing.GrantData.SharedBy"/>): an External user sees the people who share with them.</summary>
public sealed class GrantSharerColumn() : PortableMigration("access-0003-grant-sharers", """
    ALTER TABLE access_object_grantees ADD COLUMN shared_by TEXT;
    """);
