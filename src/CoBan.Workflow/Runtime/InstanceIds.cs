using CoBan.Workflow.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// Ids for a unit's new instances without inserting the rows first. Each new row is then written once, with the state
/// of its first step, in the unit's closing SaveChanges, instead of an INSERT (and a SaveChanges of its own) to learn the
/// id followed by an UPDATE with the state. PostgreSQL takes them from the column's identity sequence. SQLite continues
/// after the highest id in the table (instances are never deleted, and their key has no AUTOINCREMENT, see
/// <see cref="SqliteMigrations"/>): the unit's transaction began IMMEDIATE and so holds the database's one write lock
/// until it commits, and the ids it hands out are counted here until then.
/// </summary>
internal sealed class InstanceIds
{
    private long _next;

    /// <summary>Null outside a transaction (the caller then inserts the row to learn its id).</summary>
    public async Task<long?> NextAsync(CoBanDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not { } transaction) return null;
        if (db is not SqliteCoBanDbContext)
            return await ScalarAsync(db, transaction, """SELECT nextval(pg_get_serial_sequence('"ProcessInstance"', 'Id'))""", ct);
        if (_next == 0) _next = 1 + HighestSqlite(db);
        return _next++;
    }

    private static long HighestSqlite(CoBanDbContext db)
    {
        // Prepared once per connection: every start asks.
        var statement = SqliteStatements.For((SqliteConnection)db.Database.GetDbConnection())
            .Get(typeof(InstanceIds), static _ => "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"ProcessInstance\"");
        try
        {
            statement.Step();
            return statement.Int64(0);
        }
        finally
        {
            statement.Reset();
        }
    }

    private static async Task<long> ScalarAsync(CoBanDbContext db, IDbContextTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
