using System.Text.Encodings.Web;
using System.Text.Json;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Timers;

/// <summary>
/// What a reminder or escalation timer does when it fires (docs/timers.md, "Reminders and escalation"):
/// one journal entry on the case/instance timeline and one notice in the outbox, for the case owner, the
/// duty leader or the supervisor. Before anything goes out the deadline is checked again: a holder that
/// ended closes it, a moved due date re-plans it, a paused one stays silent.
/// </summary>
public sealed class ReminderActions(DeadlineService deadlines, IDutyDirectory duty)
{
    /// <summary>Notice templates (and timer actions); the notices feature renders them.</summary>
    public const string Reminder = "reminder";
    public const string OverdueLeader = "overdue-leader";
    public const string OverdueSupervisor = "overdue-supervisor";

    /// <summary>Notice recipients, resolved by the notices feature (the user ids found here are in the notice's variables).</summary>
    public const string CaseOwner = "caseOwner";
    public const string DutyLeader = "dutyLeader";
    public const string Supervisor = "supervisor";


    public async Task FireAsync(UnitOfWork unit, ScheduledTimer timer, CancellationToken ct)
    {
        var deadline = await unit.Db.Set<Deadline>().FirstOrDefaultAsync(d => d.Id == timer.DeadlineId, ct);
        if (deadline is not { Status: DeadlineStatus.Open } || deadline.IsPaused) return;
        var holder = await deadlines.CheckAsync(unit.Db, deadline, ct);
        if (holder.Ended)
        {
            await deadlines.CloseAsync(unit, deadline, ct);
            return;
        }
        if (holder.Due is { } own && own != deadline.DueAt)
        {
            // Someone changed the task's due date on the task itself: follow it.
            var before = DeadlineService.Snapshot(deadline);
            deadline.DueAt = own.ToUniversalTime();
            deadline.LimitWorkingDays = null;
            deadline.Version++;
            DeadlineService.Journal(unit, deadline, "deadline.moved", $"期限已在任务上改为 {DeadlineService.Local(own)}，提醒随之重排", before, DeadlineService.Snapshot(deadline));
            await deadlines.ReplanAsync(unit, deadline, ct);
            return;
        }
        if (timer.BasisDueAt != deadline.DueAt)
        {
            await deadlines.ReplanAsync(unit, deadline, ct);
            return;
        }

        var calendar = await deadlines.CalendarAsync(unit.Db, deadline.BureauId, ct);
        var policy = await deadlines.PolicyAsync(unit.Db, deadline, ct);
        if (!holder.Paused)
        {
            var overdue = unit.Now > deadline.DueAt ? Math.Max(0, calendar.WorkingDaysBetween(deadline.DueAt, unit.Now)) : 0;
            await AlertAsync(unit, timer, deadline, holder, overdue, ct);
        }
        // A paused case skips the alert, but the daily repeat goes on, so alerts resume with the case.
        if (timer.Action != Reminder && policy.RepeatDaily)
        {
            try
            {
                var next = ReminderSchedule.NextRepeat(calendar, timer.DueAt, unit.Now, policy);
                DeadlineService.AddAlert(unit, deadline, new PlannedAlert(timer.Action!, next), timer.Occurrence + 1);
            }
            catch (CalendarYearUnknownException e)
            {
                deadline.MissingCalendarYear = e.Year;
                DeadlineService.Journal(unit, deadline, "deadline.calendar-missing", $"{e.Year} 年的节假日安排尚未载入，逾期提醒暂停；载入后自动恢复");
            }
        }
    }

    private async Task AlertAsync(UnitOfWork unit, ScheduledTimer timer, Deadline deadline, HolderCheck holder, int overdueDays, CancellationToken ct)
    {
        var (recipient, userId) = timer.Action switch
        {
            Reminder => (CaseOwner, holder.OwnerUserId),
            OverdueLeader => (DutyLeader, await duty.OnDutyAsync(unit.Db, deadline.BureauId, Roles.DutyLeader, unit.Now, ct)),
            _ => (Supervisor, await SupervisorAsync(unit, deadline.BureauId, ct)),
        };
        var due = DeadlineService.Local(deadline.DueAt);
        var detail = timer.Action switch
        {
            Reminder => $"提醒办理人：期限 {due}，还有 {deadline.RemindBeforeWorkingDays} 个工作日",
            OverdueLeader => overdueDays == 0 ? $"已到期（{due}）未办结，提醒带班领导督办" : $"逾期 {overdueDays} 个工作日（期限 {due}），第 {timer.Occurrence} 次提醒带班领导",
            _ => $"逾期 {overdueDays} 个工作日（期限 {due}），第 {timer.Occurrence} 次报告监督员",
        };
        unit.Db.Add(new JournalEntry
        {
            At = unit.Now, InstanceId = deadline.InstanceId, CaseId = deadline.CaseId, BureauId = deadline.BureauId, UserName = Actor.System.Name,
            Action = "deadline." + timer.Action, ElementId = deadline.ElementId, Detail = (deadline.Title is null ? "" : $"【{deadline.Title}】") + detail,
        });
        var variables = new
        {
            deadlineId = deadline.Id, holderKind = deadline.HolderKind, holderId = deadline.HolderId, title = deadline.Title,
            instanceId = deadline.InstanceId, caseId = deadline.CaseId, taskId = deadline.WorkTaskId, elementId = deadline.ElementId,
            due = deadline.DueAt, dueLocal = due, overdueWorkingDays = overdueDays, remindBeforeWorkingDays = deadline.RemindBeforeWorkingDays,
            occurrence = timer.Occurrence, recipientUserId = userId, ownerUserId = holder.OwnerUserId,
        };
        unit.Db.Add(new Notice
        {
            // One notice per timer row: a firing re-run after a crash cannot queue a second one.
            IdempotencyKey = $"timer:{timer.Id}",
            InstanceId = deadline.InstanceId, CaseId = deadline.CaseId, BureauId = deadline.BureauId, ElementId = deadline.ElementId,
            Template = timer.Action!, Recipient = recipient, Variables = JsonSerializer.Serialize(variables, JsonDefaults.StoredCamel),
            Status = NoticeStatus.Pending, CreatedAt = unit.Now,
        });
        unit.NoticesAdded = true;
    }

    /// <summary>The supervisor on duty for the bureau, looked for in the bureau and then upwards (作风办 often sits at the centre).</summary>
    private async Task<string?> SupervisorAsync(UnitOfWork unit, long bureauId, CancellationToken ct)
    {
        var seen = new HashSet<long>();
        for (long? id = bureauId; id is { } current && seen.Add(current);)
        {
            if (await duty.OnDutyAsync(unit.Db, current, Roles.Supervisor, unit.Now, ct) is { } user) return user;
            id = await unit.Db.Set<Bureau>().Where(b => b.Id == current).Select(b => b.ParentId).FirstOrDefaultAsync(ct);
        }
        return null;
    }

    /// <summary>The timer list's text for an alert.</summary>
    public static string Describe(string action, Deadline deadline, int occurrence) => action switch
    {
        Reminder => $"到期前 {deadline.RemindBeforeWorkingDays} 个工作日提醒办理人",
        OverdueLeader => occurrence == 1 ? "到期未办结时提醒带班领导" : $"逾期每日提醒带班领导（第 {occurrence} 次）",
        _ => occurrence == 1 ? $"逾期 {deadline.EscalateAfterWorkingDays} 个工作日后报告监督员" : $"逾期每日报告监督员（第 {occurrence} 次）",
    } + (deadline.Title is null ? "" : $"：{deadline.Title}");
}
