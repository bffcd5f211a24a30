-- Greenlight: the reminder table for Orleans's ADO.NET reminder service on SQLite.
--
-- Implements the query contract of Orleans's ADO.NET reminder table (Microsoft.Orleans.Reminders.AdoNet
-- 10.x, AdoNetReminderTable, invariant "System.Data.SQLite", which Orleans maps to Microsoft.Data.Sqlite):
-- the keys ReadReminderRowsKey, ReadReminderRowKey, ReadRangeRows1Key, ReadRangeRows2Key,
-- UpsertReminderRowKey, DeleteReminderRowKey and DeleteReminderRowsKey, their parameters and result
-- columns. Orleans publishes no SQLite script for reminders; this is written from that contract.
-- Orleans is MIT-licensed (https://github.com/dotnet/orleans); this is Greenlight's own SQL.
-- See README.md beside this file.
--
-- version is a reminder's ETag: an upsert moves it on, a delete must name the current one.
-- grain_hash is the grain id's uniform hash as a signed int (the provider casts the uint), which is
-- how the ring ranges arrive too. start_time is UTC text as Microsoft.Data.Sqlite writes a DateTime
-- ("yyyy-MM-dd HH:mm:ss.FFFFFFF"); the provider reads it back with GetDateTime and marks it UTC.
-- The provider runs each text outside any transaction, one autocommitted statement at a time: every
-- change is a single statement.

CREATE TABLE IF NOT EXISTS orleans_reminders (
    service_id    TEXT    NOT NULL,
    grain_id      TEXT    NOT NULL,
    reminder_name TEXT    NOT NULL,
    grain_hash    INTEGER NOT NULL,
    start_time    TEXT    NOT NULL,
    period_ms     INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('ReadReminderRowsKey', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId;
'),

('ReadReminderRowKey', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
'),

-- The ring range (@BeginHash, @EndHash] when it does not wrap (begin < end as signed ints) ...
('ReadRangeRows1Key', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
'),

-- ... and when it wraps past the end of the ring (begin = end: the whole ring).
('ReadRangeRows2Key', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
'),

-- Inserts at version 0 or replaces the schedule and moves the version on; returns the new Version.
('UpsertReminderRowKey', '
INSERT INTO orleans_reminders
    (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET grain_hash = excluded.grain_hash, start_time = excluded.start_time,
       period_ms = excluded.period_ms, version = version + 1
RETURNING version AS Version;
'),

-- Always one row, one column: 1 if the reminder was deleted, 0 if it was missing or @Version was stale.
-- The DELETE is the only change; changes() reads this connection's count for it.
('DeleteReminderRowKey', '
DELETE FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
   AND version = @Version;
SELECT changes() AS Deleted;
'),

('DeleteReminderRowsKey', '
DELETE FROM orleans_reminders WHERE service_id = @ServiceId;
')

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
