using CoBan.Workflow.Health;

namespace CoBan.Workflow.Timers;

/// <summary>/health says "scheduler: not ready" until Quartz has started on this node (and after it stops).</summary>
public sealed class SchedulerReadiness(ITimerScheduler scheduler) : IReadinessCheck
{
    public string Name => "scheduler";

    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        try
        {
            return await scheduler.IsRunningAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }
}
