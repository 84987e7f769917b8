using Quartz;

namespace CoBan.Workflow.Timers;

/// <summary>
/// The one Quartz job every timer trigger fires. It fires whatever is due (<see cref="TimerRunner.FireDueAsync"/>),
/// not only its own row: when thousands fall due together the first trigger's job fires them in batches and
/// the later triggers find nothing left. It never throws: a row that fails keeps its own retry.
/// The job requests recovery, so a firing cut off by a crash runs again (at-least-once); the runner makes that harmless.
/// </summary>
public sealed class TimerJob(TimerRunner runner, TimeProvider clock, ILogger<TimerJob> log) : IJob
{
    public static readonly JobKey Key = new("fire-timer", "coban");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Quartz may ring a little ahead of its scheduled time; the trigger's own row must count as due.
        var now = clock.GetUtcNow();
        if (context.ScheduledFireTimeUtc is { } scheduled && scheduled > now) now = scheduled;
        try
        {
            await runner.FireDueAsync(now, cancellationToken, QuartzTimerScheduler.TimerIdOf(context.Trigger.Key));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Firing due timers failed; the rows stay pending and are tried again");
        }
    }
}
