using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Timers;

/// <summary>
/// A year's notice was loaded over its provisional year: the engine's own working-day timers (a boundary or catch event with
/// a constant <c>timeDuration</c> such as <c>P5WD</c>) whose wait runs across that year are counted again from when they were
/// scheduled, on the loaded year, in the loading unit. A changed one is cancelled and scheduled again at the new time (a new
/// row, as Quartz triggers are keyed by row), journaled <c>deadline.recomputed</c> on its instance. Timers from an expression
/// or a date (the 承诺期限届满 timer on <c>${caseDeadline}</c>) follow the case deadline instead (CaseDeadlineRecompute).
/// </summary>
public sealed class EngineTimerRecompute(ProcedureCatalog catalog, ICalendarSource calendars)
{
    public async Task<int> RecomputeLoadedYearAsync(UnitOfWork unit, int year, CancellationToken ct)
    {
        var db = unit.Db;
        var pending = (await db.Set<ScheduledTimer>().Where(t => t.Purpose == TimerPurpose.Engine && t.Status == TimerStatus.Pending && t.InstanceId != null).ToListAsync(ct))
            .Where(t => DeadlineService.Spans(t.CreatedAt, t.DueAt, year)).ToList();
        var moved = 0;
        foreach (var timer in pending)
        {
            var instance = await db.Set<ProcessInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == timer.InstanceId, ct);
            if (instance is null || timer.ElementId is null) continue;
            await catalog.ProcessAsync(db, instance.ProcedureVersionId, instance.ProcessId, ct); // compiles the version into the cache
            var spec = catalog.TryNode(instance.ProcedureVersionId, instance.ProcessId, timer.ElementId)?.Event?.Timer?.Fixed;
            if (spec is not { Kind: TimerKind.Duration, Duration: { UsesWorkingDays: true } }) continue;
            var calendar = await calendars.ForBureauAsync(db, instance.BureauId, ct);
            DateTimeOffset due;
            try { due = (spec.FirstDue(timer.CreatedAt, calendar) ?? timer.DueAt).ToUniversalTime(); }
            catch (Engine.CalendarYearUnknownException) { continue; }
            if (due == timer.DueAt.ToUniversalTime()) continue;

            timer.Status = TimerStatus.Cancelled;
            unit.TimersCancelled.Add(timer);
            unit.AddTimer(new ScheduledTimer
            {
                InstanceId = timer.InstanceId, TimerId = timer.TimerId, WorkTaskId = timer.WorkTaskId, ElementId = timer.ElementId, Purpose = timer.Purpose,
                DueAt = due, Status = TimerStatus.Pending, Description = timer.Description, CreatedAt = timer.CreatedAt, BureauId = timer.BureauId,
                CaseId = timer.CaseId, DeadlineId = timer.DeadlineId, Action = timer.Action, Occurrence = timer.Occurrence,
            });
            db.Add(new JournalEntry
            {
                At = unit.Now, InstanceId = timer.InstanceId, CaseId = timer.CaseId, BureauId = timer.BureauId, UserId = unit.Actor.UserId, UserName = unit.Actor.Name,
                Ip = unit.Actor.Ip, Action = "deadline.recomputed", ElementId = timer.ElementId,
                Detail = $"{year} 年节假日安排载入，定时事件“{timer.ElementId}”（{spec.Text}）重新核定：{DeadlineService.Local(timer.DueAt)} → {DeadlineService.Local(due)}",
                Before = System.Text.Json.JsonSerializer.Serialize(new { dueAt = timer.DueAt }), After = System.Text.Json.JsonSerializer.Serialize(new { dueAt = due }),
            });
            moved++;
        }
        return moved;
    }
}
