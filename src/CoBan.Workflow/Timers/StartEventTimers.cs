using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Timers;

/// <summary>
/// Timer start events (cron or cycle, e.g. a daily roster publication) of the latest published version of
/// each procedure. Each occurrence is one <see cref="ScheduledTimer"/> row (unique per version, element and
/// occurrence number), so firing it starts exactly one instance, and the next occurrence is written in the
/// same transaction. Publishing a new version or retiring one reconciles: the old version's pending
/// occurrences are cancelled, the new version's first ones created.
/// </summary>
public sealed class StartEventTimers(ProcedureCatalog catalog, ICalendarSource calendars, ILogger<StartEventTimers> log)
{
    /// <summary>Brings the start-event rows in line with the published versions (of one procedure, or all). Safe to run on several nodes at once.</summary>
    public async Task ReconcileAsync(RuntimeService runtime, long? procedureId, CancellationToken ct)
    {
        try
        {
            await runtime.InUnitAsync(Actor.System, async unit =>
            {
                await ReconcileAsync(unit, procedureId, ct);
                return 0;
            }, ct);
        }
        catch (DbUpdateException e)
        {
            // Another node created the same first occurrence at the same moment (unique index): it is there.
            log.LogInformation("Start-event reconciliation raced another node and is skipped this time: {Message}", e.InnerException?.Message ?? e.Message);
            runtime.Db.ChangeTracker.Clear();
        }
    }

    private async Task ReconcileAsync(UnitOfWork unit, long? procedureId, CancellationToken ct)
    {
        var db = unit.Db;
        var latest = await db.Set<ProcedureVersion>().AsNoTracking()
            .Where(v => v.Status == VersionStatus.Published && (procedureId == null || v.ProcedureId == procedureId))
            .GroupBy(v => v.ProcedureId).Select(g => g.Max(v => v.Id)).ToListAsync(ct);

        var stale = await db.Set<ScheduledTimer>()
            .Where(t => t.Purpose == TimerPurpose.StartEvent && t.Status == TimerStatus.Pending && !latest.Contains(t.ProcedureVersionId!.Value))
            .Join(db.Set<ProcedureVersion>(), t => t.ProcedureVersionId, v => v.Id, (t, v) => new { t, v.ProcedureId })
            .Where(x => procedureId == null || x.ProcedureId == procedureId).Select(x => x.t).ToListAsync(ct);
        foreach (var timer in stale)
        {
            timer.Status = TimerStatus.Cancelled;
            unit.TimersCancelled.Add(timer);
        }

        foreach (var versionId in latest)
        {
            var version = await db.Set<ProcedureVersion>().AsNoTracking().FirstAsync(v => v.Id == versionId, ct);
            var procedure = await db.Set<Procedure>().AsNoTracking().FirstAsync(p => p.Id == version.ProcedureId, ct);
            var definition = (await catalog.DocumentAsync(db, versionId, ct)).FindProcess(procedure.Key);
            if (definition is null) continue;
            foreach (var start in definition.TimerStarts)
            {
                // A pending last occurrence: under way. A fired one: finished (a firing writes its successor in the same
                // transaction). A cancelled one (a newer version took over, then was retired): the chain starts again from now.
                var last = await db.Set<ScheduledTimer>().AsNoTracking().Where(t => t.ProcedureVersionId == versionId && t.ElementId == start.Id)
                    .OrderByDescending(t => t.Occurrence).FirstOrDefaultAsync(ct);
                if (last is { Status: TimerStatus.Pending or TimerStatus.Fired }) continue;
                if (Spec(start) is not { } spec) continue;
                var calendar = await calendars.ForBureauAsync(db, procedure.BureauId, ct);
                if (FirstDue(spec, unit.Now, calendar, start.Id) is not { } due) continue;
                Add(unit, procedure, versionId, start, due, (last?.Occurrence ?? 0) + 1);
            }
        }
    }

    /// <summary>Starts one instance for the occurrence and writes the next one. The row is already Fired in this transaction.</summary>
    public async Task FireAsync(UnitOfWork unit, ScheduledTimer timer, CancellationToken ct)
    {
        var db = unit.Db;
        var version = await db.Set<ProcedureVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == timer.ProcedureVersionId, ct);
        if (version is not { Status: VersionStatus.Published }) return;
        var newer = await db.Set<ProcedureVersion>().AnyAsync(v => v.ProcedureId == version.ProcedureId && v.Status == VersionStatus.Published && v.Id > version.Id, ct);
        if (newer) return;
        var procedure = await db.Set<Procedure>().AsNoTracking().FirstAsync(p => p.Id == version.ProcedureId, ct);
        var definition = await catalog.ProcessAsync(db, version.Id, procedure.Key, ct);
        var start = definition.FindNode(timer.ElementId!);
        if (start is null || Spec(start) is not { } spec) return;

        await unit.StartAsync(version, procedure.BureauId, procedure.Key, new Start(null, start.Id), null, null, null, ct);

        // Occurrences missed while the service was down fire once, late, rather than once each.
        var calendar = await calendars.ForBureauAsync(db, procedure.BureauId, ct);
        var occurrence = timer.Occurrence;
        var next = spec.NextDue(timer.DueAt, occurrence, calendar);
        while (next is { } at && at <= unit.Now)
            next = spec.NextDue(at, ++occurrence, calendar);
        if (next is { } due) Add(unit, procedure, version.Id, start, due, occurrence + 1);
    }

    private static void Add(UnitOfWork unit, Procedure procedure, long versionId, FlowNode start, DateTimeOffset due, int occurrence) => unit.AddTimer(new ScheduledTimer
    {
        Purpose = TimerPurpose.StartEvent, ProcedureVersionId = versionId, BureauId = procedure.BureauId, ElementId = start.Id,
        DueAt = due.ToUniversalTime(), Occurrence = occurrence, Status = TimerStatus.Pending, CreatedAt = unit.Now,
        Description = $"定时启动“{procedure.Name}”（{start.Name ?? start.Id}，第 {occurrence} 次）",
    });

    private DateTimeOffset? FirstDue(TimerSpec spec, DateTimeOffset now, Engine.IWorkingDays calendar, string elementId)
    {
        try
        {
            var first = spec.FirstDue(now, calendar);
            // A fixed date already past when published does not start anything.
            return spec.Kind == TimerKind.Date && first < now ? null : first;
        }
        catch (Engine.CalendarYearUnknownException e)
        {
            log.LogWarning("Timer start event {Element} cannot be scheduled: {Message}", elementId, e.Message);
            return null;
        }
    }

    private static TimerSpec? Spec(FlowNode start) => start.Event?.Timer?.Fixed;
}
