using CoBan.Workflow.Data;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Calendar;

/// <summary>
/// The bureau's working-day calendar: the national years from the database (the shipped years until
/// they are seeded), the national overrides, then those of the bureau's ancestors and its own.
/// </summary>
public sealed class DbCalendarSource(CalendarCache cache) : ICalendarSource
{
    public async ValueTask<IWorkingDays> ForBureauAsync(CoBanDbContext db, long bureauId, CancellationToken ct) =>
        (await cache.SnapshotAsync(db, ct)).ForBureau(bureauId);
}
