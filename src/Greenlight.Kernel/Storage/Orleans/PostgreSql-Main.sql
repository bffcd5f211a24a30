-- Greenlight: the table Orleans's ADO.NET providers read their SQL from.
--
-- Implements the query contract of Orleans's ADO.NET providers (Microsoft.Orleans.Persistence.AdoNet,
-- .Reminders.AdoNet and .Clustering.AdoNet 10.x): at start-up each provider runs
-- "SELECT QueryKey, QueryText FROM OrleansQuery" and from then on executes those texts with named
-- parameters. Orleans is MIT-licensed (https://github.com/dotnet/orleans); this is Greenlight's own SQL.
-- See README.md beside this file.
--
-- The name is fixed by the provider's SELECT, unquoted, so PostgreSQL folds it to orleansquery.

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
