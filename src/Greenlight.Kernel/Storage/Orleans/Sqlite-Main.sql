-- Greenlight: the table Orleans's ADO.NET providers read their SQL from.
--
-- Implements the query contract of Orleans's ADO.NET providers (Microsoft.Orleans.Persistence.AdoNet
-- and .Reminders.AdoNet 10.x): at start-up each provider runs "SELECT QueryKey, QueryText FROM OrleansQuery"
-- and from then on executes those texts with named parameters. Orleans is MIT-licensed
-- (https://github.com/dotnet/orleans); this is Greenlight's own SQL. See README.md beside this file.

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
) WITHOUT ROWID;
