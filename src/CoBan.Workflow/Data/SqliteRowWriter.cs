using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CoBan.Workflow.Data;

/// <summary>
/// SaveChanges on SQLite for the rows of a workflow step: when every pending change is an insert or update of a
/// step-row type (<see cref="StepRows"/>), the rows are written with statements prepared once per connection, instead
/// of EF's batch, whose SQL is generated, prepared and parsed again on every save. That batch was more than a quarter of a
/// step's time. Anything else pending (another type, a delete) leaves the whole save to EF, so the two never share one.
/// The rows, the values (through the model's converters), the optimistic concurrency check and the exceptions are
/// EF's own: the tests of every feature run through this path on SQLite and through EF's on PostgreSQL.
/// </summary>
internal static class SqliteRowWriter
{
    /// <summary>Writes the pending changes and returns the number of rows, or null when EF has to save them.</summary>
    public static int? TrySave(DbContext db)
    {
        var pending = Pending(db);
        if (pending is null) return null;
        if (pending.Count == 0) return 0;

        var database = db.Database;
        var ownTransaction = database.CurrentTransaction is null;
        var transaction = ownTransaction ? database.BeginTransaction() : database.CurrentTransaction!;
        try
        {
            // The statements run on the connection, so inside the transaction it has open.
            var statements = SqliteStatements.For((SqliteConnection)database.GetDbConnection());
            foreach (var (entry, table) in pending)
            {
                if (entry.State == EntityState.Added) table.Insert(entry, statements);
                else table.Update(entry, statements);
            }
            if (ownTransaction) transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", e,
                pending.Select(p => p.Entry).ToList());
        }
        finally
        {
            if (ownTransaction) transaction.Dispose();
        }
        db.ChangeTracker.AcceptAllChanges();
        return pending.Count;
    }

    /// <summary>The pending changes in write order, or null when one of them is not this writer's to make.</summary>
    private static List<(EntityEntry Entry, SqliteRowTable Table)>? Pending(DbContext db)
    {
        var tracker = db.ChangeTracker;
        if (tracker.AutoDetectChangesEnabled) tracker.DetectChanges();
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            List<(EntityEntry, SqliteRowTable)> pending = [];
            foreach (var entry in tracker.Entries())
            {
                if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
                if (entry.State is not (EntityState.Added or EntityState.Modified)) return null;
                if (SqliteRowTable.For(entry.Metadata) is not { } table) return null;
                pending.Add((entry, table));
            }
            // Rank first (an instance before its tasks), then the order the rows were created in (a parent instance before its child).
            pending.Sort((a, b) => a.Item2.Rank != b.Item2.Rank ? a.Item2.Rank.CompareTo(b.Item2.Rank) : a.Item2.Key(a.Item1).CompareTo(a.Item2.Key(b.Item1)));
            return pending;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
