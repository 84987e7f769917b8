using CoBan.Workflow.Api;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Cases;

/// <summary>
/// Committed deadlines in working days on the bureau's calendar. A small seam: the time feature's
/// DeadlineService replaces <see cref="CalendarCaseDeadlines"/> when it lands.
/// </summary>
public interface ICaseDeadlines
{
    /// <summary><paramref name="workingDays"/> working days after <paramref name="from"/>, time of day kept (0: the same instant).</summary>
    Task<DateTimeOffset> AddWorkingDaysAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, int workingDays, CancellationToken ct);

    /// <summary>The deadline moved by the working days a special procedure (特别程序) stopped the clock, and how many those were.</summary>
    Task<(DateTimeOffset Deadline, int GivenBack)> ResumeAsync(CoBanDbContext db, long bureauId, DateTimeOffset deadline, DateTimeOffset pausedAt, DateTimeOffset resumedAt, CancellationToken ct);

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/> (negative when overdue), or null when the calendar year is not loaded.</summary>
    Task<int?> WorkingDaysLeftAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

/// <summary>Counts on the engine's <see cref="DeadlineMath"/> through the host's <see cref="ICalendarSource"/>.</summary>
public sealed class CalendarCaseDeadlines(ICalendarSource calendars) : ICaseDeadlines
{
    public async Task<DateTimeOffset> AddWorkingDaysAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, int workingDays, CancellationToken ct)
    {
        var math = new DeadlineMath(await calendars.ForBureauAsync(db, bureauId, ct));
        return Known(() => math.CommittedDeadline(from, workingDays));
    }

    public async Task<(DateTimeOffset Deadline, int GivenBack)> ResumeAsync(CoBanDbContext db, long bureauId, DateTimeOffset deadline, DateTimeOffset pausedAt, DateTimeOffset resumedAt, CancellationToken ct)
    {
        var math = new DeadlineMath(await calendars.ForBureauAsync(db, bureauId, ct));
        return Known(() => (math.Resume(deadline, pausedAt, resumedAt), math.PausedWorkingDays(pausedAt, resumedAt)));
    }

    public async Task<int?> WorkingDaysLeftAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var calendar = await calendars.ForBureauAsync(db, bureauId, ct);
        try { return calendar.WorkingDaysBetween(from, to); }
        catch (CalendarYearUnknownException) { return null; }
    }

    /// <summary>An unloaded year is said, never guessed (docs/calendar.md): the step fails and can be retried once the year is loaded.</summary>
    private static T Known<T>(Func<T> count)
    {
        try { return count(); }
        catch (CalendarYearUnknownException e)
        {
            throw CoBanException.Conflict("calendar-year-unknown", $"{e.Year} 年的节假日安排尚未载入，无法计算承诺期限，请管理员载入后重试",
                $"the holiday calendar for {e.Year} is not loaded; the committed deadline cannot be counted until an administrator loads it");
        }
    }
}
