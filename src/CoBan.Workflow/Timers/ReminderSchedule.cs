using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Timers;

/// <summary>One alert planned for a deadline: what, and when.</summary>
public sealed record PlannedAlert(string Action, DateTimeOffset At);

/// <summary>
/// When a deadline's alerts go out (pure: the calendar and "now" are parameters):
/// <list type="bullet">
/// <item>the reminder, N working days before due at the configured hour — always a working day; left out when already past or not before due;</item>
/// <item>the duty leader's alert when it falls due, and the supervisor's M working days later (same time of day);</item>
/// <item>while overdue, each alert repeats at the configured hour of every following working day.</item>
/// </list>
/// Every alert goes out in working hours (<see cref="ReminderPolicy.Hours"/>): one that would fall at night, after the
/// close or on a day off goes out when the next working day opens. A committed deadline is the close of its last working
/// day, so the duty leader hears of it when the next working day opens: overdue starts only after the close.
/// Alerts already past when planned (a deadline moved into the past) go out at once, or at the next opening.
/// Every step may throw <see cref="CalendarYearUnknownException"/>; the caller plans the others.
/// </summary>
public static class ReminderSchedule
{
    public static PlannedAlert? Reminder(IWorkingDays calendar, DateTimeOffset due, ReminderPolicy policy, DateTimeOffset now)
    {
        if (policy.RemindBeforeWorkingDays is not { } n || n < 0) return null;
        var math = new DeadlineMath(calendar);
        var at = math.NextWorkingHour(math.ReminderAt(due, n, policy.Hour), Hours(policy));
        return at > now && at < due ? new PlannedAlert(ReminderActions.Reminder, at) : null;
    }

    public static PlannedAlert Leader(IWorkingDays calendar, DateTimeOffset due, ReminderPolicy policy, DateTimeOffset now) =>
        new(ReminderActions.OverdueLeader, InWorkingHours(calendar, Later(due, now), policy));

    public static PlannedAlert Supervisor(IWorkingDays calendar, DateTimeOffset due, ReminderPolicy policy, DateTimeOffset now) =>
        new(ReminderActions.OverdueSupervisor, InWorkingHours(calendar, Later(new DeadlineMath(calendar).EscalationAt(due, policy.EscalateAfterWorkingDays), now), policy));

    /// <summary>The next daily repeat of an alert that was due at <paramref name="scheduledAt"/> and ran at <paramref name="now"/>: the configured hour of the next working day after both, in working hours.</summary>
    public static DateTimeOffset NextRepeat(IWorkingDays calendar, DateTimeOffset scheduledAt, DateTimeOffset now, ReminderPolicy policy)
    {
        var from = calendar.LocalDate(scheduledAt > now ? scheduledAt : now);
        return InWorkingHours(calendar, calendar.AtLocalTime(calendar.NextWorkingDay(from), policy.Hour), policy);
    }

    /// <summary><paramref name="at"/> itself inside working hours; otherwise when the next working day opens.</summary>
    public static DateTimeOffset InWorkingHours(IWorkingDays calendar, DateTimeOffset at, ReminderPolicy policy) =>
        new DeadlineMath(calendar).NextWorkingHour(at, Hours(policy));

    private static ServiceHours Hours(ReminderPolicy policy) => policy.Hours ?? ReminderPolicy.OfficeHours;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateOnly NextWorkingDay(this IWorkingDays calendar, DateOnly date) =>
        calendar.LocalDate(calendar.AddWorkingDays(calendar.AtLocalTime(date, new TimeOnly(12, 0)), 1));
}
