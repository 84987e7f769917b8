using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Journal;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Calendar;

/// <summary>
/// On start: copies the years this release ships (engine Time/Calendars) into the database when it lacks
/// them, so administrators see and can correct them like any loaded year. A year already stored is never
/// overwritten: what an administrator loaded wins over a release.
/// </summary>
public sealed class CalendarSeeder(IServiceScopeFactory scopes, ILogger<CalendarSeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        try
        {
            var stored = await db.Set<StoredCalendarYear>().Select(y => y.Year).ToListAsync(ct);
            var added = new List<int>();
            foreach (var year in WorkingCalendar.ChinaNational.Years.Except(stored))
            {
                WorkingCalendar.ChinaNational.TryGetYear(year, out var data);
                db.Add(new StoredCalendarYear { Year = year, Data = HolidayCnFormat.Format(data), Source = CalendarYearSources.Release, LoadedAt = now });
                db.Add(new JournalEntry { At = now, UserName = "系统", Action = "calendar.year.seeded", Detail = $"载入随版本发布的 {year} 年节假日安排" });
                added.Add(year);
            }
            if (!await db.Set<CalendarRevision>().AnyAsync(ct)) db.Add(new CalendarRevision { Id = CalendarRevision.RowId, Revision = 1, ChangedAt = now });
            await db.SaveChangesAsync(ct);
            if (added.Count > 0) log.LogInformation("Calendar years {Years} copied from the release into the database", string.Join(", ", added));
        }
        catch (DbUpdateException e)
        {
            // Another node seeded at the same moment (unique year): its rows are as good as ours.
            log.LogInformation("Calendar seeding raced another node: {Message}", e.InnerException?.Message ?? e.Message);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
