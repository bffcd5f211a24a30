using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Greenlight.Kernel.Storage.Backup;

/// <summary>
/// Copies every table of an embedded store (a backup file) into a PostgreSQL database whose schema migrations
/// have run and on which no host has started yet, in one transaction (binary COPY per table), replacing the rows migrations seeded. Values are converted to the PostgreSQL column's
/// type (SQLite keeps Orleans's times as text, PostgreSQL as timestamptz). Orleans's rows move as they are:
/// the grain id and type hashes are computed by Orleans from the grain id, not by the provider, and the
/// payload is the same JSON bytes on both. Each store keeps its own Orleans query texts and migration records.
/// </summary>
public static class PostgresImport
{
    /// <summary>Tables both stores have but each fills for itself.</summary>
    private static readonly HashSet<string> OwnedByEachStore = new(StringComparer.OrdinalIgnoreCase) { "schema_migrations", "OrleansQuery" };

    private static readonly string[] TablesOfAStartedHost = ["organization", "orleans_storage"];

    /// <returns>How many rows were copied.</returns>
    public static async Task<long> ImportAsync(string backupPath, IStore target, CancellationToken cancellationToken = default)
    {
        if (target.Dialect != SqlDialect.PostgreSql) throw new OperationFailedException("import writes to PostgreSQL only.");
        var path = await SqliteBackup.VerifyAsync(backupPath, cancellationToken);
        await using var source = await SqliteBackup.OpenAsync(path, SqliteOpenMode.ReadOnly, cancellationToken);
        var tables = await TablesAsync(source, cancellationToken);
        return await target.InTransactionAsync(async tx =>
        {
            await RefuseDifferentSchemaAsync(source, tx);
            await RefuseDataAsync(tx);
            long rows = 0;
            foreach (var table in tables.Where(t => !OwnedByEachStore.Contains(t)))
                rows += await CopyAsync(source, tx, table, cancellationToken);
            return rows;
        }, cancellationToken);
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection source, CancellationToken cancellationToken)
    {
        await using var command = source.Command("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>Both stores must be at the same schema step: rows of an older or newer schema would not fit.</summary>
    private static async Task RefuseDifferentSchemaAsync(SqliteConnection source, IStoreTransaction tx)
    {
        var backup = await MigrationIdsAsync(source.Command("SELECT id FROM schema_migrations"));
        var database = await MigrationIdsAsync(tx.Command("SELECT id FROM schema_migrations"));
        if (database.Except(backup).FirstOrDefault() is { } missing)
            throw new OperationFailedException($"The backup was made by an older version (it lacks schema step {missing}): start this version's host on it once, back it up again, then import.");
        if (backup.Except(database).FirstOrDefault() is { } extra)
            throw new OperationFailedException($"The backup was made by a newer version (schema step {extra}): import it with that version.");
    }

    /// <summary>A host that ever started on the database made the organization; grains it ran stored their state.</summary>
    private static async Task RefuseDataAsync(IStoreTransaction tx)
    {
        foreach (var table in TablesOfAStartedHost)
        {
            if (await tx.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {table})"))
                throw new OperationFailedException($"The PostgreSQL database already holds data (table {table}): import only into an empty database.");
        }
    }

    private static async Task<HashSet<string>> MigrationIdsAsync(DbCommand command)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
            return ids;
        }
    }

    private static async Task<long> CopyAsync(SqliteConnection source, IStoreTransaction tx, string table, CancellationToken cancellationToken)
    {
        var columnTypes = await ColumnTypesAsync(tx, table);
        if (columnTypes.Count == 0) throw new OperationFailedException($"The backup's table {table} has no counterpart in the PostgreSQL database.");
        // Rows a migration seeded (the backup has them too, perhaps changed since) give way to the backup's.
        await tx.ExecuteAsync($"DELETE FROM {table}");

        await using var select = source.Command($"SELECT * FROM \"{table}\"");
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        if (columns.FirstOrDefault(c => !columnTypes.ContainsKey(c)) is { } unknown)
            throw new OperationFailedException($"The PostgreSQL table {table} has no column {unknown}.");

        // Binary COPY: one stream per table instead of a round trip per row.
        var connection = (NpgsqlConnection)tx.Connection;
        var types = columns.Select(c => DbType(columnTypes[c], $"{table}.{c}")).ToList();
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = ToPostgreSql(reader.GetValue(i), columnTypes[columns[i]], $"{table}.{columns[i]}");
                if (value is DBNull) await copy.WriteNullAsync(cancellationToken);
                else await copy.WriteAsync(value, types[i], cancellationToken);
            }
            rows++;
        }
        await copy.CompleteAsync(cancellationToken);
        return rows;
    }

    private static async Task<Dictionary<string, string>> ColumnTypesAsync(IStoreTransaction tx, string table)
    {
        await using var command = tx.Command(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            ("table", table.ToLowerInvariant()));
        await using var reader = await command.ExecuteReaderAsync();
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync()) types[reader.GetString(0)] = reader.GetString(1);
        return types;
    }

    private static object ToPostgreSql(object value, string type, string column) => value is DBNull ? DBNull.Value : type switch
    {
        "integer" => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        "bigint" => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        "smallint" => Convert.ToInt16(value, CultureInfo.InvariantCulture),
        "boolean" => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        "double precision" => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        "real" => Convert.ToSingle(value, CultureInfo.InvariantCulture),
        "numeric" => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        "text" or "character varying" or "character" => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        "bytea" => value as byte[] ?? throw new OperationFailedException($"{column} holds {value.GetType().Name}, not bytes."),
        // SQLite keeps UTC times as text ("2026-12-01 16:13:00.123"), written by Orleans or by CURRENT_TIMESTAMP.
        "timestamp with time zone" => DateTime.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        // DbType refused every other type before the first row.
        _ => throw new UnreachableException(column),
    };

    /// <summary>The type binary COPY writes for a column, which must be exactly the column's.</summary>
    private static NpgsqlDbType DbType(string type, string column) => type switch
    {
        "integer" => NpgsqlDbType.Integer,
        "bigint" => NpgsqlDbType.Bigint,
        "smallint" => NpgsqlDbType.Smallint,
        "boolean" => NpgsqlDbType.Boolean,
        "double precision" => NpgsqlDbType.Double,
        "real" => NpgsqlDbType.Real,
        "numeric" => NpgsqlDbType.Numeric,
        "text" => NpgsqlDbType.Text,
        "character varying" => NpgsqlDbType.Varchar,
        "character" => NpgsqlDbType.Char,
        "bytea" => NpgsqlDbType.Bytea,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        _ => throw new OperationFailedException($"The PostgreSQL column {column} has type {type}, which import does not convert."),
    };
}
