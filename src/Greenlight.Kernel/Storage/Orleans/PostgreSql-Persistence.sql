-- Greenlight: grain state for Orleans's ADO.NET grain storage on PostgreSQL.
--
-- Implements the query contract of Orleans's ADO.NET grain storage provider
-- (Microsoft.Orleans.Persistence.AdoNet 10.x, AdoNetGrainStorage): the keys WriteToStorageKey,
-- ReadFromStorageKey, ClearStorageKey and DeleteStorageKey, their parameters and result columns.
-- Orleans is MIT-licensed (https://github.com/dotnet/orleans); this is Greenlight's own SQL.
-- See README.md beside this file.
--
-- A grain's row is found by the two hashes Orleans computes (grain id, grain type) and told apart from a
-- hash collision by the clear-text key. The unique index makes "exactly one row per grain" a database
-- fact, so concurrent first writes cannot both insert (NULL and '' key extensions stay distinct).
-- version is the ETag: every successful write, clear or delete must see the version the caller read.
-- Each query is one statement, so it is atomic on the provider's own connection (no transaction).

CREATE TABLE IF NOT EXISTS orleans_storage (
    grain_id_hash      integer      NOT NULL,
    grain_type_hash    integer      NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    service_id         varchar(150) NOT NULL,
    grain_type         varchar(512) NOT NULL,
    grain_id_extension varchar(512) NULL,
    payload            bytea        NULL,      -- NULL once cleared; the row stays so the version keeps counting
    version            integer      NOT NULL,
    modified_at        timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_orleans_storage_grain ON orleans_storage (
    grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type,
    coalesce(grain_id_extension, ''), (grain_id_extension IS NULL));

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- One row, column NewGrainStateVersion: the new version, or NULL when the expected version
-- (@GrainStateVersion, NULL for "never written") did not match; the provider then throws
-- InconsistentStateException. A failed check changes nothing.
('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE orleans_storage
       SET payload = @PayloadBinary, version = version + 1, modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND service_id = @ServiceId AND grain_type = @GrainTypeString
       AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_storage
        (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type, grain_id_extension, payload, version)
    SELECT @GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1, @ServiceId, @GrainTypeString, @GrainIdExtensionString, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted) AS "NewGrainStateVersion"
$sql$),

-- At most one row: PayloadBinary (NULL after a clear) and Version; no row for a grain never written.
('ReadFromStorageKey', $sql$
SELECT payload AS "PayloadBinary", version AS "Version"
  FROM orleans_storage
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
$sql$),

-- Keeps the row, drops the payload and moves the version on. No row when the version did not match.
('ClearStorageKey', $sql$
UPDATE orleans_storage
   SET payload = NULL, version = version + 1, modified_at = now()
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
$sql$),

-- Used instead of ClearStorageKey when the provider's DeleteStateOnClear is set: removes the row.
-- Returns a value other than the caller's version on success (the provider then forgets the ETag),
-- no row when the version did not match.
('DeleteStorageKey', $sql$
DELETE FROM orleans_storage
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion"
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
