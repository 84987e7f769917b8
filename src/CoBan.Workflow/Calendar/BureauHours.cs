using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Time;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Calendar;

/// <summary>
/// A bureau's hours on a working day, read from the hours it posts (<see cref="Bureau.ServiceHours"/>, e.g.
/// "工作日 8:30-12:00，13:30-17:30": opens 08:30, closes 17:30; <see cref="ServiceHours.TryParse"/>). A bureau that posts none
/// keeps the hours of the nearest bureau above it (a department window in a service centre keeps the centre's hours).
/// Null when no bureau up the chain posts readable hours: a committed deadline then ends at 24:00 (民法典 Art. 203).
/// </summary>
public sealed class BureauHours
{
    public async Task<ServiceHours?> ForBureauAsync(CoBanDbContext db, long bureauId, CancellationToken ct)
    {
        var seen = new HashSet<long>();
        for (long? id = bureauId; id is { } current && seen.Add(current);)
        {
            var bureau = db.Set<Bureau>().Local.FirstOrDefault(b => b.Id == current)
                ?? await db.Set<Bureau>().AsNoTracking().Where(b => b.Id == current).FirstOrDefaultAsync(ct);
            if (bureau is null) return null;
            if (ServiceHours.TryParse(bureau.ServiceHours, out var hours)) return hours;
            id = bureau.ParentId;
        }
        return null;
    }

    /// <summary>When the bureau's working day ends: its closing time, else 24:00 (民法典 Art. 203).</summary>
    public async Task<TimeOnly> CloseAsync(CoBanDbContext db, long bureauId, CancellationToken ct) =>
        (await ForBureauAsync(db, bureauId, ct))?.Closes ?? ServiceHours.EndOfDay;
}
