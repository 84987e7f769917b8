using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;

namespace CoBan.Workflow.Demo;

/// <summary>
/// Late in a year, until an administrator loads the State Council's holiday notice for the next one, a committed
/// deadline running into it cannot be counted: the procedure stops at an incident, as it should. The demo's cases
/// are meant to show the procedures working, so they commit to no more days than the loaded calendars can count.
/// </summary>
internal static class DemoCalendar
{
    public static async Task<bool> CountableAsync(Timers.DeadlineService deadlines, CoBanDbContext db, long bureauId, DateTimeOffset from, int workingDays, CancellationToken ct)
    {
        try
        {
            await deadlines.AddWorkingDaysAsync(db, bureauId, from, workingDays, ct);
            return true;
        }
        catch (CoBanException e) when (e.Code == "calendar-year-unknown")
        {
            return false;
        }
    }

    /// <summary><paramref name="wanted"/> working days, or as many as can be counted from <paramref name="from"/> (at least one).</summary>
    public static async Task<int> CommitmentAsync(Timers.DeadlineService deadlines, CoBanDbContext db, long bureauId, DateTimeOffset from, int wanted, CancellationToken ct)
    {
        for (var days = wanted; days > 1; days--)
            if (await CountableAsync(deadlines, db, bureauId, from, days, ct)) return days;
        return 1;
    }
}
