using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Data;

/// <summary>
/// Find by key for the step rows on SQLite: what a step reads first (its instance, the task being completed), with a
/// statement prepared once per connection instead of an EF query, which spends longer translating and shaping the
/// query than SQLite spends answering it. The row is tracked as EF's own Find would track it, and a row the context
/// already tracks is returned as it is.
/// </summary>
internal static class SqliteRowReader
{
    /// <summary>False when the lookup is EF's to make (not a step row, or no open connection to prepare on).</summary>
    public static bool TryFind<T>(DbContext db, long key, out T? row) where T : class
    {
        row = null;
        var type = db.Model.FindEntityType(typeof(T));
        if (type is null || SqliteRowTable.For(type) is not { } table) return false;
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) return false;

        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        // Only the identity map is asked here: the DetectChanges that DbSet.Local would run first has no bearing on a key.
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (db.Set<T>().Local.FindEntry(key) is { } tracked)
            {
                row = tracked.State == EntityState.Deleted ? null : tracked.Entity;
                return true;
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }

        if (table.Find(key, SqliteStatements.For(connection)) is not T found) return true;
        db.Attach(found);
        row = found;
        return true;
    }
}
