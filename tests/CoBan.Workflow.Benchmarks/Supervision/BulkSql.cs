using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace CoBan.Workflow.Benchmarks.Supervision;

/// <summary>Prepared SQLite statements for the generator: one compiled statement per table, re-bound for every row.</summary>
internal static partial class BulkSql
{
    public static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct())
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        command.Prepare();
        return command;
    }

    /// <summary>Binds the named values (every other parameter is NULL) and runs the statement.</summary>
    public static void Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (SqliteParameter p in command.Parameters) p.Value = DBNull.Value;
        foreach (var (name, value) in values) command.Parameters[name].Value = value ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"\$\w+")]
    private static partial Regex Parameter();
}
