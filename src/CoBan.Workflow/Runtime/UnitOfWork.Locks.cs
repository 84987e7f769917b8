using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// One lock order on PostgreSQL: a unit locks an instance's row before it writes anything of that instance (its
/// tasks, timers, deadlines, notices). A completion and a timer batch on another node then queue on the instance
/// instead of each holding a row the other needs (a deadlock, 40P01), and the second to get the lock reads what the
/// first committed. SQLite needs none of this: a unit's transaction holds the database's one write lock from its start.
/// </summary>
public sealed partial class UnitOfWork
{
    /// <summary>Whether this unit locks instance rows (PostgreSQL).</summary>
    public bool LocksRows => Db is PostgresCoBanDbContext && Db.Database.CurrentTransaction is not null;

    /// <summary>The instance's row, read and locked for the rest of the transaction (PostgreSQL; a plain read on SQLite).</summary>
    private async Task<ProcessInstance?> FindLockedAsync(long instanceId, CancellationToken ct)
    {
        if (!LocksRows) return await Db.FindRowAsync<ProcessInstance>(instanceId, ct);
        if (Db.Tracked<ProcessInstance>().FirstOrDefault(i => i.Id == instanceId) is { } tracked) return tracked;
        var rows = await Db.Set<ProcessInstance>().FromSqlRaw("""SELECT * FROM "ProcessInstance" WHERE "Id" = {0} FOR UPDATE""", instanceId).ToListAsync(ct);
        return rows.SingleOrDefault();
    }

    /// <summary>Locks these instances' rows in id order (a batch that will touch several), before anything of theirs is written.</summary>
    public async Task LockInstancesAsync(IEnumerable<long> instanceIds, CancellationToken ct)
    {
        if (!LocksRows) return;
        var ids = instanceIds.Distinct().Order().ToArray();
        if (ids.Length == 0) return;
        await Db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "ProcessInstance" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""", ct);
    }
}
