using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Supervision;

/// <summary>
/// Fills <see cref="CaseDuration"/> for the cases that ended in a span and have none yet (or whose
/// calendar year was missing last time). Every figure over ended cases calls it first for its own
/// period, so the work is bounded by that period's cases, and whatever path ended a case (a step,
/// a withdrawal, data written by hand) the figures stay complete. Safe on several nodes: a row
/// another node wrote first is left as it is.
/// </summary>
public sealed class CaseDurations(ICalendarSource calendars, TimeProvider clock, ILogger<CaseDurations> log)
{
    private const int Batch = 1000;

    /// <returns>How many rows were written.</returns>
    public async Task<int> FillAsync(CoBanDbContext db, DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<long>? bureaus, CancellationToken ct)
    {
        // The ids first, from the end-time index alone (covering): no ORDER BY or id range here, which would let SQLite walk
        // the whole table in id order instead. Usually none are missing, and then this is all a figure pays.
        var cases = db.Set<Case>().AsNoTracking().Where(c => c.CompletedAt >= start && c.CompletedAt < end);
        // "+ 0": the bureaus narrow the range, they are not an index to walk (see MeasureQueries.Cases).
        if (bureaus is not null) cases = cases.Where(c => bureaus.Contains(c.BureauId + 0));
        var ids = await cases.Where(c => !db.Set<CaseDuration>().Any(d => d.CaseId == c.Id && d.WorkingDays != null)).Select(c => c.Id).ToListAsync(ct);
        ids.Sort();
        var written = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            var missing = await db.Set<Case>().AsNoTracking()
                .Where(c => chunk.Contains(c.Id))
                .OrderBy(c => c.Id)
                .Select(c => new
                {
                    c.Id, c.BureauId, c.RegisteredAt, CompletedAt = c.CompletedAt!.Value,
                    Paused = db.Set<CaseSpecialProcedure>().Where(p => p.CaseId == c.Id).Sum(p => (int?)p.WorkingDaysGivenBack) ?? 0,
                    Exists = db.Set<CaseDuration>().Any(d => d.CaseId == c.Id),
                })
                .ToListAsync(ct);
            var now = clock.GetUtcNow();
            var calendarsByBureau = new Dictionary<long, IWorkingDays>();
            foreach (var c in missing)
            {
                if (!calendarsByBureau.TryGetValue(c.BureauId, out var calendar))
                    calendarsByBureau[c.BureauId] = calendar = await calendars.ForBureauAsync(db, c.BureauId, ct);
                int? days;
                try { days = Math.Max(0, calendar.WorkingDaysBetween(c.RegisteredAt, c.CompletedAt) - c.Paused); }
                catch (CalendarYearUnknownException) { days = null; }
                var row = new CaseDuration { CaseId = c.Id, WorkingDays = days, PausedWorkingDays = c.Paused, ComputedAt = now };
                if (c.Exists) db.Update(row);
                else db.Add(row);
            }
            try
            {
                written += await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e)
            {
                // Another node (or request) filled some of them at the same moment: theirs are as good as ours.
                log.LogDebug("Case durations raced another writer: {Message}", e.InnerException?.Message ?? e.Message);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return written;
    }
}
