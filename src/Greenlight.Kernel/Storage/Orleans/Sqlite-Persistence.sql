-- Greenlight: grain state for Orleans's ADO.NET grain storage on SQLite.
--
-- Implements the query contract of Orleans's ADO.NET grain storage provider
-- (Microsoft.Orleans.Persistence.AdoNet 10.x, AdoNetGrainStorage, invariant "System.Data.SQLite", which
-- Orleans maps to Microsoft.Data.Sqlite): the keys WriteToStorageKey, ReadFromStorageKey, ClearStorageKey
-- and DeleteStorageKey, their parameters and result columns. Orleans is MIT-licensed
-- (https://github.com/dotnet/orleans); this is Greenlight's own SQL. See README.md beside this file.
--
-- The provider runs each text on a pooled connection of its own, outside any transaction, and
-- Microsoft.Data.Sqlite runs a multi-statement text one autocommitted statement at a time. So every
-- query that changes data is ONE statement: atomic, and safe against writers on other connections
-- (a data-changing statement takes SQLite's write lock before it reads, so it cannot act on a stale
-- snapshot). The unique index makes "one row per grain" a database fact and lets the write be a
-- single upsert; every lookup starts with the two hash columns it leads with.

CREATE TABLE IF NOT EXISTS orleans_storage (
    grain_id_hash      INTEGER NOT NULL,
    grain_type_hash    INTEGER NOT NULL,
    grain_id_n0        INTEGER NOT NULL,
    grain_id_n1        INTEGER NOT NULL,
    service_id         TEXT    NOT NULL,
    grain_type         TEXT    NOT NULL,
    grain_id_extension TEXT    NULL,
    payload            BLOB    NULL,     -- NULL once cleared; the row stays so the version keeps counting
    version            INTEGER NOT NULL,
    modified_at        TEXT    NOT NULL  -- UTC, informational
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_orleans_storage_grain ON orleans_storage (
    grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type,
    ifnull(grain_id_extension, ''), grain_id_extension IS NULL);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- One upsert. @GrainStateVersion NULL ("never written"): inserts version 1, or, if the row exists,
-- updates nothing. Otherwise: the SELECT yields a row only if the grain's row has that version, which
-- then conflicts and is updated. RETURNING gives NewGrainStateVersion on success and no row on a
-- version mismatch, which the provider reports as InconsistentStateException; nothing changed then.
('WriteToStorageKey', '
INSERT INTO orleans_storage
    (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type, grain_id_extension, payload, version, modified_at)
SELECT @GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1, @ServiceId, @GrainTypeString, @GrainIdExtensionString, @PayloadBinary, 1, CURRENT_TIMESTAMP
 WHERE @GrainStateVersion IS NULL
    OR EXISTS (SELECT 1 FROM orleans_storage
                WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
                  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
                  AND service_id = @ServiceId AND grain_type = @GrainTypeString
                  AND grain_id_extension IS @GrainIdExtensionString
                  AND version = @GrainStateVersion)
ON CONFLICT DO UPDATE
   SET payload = excluded.payload, version = version + 1, modified_at = excluded.modified_at
 WHERE version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
'),

-- At most one row: PayloadBinary (NULL after a clear) and Version; no row for a grain never written.
('ReadFromStorageKey', '
SELECT payload AS PayloadBinary, version AS Version
  FROM orleans_storage
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS @GrainIdExtensionString;
'),

-- Keeps the row, drops the payload and moves the version on. No row when the version did not match.
('ClearStorageKey', '
UPDATE orleans_storage
   SET payload = NULL, version = version + 1, modified_at = CURRENT_TIMESTAMP
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
'),

-- Used instead of ClearStorageKey when the provider's DeleteStateOnClear is set: removes the row.
-- Returns a value other than the caller's version on success (the provider then forgets the ETag),
-- no row when the version did not match.
('DeleteStorageKey', '
DELETE FROM orleans_storage
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1 AS NewGrainStateVersion;
')

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
