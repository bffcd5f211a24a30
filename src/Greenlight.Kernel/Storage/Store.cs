using System.Data.Common;

namespace Greenlight.Kernel.Storage;

public enum SqlDialect { Sqlite, PostgreSql }

/// <summary>
/// The one store every host shares: SQLite for a single host, PostgreSQL for one or many.
/// Write SQL that both dialects accept (ANSI plus <c>ON CONFLICT</c>); branch on
/// <see cref="Dialect"/> only where they differ.
/// </summary>
public interface IStore
{
    SqlDialect Dialect { get; }

    /// <summary>Where Orleans's grain storage, reminders and clustering get their connections.</summary>
    DbDataSource DataSource { get; }

    /// <summary>An open connection for reads; dispose it when done.</summary>
    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> in one transaction; commits when it returns, rolls back when it throws.</summary>
    Task<T> InTransactionAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default);
}

public interface IStoreTransaction
{
    SqlDialect Dialect { get; }
    DbConnection Connection { get; }
    DbTransaction Transaction { get; }

    /// <summary>Runs after a successful commit (wake a dispatcher, drop a cache); never on rollback.</summary>
    void OnCommitted(Action callback);
}

public static class StoreExtensions
{
    public static Task InTransactionAsync(this IStore store, Func<IStoreTransaction, Task> work, CancellationToken cancellationToken = default) =>
        store.InTransactionAsync(async tx => { await work(tx); return true; }, cancellationToken);

    public static DbCommand Command(this IStoreTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = tx.Connection.Command(sql, parameters);
        command.Transaction = tx.Transaction;
        return command;
    }

    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(this IStoreTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = tx.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<T?> ScalarAsync<T>(this IStoreTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = tx.Command(sql, parameters);
        return FromDb<T>(await command.ExecuteScalarAsync());
    }

    public static async Task<T?> ScalarAsync<T>(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return FromDb<T>(await command.ExecuteScalarAsync());
    }

    private static T? FromDb<T>(object? value) => value is null or DBNull
        ? default
        : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
}
