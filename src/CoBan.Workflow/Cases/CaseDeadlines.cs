using CoBan.Workflow.Data;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Cases;

/// <summary>
/// Committed deadlines in working days on the bureau's calendar, counted like every other deadline
/// (Timers/DeadlineService, the same <see cref="DeadlineMath"/> and the same errors).
/// </summary>
public interface ICaseDeadlines
{
    /// <summary><paramref name="workingDays"/> working days after <paramref name="from"/>, time of day kept (0: the same instant).</summary>
    Task<DateTimeOffset> AddWorkingDaysAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, int workingDays, CancellationToken ct);

    /// <summary>The deadline moved by the working days a special procedure (特别程序) stopped the clock, and how many those were.</summary>
    Task<(DateTimeOffset Deadline, int GivenBack)> ResumeAsync(CoBanDbContext db, long bureauId, DateTimeOffset deadline, DateTimeOffset pausedAt, DateTimeOffset resumedAt, CancellationToken ct);

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/> (negative when overdue), or null when the calendar year is not loaded.</summary>
    Task<int?> WorkingDaysLeftAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Whether a deadline counted from <paramref name="from"/> to <paramref name="to"/> crossed a year counted provisionally (no State Council notice loaded yet).</summary>
    Task<bool> IsProvisionalAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
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

    public async Task<bool> IsProvisionalAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        (await calendars.ForBureauAsync(db, bureauId, ct)).IsProvisional(from, to);

    /// <summary>
    /// One error vocabulary with the deadline model (Timers/DeadlineService): a year the calendar cannot count (beyond the
    /// lunar calendar; every other year without a notice is counted provisionally) is the same 422 calendar-year-unknown.
    /// </summary>
    private static T Known<T>(Func<T> count) => Timers.DeadlineService.Counted(count);
}
