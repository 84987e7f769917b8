using CoBan.Workflow.Health;
using CoBan.Workflow.Timers;
using Microsoft.Extensions.Options;
using Quartz;

namespace CoBan.Workflow.Supervision;

/// <summary>
/// Puts the report schedule into Quartz, the timers feature's scheduler (docs/timers.md): at start-up and then
/// every <see cref="TimerOptions.SyncInterval"/>, one cron trigger per report kind ("report-{kind}" in group
/// coban-reports, Asia/Shanghai, a missed firing fires once at once) for the durable <see cref="ReportJob"/>,
/// replaced when its expression changed, removed when the kind was switched off. With the timers feature's
/// manual scheduler (tests) there is no Quartz: only the state rows are prepared and something else calls
/// <see cref="ReportRunner.RunDueAsync"/>.
/// </summary>
public sealed class ReportScheduler(IServiceProvider services, ReportRunner runner, IOptions<ReportOptions> options, IOptions<TimerOptions> timers,
    IHostApplicationLifetime lifetime, ILogger<ReportScheduler> log) : BackgroundService, IReadinessCheck
{
    public const string Group = "coban-reports";
    // Quartz stores the zone's id with the trigger and looks it up again: it must be a system zone, not a custom one.
    private static readonly TimeZoneInfo China = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone) ? zone
        : TimeZoneInfo.FindSystemTimeZoneById("China Standard Time");

    private volatile bool _ready;

    public string Name => "reports";

    public Task<bool> IsReadyAsync(CancellationToken ct) => Task.FromResult(_ready || !options.Value.Enabled);

    public static TriggerKey KeyOf(ReportKind kind) => new($"report-{EnumCodes.Code(kind)}", Group);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stop);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stop);
                _ready = true;
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(e, "Report schedule sync failed; trying again in {Interval}", timers.Value.SyncInterval);
            }
            try { await Task.Delay(timers.Value.SyncInterval, stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Prepares the state rows and (with Quartz) makes the triggers match the configured schedules.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        await runner.EnsureStateAsync(ct);
        if (services.GetService<ISchedulerFactory>() is not { } factory) return;
        var scheduler = await factory.GetScheduler(ct);
        if (!await scheduler.Exists(ReportJob.Key, ct))
            await scheduler.AddJob(JobBuilder.Create<ReportJob>().WithIdentity(ReportJob.Key).StoreDurably().RequestRecovery().Build(), AddJobOptions.Replacing, ct);
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var key = KeyOf(kind);
            var cron = options.Value.Enabled ? options.Value.ScheduleOf(kind) : null;
            ICronTrigger? existing;
            try
            {
                existing = await scheduler.GetTrigger(key, ct) as ICronTrigger;
            }
            catch (JobPersistenceException e)
            {
                // A stored trigger that cannot be read back (e.g. an unknown time zone) is replaced.
                log.LogWarning(e, "Report trigger {Key} cannot be read; it is replaced", key);
                await scheduler.UnscheduleJob(key, ct);
                existing = null;
            }
            if (cron is null)
            {
                if (existing is not null) await scheduler.UnscheduleJob(key, ct);
                continue;
            }
            if (existing is not null && existing.CronExpressionString == cron) continue;
            var trigger = TriggerBuilder.Create(scheduler.TimeProvider).WithIdentity(key).ForJob(ReportJob.Key)
                .UsingJobData(ReportJob.KindKey, kind.ToString())
                .WithCronSchedule(cron, c => c.InTimeZone(China).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            if (existing is null) await scheduler.ScheduleJob(trigger, default, ct);
            else await scheduler.RescheduleJob(key, trigger, ct);
            log.LogInformation("Report {Kind} scheduled: {Cron} (Asia/Shanghai)", kind, cron);
        }
    }
}
