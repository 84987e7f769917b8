namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// Case deadlines on a working-day calendar (DOMAIN.md, "Numbers the software must honour";
/// 行政许可法 Art. 42 and 82: limits are in working days; Art. 45: special procedures do not count).
/// Pure: "now" and every instant are parameters. Times of day are kept, as for <c>P5WD</c>.
/// </summary>
public sealed class DeadlineMath(IWorkingDays calendar)
{
    public IWorkingDays Calendar { get; } = calendar;

    /// <summary>
    /// Acceptance plus the limit in working days, counting from the day after acceptance
    /// (民法典 Art. 201: the starting day is not counted), at acceptance's local time of day.
    /// </summary>
    public DateTimeOffset CommittedDeadline(DateTimeOffset acceptedAt, int limitWorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limitWorkingDays);
        return Calendar.AddWorkingDays(acceptedAt, limitWorkingDays);
    }

    /// <summary>
    /// A committed deadline as the law counts it: the <b>close</b> of the last working day (民法典 Art. 203: a period ends at
    /// 24:00 of its last day, or at the close of business where there is one), not the time of day the case was accepted.
    /// <paramref name="close"/> is the bureau's closing time, or <see cref="ServiceHours.EndOfDay"/> without business hours.
    /// </summary>
    public DateTimeOffset CommittedDeadline(DateTimeOffset acceptedAt, int limitWorkingDays, TimeOnly close) =>
        Calendar.AtLocalTime(Calendar.LocalDate(CommittedDeadline(acceptedAt, limitWorkingDays)), close);

    /// <summary>
    /// The first instant at or after <paramref name="at"/> inside working hours: on a working day between
    /// <see cref="ServiceHours.Opens"/> (inclusive) and <see cref="ServiceHours.Closes"/> (exclusive: at the close the day is
    /// over). Alerts that would go out at night or on a day off go out when the next working day opens.
    /// </summary>
    public DateTimeOffset NextWorkingHour(DateTimeOffset at, ServiceHours hours)
    {
        var local = at.ToOffset(Calendar.UtcOffset);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (Calendar.IsWorkingDay(date))
        {
            if (time < hours.Opens) return Calendar.AtLocalTime(date, hours.Opens);
            if (time < hours.Closes) return local;
        }
        var next = Calendar.LocalDate(Calendar.AddWorkingDays(Calendar.AtLocalTime(date, new TimeOnly(12, 0)), 1));
        return Calendar.AtLocalTime(next, hours.Opens);
    }

    /// <summary>
    /// The working days a special procedure takes off the clock: those after the local date it started
    /// up to and including the local date it ended (<see cref="IWorkingDays.WorkingDaysBetween"/>).
    /// The start day is not given back because the case already used it, as the acceptance day is not
    /// counted; the day work resumes is given back whole. So a procedure that starts and ends on the same
    /// local date gives back nothing, and one spanning the National Day block gives back only the
    /// working days inside it.
    /// </summary>
    public int PausedWorkingDays(DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        if (endedAt < startedAt)
            throw new ArgumentException("特别程序的结束时间早于开始时间 / a special procedure cannot end before it starts", nameof(endedAt));
        return Calendar.WorkingDaysBetween(startedAt, endedAt);
    }

    /// <summary>The deadline after a special procedure ends: moved later by <see cref="PausedWorkingDays"/>.</summary>
    public DateTimeOffset Resume(DateTimeOffset due, DateTimeOffset startedAt, DateTimeOffset endedAt) =>
        Calendar.AddWorkingDays(due, PausedWorkingDays(startedAt, endedAt));

    /// <summary>
    /// The deadline of a case with special procedures, or null while one is still running (the clock is
    /// stopped, so there is no deadline to show or to remind about). Overlapping procedures are merged first
    /// so that a day is never given back twice.
    /// </summary>
    /// <param name="close">The bureau's closing time for a committed deadline (<see cref="CommittedDeadline(DateTimeOffset, int, TimeOnly)"/>); null keeps
    /// the acceptance's time of day (a task's <c>P5WD</c>).</param>
    public DateTimeOffset? Deadline(DateTimeOffset acceptedAt, int limitWorkingDays, IEnumerable<SpecialProcedure> procedures, TimeOnly? close = null)
    {
        var due = close is { } c ? CommittedDeadline(acceptedAt, limitWorkingDays, c) : CommittedDeadline(acceptedAt, limitWorkingDays);
        var sorted = procedures.OrderBy(p => p.StartedAt).ToList();
        if (sorted.Any(p => p.EndedAt is null))
            return null;

        var paused = 0;
        DateTimeOffset? runStart = null, runEnd = null;
        foreach (var p in sorted)
        {
            var end = p.EndedAt!.Value;
            if (end < p.StartedAt)
                throw new ArgumentException("特别程序的结束时间早于开始时间 / a special procedure cannot end before it starts", nameof(procedures));
            if (runEnd is { } current && p.StartedAt <= current)
            {
                if (end > current) runEnd = end;
                continue;
            }
            if (runStart is { } s && runEnd is { } e) paused += PausedWorkingDays(s, e);
            (runStart, runEnd) = (p.StartedAt, end);
        }
        if (runStart is { } lastStart && runEnd is { } lastEnd) paused += PausedWorkingDays(lastStart, lastEnd);
        return Calendar.AddWorkingDays(due, paused);
    }

    /// <summary>
    /// When to remind: <paramref name="workingDaysBefore"/> working days before the due date, at
    /// <paramref name="localTime"/>. Always a working day: with 0 and a due date on an off day, the last
    /// working day before it. The result can be later than <paramref name="due"/> when the reminder hour is
    /// after the due time on the same day; the host skips reminders that are already late.
    /// </summary>
    public DateTimeOffset ReminderAt(DateTimeOffset due, int workingDaysBefore, TimeOnly localTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDaysBefore);
        var day = workingDaysBefore == 0
            ? Calendar.WorkingDayOnOrBefore(Calendar.LocalDate(due))
            : Calendar.LocalDate(Calendar.AddWorkingDays(due, -workingDaysBefore));
        return Calendar.AtLocalTime(day, localTime);
    }

    /// <summary>
    /// <paramref name="workingDaysAfter"/> working days after the due date, same time of day (e.g. the
    /// supervisor is alerted this long after the duty leader; see coban:escalateAfter).
    /// </summary>
    public DateTimeOffset EscalationAt(DateTimeOffset due, int workingDaysAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDaysAfter);
        return Calendar.AddWorkingDays(due, workingDaysAfter);
    }
}
