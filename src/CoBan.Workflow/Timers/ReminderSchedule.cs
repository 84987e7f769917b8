using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Timers;

/// <summary>One alert planned for a deadline: what, and when.</summary>
public sealed record PlannedAlert(string Action, DateTimeOffset At);

/// <summary>
/// When a deadline's alerts go out (pure: the calendar and "now" are parameters):
/// <list type="bullet">
/// <item>the reminder, N working days before due at the configured hour — always a working day; left out when already past or not before due;</item>
/// <item>the duty leader's alert when it falls due, and the supervisor's M working days later (same time of day);
/// an alert that would land on an off day goes out at the configured hour of the next working day;</item>
/// <item>while overdue, each alert repeats at the configured hour of every following working day.</item>
/// </list>
/// Alerts already past when planned (a deadline moved into the past) go out at once.
/// Every step may throw <see cref="CalendarYearUnknownException"/>; the caller plans the others.
/// </summary>
public static class ReminderSchedule
{
    public static PlannedAlert? Reminder(IWorkingDays calendar, DateTimeOffset due, ReminderPolicy policy, DateTimeOffset now)
    {
        if (policy.RemindBeforeWorkingDays is not { } n || n < 0) return null;
        var at = new DeadlineMath(calendar).ReminderAt(due, n, policy.Hour);
        return at > now && at < due ? new PlannedAlert(ReminderActions.Reminder, at) : null;
    }

    public static PlannedAlert Leader(IWorkingDays calendar, DateTimeOffset due, ReminderPolicy policy, DateTimeOffset now) =>
        new(ReminderActions.OverdueLeader, Later(OnWorkingDay(calendar, due, policy.Hour), now));

    public static PlannedAlert Supervisor(IWorkingDays calendar, DateTimeOffset due, ReminderPolicy policy, DateTimeOffset now) =>
        new(ReminderActions.OverdueSupervisor, Later(OnWorkingDay(calendar, new DeadlineMath(calendar).EscalationAt(due, policy.EscalateAfterWorkingDays), policy.Hour), now));

    /// <summary>The next daily repeat of an alert that was due at <paramref name="scheduledAt"/> and ran at <paramref name="now"/>: the configured hour of the next working day after both.</summary>
    public static DateTimeOffset NextRepeat(IWorkingDays calendar, DateTimeOffset scheduledAt, DateTimeOffset now, TimeOnly hour)
    {
        var from = calendar.LocalDate(scheduledAt > now ? scheduledAt : now);
        return calendar.AtLocalTime(calendar.NextWorkingDay(from), hour);
    }

    /// <summary><paramref name="at"/> itself on a working day; otherwise the configured hour of the next working day.</summary>
    public static DateTimeOffset OnWorkingDay(IWorkingDays calendar, DateTimeOffset at, TimeOnly hour)
    {
        var date = calendar.LocalDate(at);
        return calendar.IsWorkingDay(date) ? at : calendar.AtLocalTime(calendar.NextWorkingDay(date), hour);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateOnly NextWorkingDay(this IWorkingDays calendar, DateOnly date) =>
        calendar.LocalDate(calendar.AddWorkingDays(calendar.AtLocalTime(date, new TimeOnly(12, 0)), 1));
}
