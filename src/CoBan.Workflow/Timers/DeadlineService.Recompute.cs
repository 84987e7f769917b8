using CoBan.Workflow.Calendar;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Timers;

/// <summary>
/// Recomputing deadlines after a calendar change. Never silent (DOMAIN.md): an administrator first
/// previews which deadlines would move, then applies exactly that preview by naming its calendar revision.
/// Only deadlines counted in working days (<see cref="Deadline.LimitWorkingDays"/>) are recomputed; fixed
/// dates stay. The new due date is the committed deadline on today's calendar plus the working days every
/// finished pause gives back on that calendar (a running pause is added when it ends, as always).
/// </summary>
public sealed partial class DeadlineService
{
    public async Task<RecomputePreview> PreviewRecomputeAsync(CoBanDbContext db, IReadOnlyCollection<long> bureauIds, CancellationToken ct)
    {
        var revision = await CalendarCache.RevisionAsync(db, ct);
        var (count, items) = await RecomputeAsync(db, bureauIds, ct);
        return new RecomputePreview(revision, count, items.Select(x => x.Item).ToList());
    }

    /// <summary>Moves every deadline the preview of <paramref name="expectedRevision"/> listed; 409 when the calendar changed since.</summary>
    public async Task<RecomputeResult> ApplyRecomputeAsync(UnitOfWork unit, long expectedRevision, IReadOnlyCollection<long> bureauIds, string reason, CancellationToken ct)
    {
        reason = Reason(reason);
        var revision = await CalendarCache.RevisionAsync(unit.Db, ct);
        if (revision != expectedRevision)
            throw CoBanException.Conflict("calendar-changed", $"日历在预览之后又有变更（版本 {expectedRevision} → {revision}），请重新预览",
                $"the calendar changed after the preview (revision {expectedRevision} → {revision}); preview again");
        var (_, items) = await RecomputeAsync(unit.Db, bureauIds, ct);
        var moved = 0;
        foreach (var (item, deadline, pausedDays) in items)
        {
            if (item.NewDue is not { } due) continue;
            var before = Snapshot(deadline);
            deadline.DueAt = due;
            deadline.PausedWorkingDays = pausedDays;
            deadline.Version++;
            await DueMovedAsync(unit.Db, deadline, ct);
            Journal(unit, deadline, "deadline.recomputed", $"节假日安排变更后重新计算期限（{reason}）：{Local(item.CurrentDue)} → {Local(due)}", before, Snapshot(deadline));
            await ReplanAsync(unit, deadline, ct);
            moved++;
        }
        return new RecomputeResult(revision, moved, items.Select(x => x.Item).ToList());
    }

    /// <summary>
    /// The official notice of <paramref name="year"/> was just loaded (in this unit): every open deadline counted in working days
    /// across that year, which was counted provisionally until now, is recomputed on the loaded year and journaled
    /// (deadline.recomputed, old and new); its alerts are re-planned. No preview: the provisional dates were always to be replaced.
    /// </summary>
    public async Task<List<RecomputeItem>> RecomputeLoadedYearAsync(UnitOfWork unit, int year, CancellationToken ct)
    {
        var candidates = await unit.Db.Set<Deadline>().Where(d => d.Status == DeadlineStatus.Open && d.LimitWorkingDays != null)
            .Select(d => new { d.Id, d.StartedAt, d.DueAt }).ToListAsync(ct);
        var ids = candidates.Where(d => Spans(d.StartedAt, d.DueAt, year)).Select(d => d.Id).ToList();
        var (_, items) = await RecomputeAsync(unit.Db, null, ct, ids);
        var moved = new List<RecomputeItem>();
        foreach (var (item, deadline, pausedDays) in items)
        {
            if (item.NewDue is not { } due) continue;
            var before = Snapshot(deadline);
            deadline.DueAt = due;
            deadline.PausedWorkingDays = pausedDays;
            deadline.Version++;
            await DueMovedAsync(unit.Db, deadline, ct);
            Journal(unit, deadline, "deadline.recomputed", $"{year} 年节假日安排载入，原暂按法定节假日计算的期限重新核定：{Local(item.CurrentDue)} → {Local(due)}", before, Snapshot(deadline));
            await ReplanAsync(unit, deadline, ct);
            moved.Add(item);
        }
        // Reminders and escalations planned on the provisional year (a due date in December, its escalation in January) are planned again.
        var yearStart = new DateTimeOffset(year, 1, 1, 0, 0, 0, WorkingCalendar.ChinaStandardOffset).ToUniversalTime();
        var movedIds = moved.Select(m => m.DeadlineId).ToHashSet();
        var alerted = await unit.Db.Set<ScheduledTimer>().Where(t => t.DeadlineId != null && t.Status == TimerStatus.Pending && t.DueAt >= yearStart)
            .Select(t => t.DeadlineId!.Value).Distinct().ToListAsync(ct);
        alerted.RemoveAll(movedIds.Contains);
        foreach (var deadline in await unit.Db.Set<Deadline>().Where(d => alerted.Contains(d.Id) && d.Status == DeadlineStatus.Open).ToListAsync(ct))
            await ReplanAsync(unit, deadline, ct);
        return moved;
    }

