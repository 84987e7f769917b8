using CoBan.Workflow.Data;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoBan.Workflow.Timers;

/// <summary>
/// At start-up and then every <see cref="TimerOptions.SyncInterval"/>: reconciles timer start events with the
/// published versions, gives every pending row that lacks one its Quartz trigger (a crash between a commit and
/// the scheduling after it loses nothing), and removes triggers whose rows are no longer pending.
/// Runs on every node; everything it does is safe to do twice.
/// </summary>
public sealed class TimerSync(IServiceScopeFactory scopes, ISchedulerFactory factory, ITimerScheduler scheduler, StartEventTimers startEvents,
    IHostApplicationLifetime lifetime, IOptions<TimerOptions> options, ILogger<TimerSync> log) : BackgroundService
{
    private const int Page = 10_000;

    public DateTimeOffset? LastSync { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        // Asynchronous continuations: the sync must not run inside the host's ApplicationStarted callbacks.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stop);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(e, "Timer sync failed; trying again in {Interval}", options.Value.SyncInterval);
            }
            try
            {
                await Task.Delay(options.Value.SyncInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass; returns how many triggers were added and removed.</summary>
    public async Task<(int Added, int Removed)> SyncAsync(CancellationToken ct)
    {
        using (var scope = scopes.CreateScope())
            await startEvents.ReconcileAsync(scope.ServiceProvider.GetRequiredService<RuntimeService>(), null, ct);

        // Pending rows first, then triggers: a row committed after the first query is not looked at, and one committed
        // before it has had its trigger stored by then (bar the few milliseconds of the after-commit step).
        using var rows = scopes.CreateScope();
        var db = rows.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var pending = await db.Set<ScheduledTimer>().AsNoTracking().Where(t => t.Status == TimerStatus.Pending)
            .Select(t => new { t.Id, t.DueAt, t.RetryAt, t.Attempts }).ToListAsync(ct);
        var quartz = await factory.GetScheduler(ct);
        var triggered = new Dictionary<long, List<TriggerKey>>();
        for (var skip = 0; ; skip += Page)
        {
            var page = await quartz.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(QuartzTimerScheduler.Group), Skip = skip, Take = Page }, ct);
            foreach (var header in page.Items)
                if (QuartzTimerScheduler.TimerIdOf(header.Key) is { } id)
                {
                    if (!triggered.TryGetValue(id, out var keys)) triggered[id] = keys = [];
                    keys.Add(header.Key);
                }
            if (!page.HasMore) break;
        }

        var missing = pending.Where(t => !triggered.ContainsKey(t.Id))
            .Select(t => new ScheduledTimer { Id = t.Id, DueAt = t.DueAt, RetryAt = t.RetryAt, Attempts = t.Attempts, Status = TimerStatus.Pending }).ToList();
        if (missing.Count > 0)
        {
            log.LogInformation("Timer sync: {Count} pending timers had no trigger and are scheduled now", missing.Count);
            await scheduler.ScheduleAsync(missing, ct);
        }

        // A trigger whose row was created after the query above is not an orphan: look each candidate up again.
        var pendingIds = pending.Select(t => t.Id).ToHashSet();
        var candidates = triggered.Keys.Where(id => !pendingIds.Contains(id)).ToList();
        var orphans = new List<long>();
        foreach (var chunk in candidates.Chunk(500))
        {
            var stillPending = await db.Set<ScheduledTimer>().AsNoTracking().Where(t => chunk.Contains(t.Id) && t.Status == TimerStatus.Pending).Select(t => t.Id).ToListAsync(ct);
            orphans.AddRange(chunk.Except(stillPending));
        }
        if (orphans.Count > 0) await quartz.UnscheduleJobs(orphans.SelectMany(id => triggered[id]).ToList(), ct);
        LastSync = DateTimeOffset.UtcNow;
        return (missing.Count, orphans.Count);
    }
}
