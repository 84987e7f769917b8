using System.Diagnostics;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Time;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Calendar;

/// <summary>
/// Keeps the calendars built from the database. A change made on this node invalidates the cache at
/// once; changes made on another node are noticed by comparing the stored revision, at most every few
/// seconds (measured on the real clock: this is a cache lifetime, not business time).
/// </summary>
public sealed class CalendarCache(ILogger<CalendarCache> log)
{
    private static readonly TimeSpan RevisionCheck = TimeSpan.FromSeconds(3);
    // Bureau parents are read with the snapshot; a moved bureau is picked up at the latest after this.
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _entry;

    private sealed class Entry(CalendarSnapshot snapshot)
    {
        public CalendarSnapshot Snapshot { get; } = snapshot;
        public long LoadedAt { get; } = Stopwatch.GetTimestamp();
        public long CheckedAt { get; set; } = Stopwatch.GetTimestamp();
    }

    public void Invalidate() => _entry = null;

    public async ValueTask<CalendarSnapshot> SnapshotAsync(CoBanDbContext db, CancellationToken ct)
    {
        var entry = _entry;
        if (entry is not null && Stopwatch.GetElapsedTime(entry.CheckedAt) < RevisionCheck) return entry.Snapshot;
        if (entry is not null && Stopwatch.GetElapsedTime(entry.LoadedAt) < MaxAge && await RevisionAsync(db, ct) == entry.Snapshot.Revision)
        {
            entry.CheckedAt = Stopwatch.GetTimestamp();
            return entry.Snapshot;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (_entry is { } other && !ReferenceEquals(other, entry)) return other.Snapshot;
            var snapshot = await LoadAsync(db, ct);
            _entry = new Entry(snapshot);
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    public static async Task<long> RevisionAsync(CoBanDbContext db, CancellationToken ct) =>
        await db.Set<CalendarRevision>().AsNoTracking().Where(r => r.Id == CalendarRevision.RowId).Select(r => r.Revision).FirstOrDefaultAsync(ct);

    private async Task<CalendarSnapshot> LoadAsync(CoBanDbContext db, CancellationToken ct)
    {
        var revision = await RevisionAsync(db, ct);
        var stored = await db.Set<StoredCalendarYear>().AsNoTracking().ToListAsync(ct);
        var years = new Dictionary<int, CalendarYear>();
        // The years this release ships count until the database has them (first start, before seeding).
        foreach (var year in WorkingCalendar.ChinaNational.Years)
            if (WorkingCalendar.ChinaNational.TryGetYear(year, out var data)) years[year] = data;
        foreach (var row in stored)
        {
            try
            {
                years[row.Year] = HolidayCnFormat.Parse(row.Data);
            }
            catch (CalendarFormatException e)
            {
                // Only the API writes these rows, and it validates them; a hand-edited row must not stop the service.
                log.LogError("Stored calendar year {Year} cannot be read and is ignored: {Message}", row.Year, e.Message);
            }
        }
        var overrides = await db.Set<CalendarOverrideEntry>().AsNoTracking().Where(o => o.RevokedAt == null).OrderBy(o => o.Id).ToListAsync(ct);
        var parents = await db.Set<Bureau>().AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.ParentId, ct);
        var national = new WorkingCalendar(years.Values, overrides.Where(o => o.BureauId == null).Select(CalendarSnapshot.ToEngine));
        return new CalendarSnapshot(revision, national, overrides.Where(o => o.BureauId != null).ToList(), parents);
    }
}