    /// <summary>Whether a count from <paramref name="from"/> to <paramref name="to"/> went through local <paramref name="year"/>.</summary>
    public static bool Spans(DateTimeOffset from, DateTimeOffset to, int year)
    {
        int a = from.ToOffset(WorkingCalendar.ChinaStandardOffset).Year, b = to.ToOffset(WorkingCalendar.ChinaStandardOffset).Year;
        return year >= Math.Min(a, b) && year <= Math.Max(a, b);
    }

    private async Task<(int Checked, List<(RecomputeItem Item, Deadline Deadline, int PausedDays)> Items)> RecomputeAsync(
        CoBanDbContext db, IReadOnlyCollection<long>? bureauIds, CancellationToken ct, IReadOnlyCollection<long>? deadlineIds = null)
    {
        var query = db.Set<Deadline>().Where(d => d.Status == DeadlineStatus.Open && d.LimitWorkingDays != null);
        if (bureauIds is not null) query = query.Where(d => bureauIds.Contains(d.BureauId));
        if (deadlineIds is not null) query = query.Where(d => deadlineIds.Contains(d.Id));
        var open = await query.OrderBy(d => d.Id).ToListAsync(ct);
        var ids = open.Select(d => d.Id).ToList();
        var pauses = (await db.Set<DeadlinePause>().AsNoTracking().Where(p => ids.Contains(p.DeadlineId) && p.EndedAt != null).ToListAsync(ct))
            .ToLookup(p => p.DeadlineId);
        var result = new List<(RecomputeItem, Deadline, int)>();
        foreach (var deadline in open)
        {
            var calendar = await CalendarAsync(db, deadline.BureauId, ct);
            var math = new DeadlineMath(calendar);
            // A case's committed deadline ends at the close of business; a task's P5WD keeps its time of day.
            TimeOnly? close = deadline.HolderKind == DeadlineHolderKinds.Case ? await hours.CloseAsync(db, deadline.BureauId, ct) : null;
            DateTimeOffset due;
            int pausedDays, shift;
            try
            {
                var procedures = pauses[deadline.Id].Select(p => new SpecialProcedure(p.StartedAt, p.EndedAt, p.Reason)).ToList();
                due = math.Deadline(deadline.StartedAt, deadline.LimitWorkingDays!.Value, procedures, close)!.Value.ToUniversalTime();
                pausedDays = procedures.Sum(p => math.PausedWorkingDays(p.StartedAt, p.EndedAt!.Value));
                if (due == deadline.DueAt) continue;
                shift = calendar.WorkingDaysBetween(deadline.DueAt, due);
            }
            catch (CalendarYearUnknownException e)
            {
                result.Add((Item(deadline, null, null, $"{e.Year} 年的节假日安排尚未载入 / no calendar for {e.Year}"), deadline, deadline.PausedWorkingDays));
                continue;
            }
            result.Add((Item(deadline, due, shift, null), deadline, pausedDays));
        }
        return (open.Count, result);
    }

    private static RecomputeItem Item(Deadline d, DateTimeOffset? due, int? shift, string? problem) =>
        new(d.Id, d.HolderKind, d.HolderId, d.BureauId, d.InstanceId, d.CaseId, d.Title, d.DueAt, due, shift, problem);
}
