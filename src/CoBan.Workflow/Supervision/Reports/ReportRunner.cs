using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Supervision;

/// <summary>
/// Generates the reports that are due. The <see cref="ReportScheduleState"/> row of each kind is the
/// truth (when it is next due); Quartz only rings the bell (<see cref="ReportJob"/>). A ring generates
/// the latest occurrence at or before now — after downtime the missed reports are caught up once, not
/// once per missed occurrence — then moves the row on. Generation is idempotent (one report per kind,
/// period and bureau), so a ring repeated after a crash or on another node does nothing more.
/// </summary>
public sealed class ReportRunner(IServiceScopeFactory scopes, IOptions<ReportOptions> options, TimeProvider clock, ILogger<ReportRunner> log)
{
    private readonly SemaphoreSlim _running = new(1, 1);

    public CronSchedule? Schedule(ReportKind kind) => options.Value.ScheduleOf(kind) is { } cron ? CronSchedule.Parse(cron) : null;

    /// <summary>Creates or corrects the state rows (a changed cron expression starts from now). Returns each kind's next due time.</summary>
    public async Task<IReadOnlyDictionary<ReportKind, DateTimeOffset?>> EnsureStateAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var now = clock.GetUtcNow();
        var result = new Dictionary<ReportKind, DateTimeOffset?>();
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var schedule = Schedule(kind);
            var state = await db.Set<ReportScheduleState>().FirstOrDefaultAsync(s => s.Kind == kind, ct);
            if (schedule is null) { result[kind] = null; continue; }
            if (state is null) db.Add(state = new ReportScheduleState { Kind = kind, Cron = schedule.Expression, NextDueAt = schedule.Next(now) ?? DateTimeOffset.MaxValue });
            else if (state.Cron != schedule.Expression)
            {
                state.Cron = schedule.Expression;
                state.NextDueAt = schedule.Next(now) ?? DateTimeOffset.MaxValue;
                state.Version++;
            }
            result[kind] = state.NextDueAt;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* another node created or corrected them first */ }
        return result;
    }

    /// <summary>Generates every report (of <paramref name="only"/>, or of every kind) whose schedule is due at <paramref name="now"/>; returns how many were generated.</summary>
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken ct, ReportKind? only = null)
    {
        if (!options.Value.Enabled) return 0;
        await _running.WaitAsync(ct);
        try
        {
            await EnsureStateAsync(ct);
            var generated = 0;
            foreach (var kind in only is { } k ? [k] : Enum.GetValues<ReportKind>())
                generated += await RunKindAsync(kind, now, ct);
            return generated;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<int> RunKindAsync(ReportKind kind, DateTimeOffset now, CancellationToken ct)
    {
        if (Schedule(kind) is not { } schedule) return 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var state = await db.Set<ReportScheduleState>().AsNoTracking().FirstOrDefaultAsync(s => s.Kind == kind, ct);
        if (state is null || state.NextDueAt > now) return 0;

        var occurrence = state.NextDueAt;
        for (var next = schedule.Next(occurrence); next is { } n && n <= now; next = schedule.Next(n)) occurrence = n;
        var generated = 0;
        string? error = null;
        try
        {
            generated = await GenerateAsync(scope.ServiceProvider, kind, occurrence, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
            log.LogError(e, "Scheduled report {Kind} due at {Due} failed; a supervisor can generate it by hand", kind, occurrence);
        }
        var moved = await db.Set<ReportScheduleState>().Where(s => s.Kind == kind && s.Version == state.Version)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDueAt, schedule.Next(now) ?? DateTimeOffset.MaxValue).SetProperty(x => x.LastRunAt, now)
                .SetProperty(x => x.LastError, error).SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (moved == 0) log.LogInformation("Report schedule {Kind} was moved on by another node", kind);
        return generated;
    }

    private static async Task<int> GenerateAsync(IServiceProvider services, ReportKind kind, DateTimeOffset occurrence, CancellationToken ct)
    {
        var reports = services.GetRequiredService<ReportService>();
        var options = services.GetRequiredService<IOptions<ReportOptions>>().Value;
        var calendars = services.GetRequiredService<ICalendarSource>();
        var db = services.GetRequiredService<CoBanDbContext>();
        var day = Period.LocalDate(occurrence);
        var period = kind.PeriodAt(day);
        var generated = 0;
        foreach (var root in await reports.ScopesAsync(ct))
        {
            if (kind == ReportKind.DailyCheck && options.DailyCheckOnWorkingDaysOnly)
            {
                // The same calendar source the deadlines count on (ICalendarSource), so a provisional year
                // counts here as it does there. A year it cannot count is never taken as plain Monday–Friday
                // (01-01 of an unloaded year got a daily check, issue 21): the run fails with the reason in
                // the schedule's LastError, and a supervisor can generate the check by hand.
                var calendar = await calendars.ForBureauAsync(db, root.Id, ct);
                if (!calendar.IsWorkingDay(day)) continue;
            }
            // The duty schedule is each bureau's own form, reported upward; the other reports cover the office's whole tree.
            var bureaus = new List<Bureaus.Bureau> { root };
            if (kind == ReportKind.DutySchedule)
            {
                var office = await SupervisionAccess.ForScopeAsync(db, root.Id, ct);
                bureaus = office.BureauIds.Select(id => office.Bureaus[id]).ToList();
            }
            foreach (var bureau in bureaus.OrderBy(b => b.Id))
            {
                if (!bureau.Active) continue;
                if (await reports.GenerateAsync(kind, period, bureau, ReportTrigger.Schedule, ct) is not null) generated++;
            }
        }
        return generated;
    }
}
