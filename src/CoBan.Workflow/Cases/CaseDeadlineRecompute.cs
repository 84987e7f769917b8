using System.Text.Encodings.Web;
using System.Text.Json;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>
/// A year's State Council notice was loaded: every open case whose committed deadline was counted across that year
/// (provisionally, on the statutory holidays alone) gets it counted again on the loaded year, in the loading unit
/// (one transaction). A changed date is journaled (deadline.recomputed, old and new), moves the case's open tasks and
/// engine timers that were set to the old date (the handling task's due date and the 承诺期限届满 timer come from
/// caseDeadline), and is told to the owner (reminder) and the applicant (a new receipt; the notices feature uses the
/// channels the applicant consented to). Each notice's idempotency key names the case and the calendar revision, so
/// loading the year twice, or on two nodes at once, tells nobody twice.
/// </summary>
public sealed class CaseDeadlineRecompute(ICalendarSource calendars, DeadlineService deadlines)
{

    public sealed record Moved(long CaseId, string Number, DateTimeOffset Old, DateTimeOffset New);

    public async Task<List<Moved>> RecomputeLoadedYearAsync(UnitOfWork unit, int year, long revision, CancellationToken ct)
    {
        var db = unit.Db;
        var open = await db.Set<Case>().Where(c => c.Deadline != null && c.AcceptedAt != null && c.CommittedWorkingDays > 0).ToListAsync(ct);
        var moved = new List<Moved>();
        foreach (var c in open.Where(c => !c.Status.IsFinal() && c.Kind == CaseKind.Commitment && DeadlineService.Spans(c.AcceptedAt!.Value, c.Deadline!.Value, year)))
        {
            var calendar = await calendars.ForBureauAsync(db, c.BureauId, ct);
            var math = new DeadlineMath(calendar);
            var close = await deadlines.CloseAsync(db, c.BureauId, ct);
            var ended = await db.Set<CaseSpecialProcedure>().AsNoTracking().Where(p => p.CaseId == c.Id && p.EndedAt != null).ToListAsync(ct);
            var old = c.Deadline!.Value;
            var recomputed = DeadlineService.Counted(() => math.Deadline(c.AcceptedAt!.Value, c.CommittedWorkingDays!.Value,
                ended.Select(p => new SpecialProcedure(p.StartedAt, p.EndedAt, p.Kind)), close)!.Value).ToUniversalTime();
            if (recomputed == old) continue;

            c.Deadline = recomputed;
            c.RowVersion++;
            if (c.OverdueAt is not null && recomputed > unit.Now) c.OverdueAt = null;
            db.Add(new JournalEntry
            {
                At = unit.Now, InstanceId = c.InstanceId, CaseId = c.Id, BureauId = c.BureauId, UserId = unit.Actor.UserId, UserName = unit.Actor.Name, Ip = unit.Actor.Ip,
                Action = "deadline.recomputed",
                Detail = $"{year} 年节假日安排载入，承诺办结期限由 {DeadlineService.Local(old)} 重新核定为 {DeadlineService.Local(recomputed)}（原暂按法定节假日计算）",
                Before = JsonDefaults.Write(new { deadline = old }), After = JsonDefaults.Write(new { deadline = recomputed }),
            });
            await FollowAsync(unit, c, old, recomputed, "节假日安排载入，承诺期限重新核定", ct);
            Tell(unit, c, revision, old, recomputed);
            moved.Add(new Moved(c.Id, c.Number, old, recomputed));
        }
        return moved;
    }

    // What was set to the old committed date follows it: the open tasks due then (coban:due="${caseDeadline}") with their
    // alerts, and the pending engine timers (the boundary timer on ${caseDeadline}), re-scheduled as new rows.
    internal async Task FollowAsync(UnitOfWork unit, Case c, DateTimeOffset old, DateTimeOffset recomputed, string reason, CancellationToken ct)
    {
        // The case's instances: its own and those it called (the handling runs in a called procedure).
        var instances = await unit.Db.Set<ProcessInstance>().Where(i => i.CaseId == c.Id || i.Id == c.InstanceId).Select(i => i.Id).ToListAsync(ct);
        // Compared in memory: a due date from a variable keeps its +08:00 offset, and the providers compare stored text or timestamps differently.
        var tasks = (await unit.Db.Set<WorkTask>().Where(t => (t.CaseId == c.Id || instances.Contains(t.InstanceId)) && t.Status == WorkTaskStatus.Open && t.Due != null).ToListAsync(ct))
            .Where(t => t.Due == old).ToList();
        foreach (var task in tasks)
        {
            task.Due = recomputed;
            await deadlines.FollowDueAsync(unit, TaskDeadlineObserver.Spec(task, limit: null), reason, ct);
        }
        await MoveEngineTimersAsync(unit, c, old, recomputed, ct);
    }

    /// <summary>The case's pending engine timers set to the old committed date (the 承诺期限届满 boundary timer) move to the new one, as new rows.</summary>
    internal static async Task MoveEngineTimersAsync(UnitOfWork unit, Case c, DateTimeOffset old, DateTimeOffset recomputed, CancellationToken ct)
    {
        var instances = await unit.Db.Set<ProcessInstance>().Where(i => i.CaseId == c.Id || i.Id == c.InstanceId).Select(i => i.Id).ToListAsync(ct);
        var timers = (await unit.Db.Set<ScheduledTimer>()
            .Where(t => t.InstanceId != null && instances.Contains(t.InstanceId.Value) && t.Purpose == TimerPurpose.Engine && t.Status == TimerStatus.Pending).ToListAsync(ct))
            .Where(t => t.DueAt == old).ToList();
        foreach (var timer in timers)
        {
            timer.Status = TimerStatus.Cancelled;
            unit.TimersCancelled.Add(timer);
            unit.AddTimer(new ScheduledTimer
            {
                InstanceId = timer.InstanceId, TimerId = timer.TimerId, WorkTaskId = timer.WorkTaskId, ElementId = timer.ElementId, Purpose = timer.Purpose,
                DueAt = recomputed, Status = TimerStatus.Pending, Description = timer.Description, CreatedAt = unit.Now, BureauId = timer.BureauId,
                CaseId = timer.CaseId, DeadlineId = timer.DeadlineId, Action = timer.Action, Occurrence = timer.Occurrence,
            });
        }
    }

    private static void Tell(UnitOfWork unit, Case c, long revision, DateTimeOffset old, DateTimeOffset recomputed)
    {
        var variables = JsonSerializer.Serialize(new
        {
            caseId = c.Id, previousDue = old, previousDueLocal = DeadlineService.Local(old), due = recomputed, dueLocal = DeadlineService.Local(recomputed),
            ownerUserId = c.OwnerId, recipientUserId = c.OwnerId, reason = "calendar-year-loaded",
        }, JsonDefaults.StoredCamel);
        unit.Db.Add(new Notice
        {
            IdempotencyKey = $"deadline-recomputed:{c.Id}:{revision}:owner", InstanceId = c.InstanceId, CaseId = c.Id, BureauId = c.BureauId,
            Template = ReminderActions.Reminder, Recipient = ReminderActions.CaseOwner, Variables = variables, Status = NoticeStatus.Pending, CreatedAt = unit.Now,
        });
        unit.Db.Add(new Notice
        {
            IdempotencyKey = $"deadline-recomputed:{c.Id}:{revision}:applicant", InstanceId = c.InstanceId, CaseId = c.Id, BureauId = c.BureauId,
            Template = "receipt", Recipient = "applicant", Variables = variables, Status = NoticeStatus.Pending, CreatedAt = unit.Now,
        });
        unit.NoticesAdded = true;
    }
}
