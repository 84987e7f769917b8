using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Data;

public static class TrackedEntities
{
    /// <summary>
    /// The entities of a type the context tracks (added ones included), read without the DetectChanges that
    /// DbSet.Local and ChangeTracker.Entries run over every tracked entity first: in a unit that fires a hundred
    /// timers that scan made each lookup cost as much as the rest of the step. For lookups by values set when the
    /// entity is created or read from the CLR object (keys, owners, status), which DetectChanges has no bearing on.
    /// </summary>
    public static List<T> Tracked<T>(this DbContext db) where T : class
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. db.Set<T>().Local];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Entities of a type added to the context and not saved yet, without DetectChanges (see <see cref="Tracked{T}"/>).</summary>
    public static List<T> Added<T>(this DbContext db) where T : class
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<T>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }
}
