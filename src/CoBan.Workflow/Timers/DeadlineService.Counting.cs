using CoBan.Workflow.Data;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Timers;

/// <summary>
/// Working-day counting for the features that keep a date of their own (a case's committed deadline, a review's
/// rectification date): one model, one error vocabulary (<see cref="Counted{T}"/>: 422 calendar-year-unknown).
/// The former Cases/CaseDeadlines lives here now.
/// </summary>
public sealed partial class DeadlineService
{
    /// <summary><paramref name="workingDays"/> working days after <paramref name="from"/>, time of day kept (0: the same instant).</summary>
    public async Task<DateTimeOffset> AddWorkingDaysAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, int workingDays, CancellationToken ct)
    {
        var calendar = await CalendarAsync(db, bureauId, ct);
        return Counted(() => calendar.AddWorkingDays(from, workingDays));
    }

    /// <summary>A committed date moved by the working days a special procedure (特别程序) stopped the clock, and how many those were.</summary>
    public async Task<(DateTimeOffset Deadline, int GivenBack)> GiveBackPauseAsync(CoBanDbContext db, long bureauId, DateTimeOffset deadline,
        DateTimeOffset pausedAt, DateTimeOffset resumedAt, CancellationToken ct)
    {
        var math = new DeadlineMath(await CalendarAsync(db, bureauId, ct));
        return Counted(() => (math.Resume(deadline, pausedAt, resumedAt), math.PausedWorkingDays(pausedAt, resumedAt)));
    }

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/> (negative when overdue), or null when the calendar cannot count them.</summary>
    public async Task<int?> WorkingDaysLeftAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var calendar = await CalendarAsync(db, bureauId, ct);
        try { return calendar.WorkingDaysBetween(from, to); }
        catch (CalendarYearUnknownException) { return null; }
    }

    /// <summary>Whether a date counted from <paramref name="from"/> to <paramref name="to"/> crossed a year counted provisionally (no State Council notice loaded yet).</summary>
    public async Task<bool> IsProvisionalAsync(CoBanDbContext db, long bureauId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        (await CalendarAsync(db, bureauId, ct)).IsProvisional(from, to);
}
