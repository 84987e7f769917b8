using CoBan.Workflow.Engine;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Timers;

/// <summary>Planning a deadline's alerts as timer rows (ReminderSchedule says when).</summary>
public sealed partial class DeadlineService
{
    /// <summary>
    /// Cancels the deadline's pending alerts and plans them again from its current due time: none while it is
    /// paused or closed. An alert that reaches a year without calendar data is left out and the year noted
    /// (<see cref="Deadline.MissingCalendarYear"/>), so loading that year plans it.
    /// </summary>
    public async Task ReplanAsync(UnitOfWork unit, Deadline deadline, CancellationToken ct)
    {
        await CancelAlertsAsync(unit, deadline.Id, ct);
        deadline.MissingCalendarYear = null;
        if (deadline.Status != DeadlineStatus.Open || deadline.IsPaused) return;
        var calendar = await CalendarAsync(unit.Db, deadline.BureauId, ct);
        var policy = await PolicyAsync(unit.Db, deadline, ct);
        Func<PlannedAlert?>[] planners =
        [
            () => ReminderSchedule.Reminder(calendar, deadline.DueAt, policy, unit.Now),
            () => ReminderSchedule.Leader(calendar, deadline.DueAt, policy, unit.Now),
            () => ReminderSchedule.Supervisor(calendar, deadline.DueAt, policy, unit.Now),
        ];
        foreach (var plan in planners)
        {
            try
            {
                if (plan() is { } alert) AddAlert(unit, deadline, alert, 1);
            }
            catch (CalendarYearUnknownException e)
            {
                deadline.MissingCalendarYear ??= e.Year;
            }
        }
        if (deadline.MissingCalendarYear is { } year)
            Journal(unit, deadline, "deadline.calendar-missing", $"{year} 年的节假日安排尚未载入，部分提醒暂未安排；管理员载入该年日历后自动补排");
    }

    /// <summary>Plans the alerts of every open deadline that was waiting for <paramref name="year"/>'s calendar; returns how many.</summary>
    public async Task<int> ReplanWaitingForYearAsync(UnitOfWork unit, int year, CancellationToken ct)
    {
        var waiting = await unit.Db.Set<Deadline>().Where(d => d.Status == DeadlineStatus.Open && d.MissingCalendarYear == year).ToListAsync(ct);
        foreach (var deadline in waiting) await ReplanAsync(unit, deadline, ct);
        return waiting.Count;
    }

    internal static ScheduledTimer AddAlert(UnitOfWork unit, Deadline deadline, PlannedAlert alert, int occurrence)
    {
        var timer = new ScheduledTimer
        {
            Purpose = alert.Action == ReminderActions.Reminder ? TimerPurpose.Reminder : TimerPurpose.Escalation,
            Action = alert.Action,
            DeadlineId = deadline.Id,
            WorkTaskId = deadline.WorkTaskId,
            InstanceId = deadline.InstanceId,
            CaseId = deadline.CaseId,
            BureauId = deadline.BureauId,
            ElementId = deadline.ElementId,
            DueAt = alert.At.ToUniversalTime(),
            BasisDueAt = deadline.DueAt,
            Occurrence = occurrence,
            Status = TimerStatus.Pending,
            CreatedAt = unit.Now,
            Description = ReminderActions.Describe(alert.Action, deadline, occurrence),
        };
        unit.AddTimer(timer);
        return timer;
    }

    private static async Task CancelAlertsAsync(UnitOfWork unit, long deadlineId, CancellationToken ct)
    {
        var pending = unit.TimersAdded.Where(t => t.DeadlineId == deadlineId && t.Status == TimerStatus.Pending).ToList();
        pending.AddRange(await unit.Db.Set<ScheduledTimer>().Where(t => t.DeadlineId == deadlineId && t.Status == TimerStatus.Pending).ToListAsync(ct));
        foreach (var timer in pending.Distinct())
        {
            timer.Status = TimerStatus.Cancelled;
            unit.TimersCancelled.Add(timer);
        }
    }
}
