using CoBan.Workflow.Api;
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

    private async Task<(int Checked, List<(RecomputeItem Item, Deadline Deadline, int PausedDays)> Items)> RecomputeAsync(
        CoBanDbContext db, IReadOnlyCollection<long> bureauIds, CancellationToken ct)
    {
        var open = await db.Set<Deadline>().Where(d => d.Status == DeadlineStatus.Open && d.LimitWorkingDays != null && bureauIds.Contains(d.BureauId))
            .OrderBy(d => d.Id).ToListAsync(ct);
        var ids = open.Select(d => d.Id).ToList();
        var pauses = (await db.Set<DeadlinePause>().AsNoTracking().Where(p => ids.Contains(p.DeadlineId) && p.EndedAt != null).ToListAsync(ct))
            .ToLookup(p => p.DeadlineId);
        var result = new List<(RecomputeItem, Deadline, int)>();
        foreach (var deadline in open)
        {
            var calendar = await CalendarAsync(db, deadline.BureauId, ct);
            var math = new DeadlineMath(calendar);
            DateTimeOffset due;
            int pausedDays, shift;
            try
            {
                var procedures = pauses[deadline.Id].Select(p => new SpecialProcedure(p.StartedAt, p.EndedAt, p.Reason)).ToList();
                due = math.Deadline(deadline.StartedAt, deadline.LimitWorkingDays!.Value, procedures)!.Value.ToUniversalTime();
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
