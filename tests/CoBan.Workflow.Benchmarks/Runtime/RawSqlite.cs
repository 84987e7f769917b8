using CoBan.Workflow.Data;
using Microsoft.Data.Sqlite;

namespace CoBan.Workflow.Benchmarks.Runtime;

/// <summary>The yardstick: single-row write transactions on the same kind of file with the service's own pragmas.</summary>
public static class RawSqlite
{
    public static void Transactions(string file, int count, string synchronous)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = SqlitePragmas.For(synchronous) + " CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);";
            setup.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (payload) VALUES ($p)";
        var parameter = insert.Parameters.Add("$p", SqliteType.Text);
        insert.Prepare();
        for (var i = 0; i < count; i++)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            parameter.Value = "row " + i;
            insert.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
