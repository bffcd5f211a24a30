-- Greenlight: the membership table for Orleans's ADO.NET clustering on PostgreSQL.
--
-- Implements the query contract of Orleans's ADO.NET clustering provider
-- (Microsoft.Orleans.Clustering.AdoNet 10.x, AdoNetClusteringTable and AdoNetGatewayListProvider): the keys
-- InsertMembershipVersionKey, InsertMembershipKey, UpdateMembershipKey, UpdateIAmAlivetimeKey,
-- MembershipReadRowKey, MembershipReadAllKey, GatewaysQueryKey, DeleteMembershipTableEntriesKey,
-- CleanupDefunctSiloEntriesKey and the optional CleanupDefunctSiloEntryKey (10.4 uses it when present),
-- their parameters and result columns. Orleans is MIT-licensed (https://github.com/dotnet/orleans);
-- this is Greenlight's own SQL. See README.md beside this file.
--
-- Orleans's membership protocol: one version row per cluster (deployment); every insert or update of
-- a silo row must name the version the silo last read, and moves it on in the same atomic step. A
-- query that fails its check changes nothing and returns 0; success returns a value > 0. Each query is
-- one statement (the provider runs it on its own connection, outside any transaction). A write first
-- locks the version row, and only if it still has the expected version, so concurrent writers
-- serialize on it and all but one see a changed version. Status 3 is Active, 6 is Dead. Times are
-- UTC (the provider sends DateTimes of kind UTC, which Npgsql writes as timestamptz).

CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    deployment_id   varchar(150) NOT NULL
                    REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       text         NOT NULL,
    host_name       text         NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NOT NULL,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Creates the cluster's version row (version 0) unless it exists; 1 if it was created, else 0.
('InsertMembershipVersionKey', $sql$
WITH inserted AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) AS "Inserted" FROM inserted
$sql$),

-- Adds a silo's row if the table is still at @Version and the silo is not there yet, and moves the
-- version on; 1 on success, 0 (and no change) otherwise.
('InsertMembershipKey', $sql$
WITH expected AS (
    SELECT deployment_id FROM orleans_membership_version
     WHERE deployment_id = @DeploymentId AND version = @Version
       FOR UPDATE
), inserted AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM expected
    ON CONFLICT DO NOTHING
    RETURNING deployment_id
), bumped AS (
    UPDATE orleans_membership_version AS v
       SET version = v.version + 1, changed_at = now()
      FROM inserted
     WHERE v.deployment_id = inserted.deployment_id
    RETURNING 1
)
SELECT count(*) AS "Inserted" FROM bumped
$sql$),

-- Changes a silo's status, suspicions and liveness time if the table is still at @Version and the
-- silo's row exists, and moves the version on; 1 on success, 0 (and no change) otherwise.
('UpdateMembershipKey', $sql$
WITH expected AS (
    SELECT deployment_id FROM orleans_membership_version
     WHERE deployment_id = @DeploymentId AND version = @Version
       FOR UPDATE
), updated AS (
    UPDATE orleans_membership AS m
       SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      FROM expected
     WHERE m.deployment_id = expected.deployment_id
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deployment_id
), bumped AS (
    UPDATE orleans_membership_version AS v
       SET version = v.version + 1, changed_at = now()
      FROM updated
     WHERE v.deployment_id = updated.deployment_id
    RETURNING 1
)
SELECT count(*) AS "Updated" FROM bumped
$sql$),

-- The heartbeat: not versioned, result not read.
('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$sql$),

-- The version row joined to the silo's row: always one row while the cluster exists (silo columns NULL
-- when the silo has no row); the provider tells "no silo" by StartTime being NULL.
('MembershipReadRowKey', $sql$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId
$sql$),

-- The version row joined to every silo's row, read in one snapshot.
('MembershipReadAllKey', $sql$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId
$sql$),

-- Gateways for clients: silos in @Status (Active) that listen for clients.
('GatewaysQueryKey', $sql$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$sql$),

-- Forgets a whole cluster: the version row, and with it (ON DELETE CASCADE) every silo row.
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$sql$),

-- Removes dead silos not heard of since @IAmAliveTime. Not versioned: dead rows take no further part.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
$sql$),

-- 10.4's per-row form of the cleanup (used instead of the key above when present): the provider has
-- picked a dead silo from a read and deletes its row only if it is unchanged since (still dead, same
-- start, liveness and suspicion values).
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
   AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
