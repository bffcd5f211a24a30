using Greenlight.Kernel.Storage;

namespace Greenlight.Modules.Access.SignIn;

/// <summary>
/// People's console accounts: a password hash per user (with the failed attempts that lock it), the e-mailed links that set
/// a password (only the hash of a link's secret), and the sessions (only the hash of the cookie's secret). Instants are Unix ms.
/// </summary>
public sealed class SignInTables() : PortableMigration("access-0100-sign-in", """
    CREATE TABLE IF NOT EXISTS access_credentials (
        user_id TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL,
        locked_until BIGINT NOT NULL);
    CREATE TABLE IF NOT EXISTS access_password_links (
        secret_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        purpose TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT);
    CREATE INDEX IF NOT EXISTS access_password_links_user ON access_password_links (user_id);
    CREATE TABLE IF NOT EXISTS access_sessions (
        secret_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        ended_at BIGINT);
    CREATE INDEX IF NOT EXISTS access_sessions_user ON access_sessions (user_id);
    """);
