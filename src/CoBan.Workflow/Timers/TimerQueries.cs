using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Timers;

/// <summary>What an administrator sees of timers beyond the pending list (InstanceQueries.TimersAsync): misfires and deadlines.</summary>
public sealed class TimerQueries(CoBanDbContext db, BureauScope scope, IOptions<TimerOptions> options, ICalendarSource calendars)
{
    /// <summary>
    /// Timers that did not fire on time: still pending more than the misfire threshold after their due time
    /// (the scheduler is behind, or the timer keeps failing), and those that fired that late within the last
    /// <paramref name="hours"/> hours.
    /// </summary>
    public async Task<Paged<MisfiredTimerInfo>> MisfiredAsync(DateTimeOffset now, double hours, PageRequest page, CancellationToken ct)
    {
        var visible = await scope.VisibleAsync(ct);
        var threshold = options.Value.MisfireThreshold;
        var late = now - threshold;
        var since = now - TimeSpan.FromHours(Math.Clamp(hours, 0, 24 * 31));
        var candidates = await Visible(db.Set<ScheduledTimer>().AsNoTracking(), visible)
            .Where(t => (t.Status == TimerStatus.Pending && t.DueAt < late) || (t.Status == TimerStatus.Fired && t.FiredAt >= since) || (t.Status == TimerStatus.Pending && t.Attempts > 0))
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToListAsync(ct);
        // "Fired that late" compares two columns, which the providers store differently: sifted here, then paged.
        return Paged<MisfiredTimerInfo>.Of(candidates
            .Where(t => t.Status == TimerStatus.Pending || t.FiredAt - t.DueAt > threshold)
            .Select(t => new MisfiredTimerInfo(Info(t), t.Status == TimerStatus.Pending ? now - t.DueAt : t.FiredAt!.Value - t.DueAt,
                t.Status == TimerStatus.Pending ? (t.Attempts > 0 ? "failing" : "overdue") : "fired-late")).ToList(), page);
    }

    public async Task<Paged<DeadlineInfo>> DeadlinesAsync(long? instanceId, long? caseId, bool openOnly, PageRequest page, CancellationToken ct)
    {
        var visible = await scope.VisibleAsync(ct);
        var query = db.Set<Deadline>().AsNoTracking().Where(d => visible.Contains(d.BureauId));
        if (instanceId is { } i) query = query.Where(d => d.InstanceId == i);
        if (caseId is { } c) query = query.Where(d => d.CaseId == c);
        if (openOnly) query = query.Where(d => d.Status == DeadlineStatus.Open);
        var rows = await query.OrderBy(d => d.DueAt).ThenBy(d => d.Id).ToPagedAsync(page, ct);
        var list = new List<DeadlineInfo>();
        foreach (var d in rows.Items)
        {
            // Counted across a year whose notice is not loaded: the date stands until it is (then recomputed).
            var provisional = d.Status == DeadlineStatus.Open && (await calendars.ForBureauAsync(db, d.BureauId, ct)).IsProvisional(d.StartedAt, d.DueAt);
            list.Add(DeadlineInfo.Of(d, provisional));
        }
        return new Paged<DeadlineInfo>(list, rows.Total, rows.Page, rows.PageSize);
    }

    internal static IQueryable<ScheduledTimer> Visible(IQueryable<ScheduledTimer> timers, HashSet<long> visible) =>
        timers.Where(t => t.BureauId != null && visible.Contains(t.BureauId.Value));

    public static TimerInfo Info(ScheduledTimer t) => new(t.Id, t.InstanceId, t.WorkTaskId, t.ElementId, Purpose(t), t.DueAt, t.Status.LowerCode(),
        t.Description, t.DueAt.ToOffset(Engine.Time.WorkingCalendar.ChinaStandardOffset), t.Action, t.CaseId, t.DeadlineId, t.ProcedureVersionId, t.BureauId,
        t.Occurrence, t.FiredAt, t.Attempts, t.LastError, t.RetryAt);

    private static string Purpose(ScheduledTimer t) => t.Purpose switch
    {
        TimerPurpose.StartEvent => "start-event",
        _ => t.Purpose.LowerCode(),
    };
}

public sealed record MisfiredTimerInfo(TimerInfo Timer, TimeSpan Late, string Reason);
