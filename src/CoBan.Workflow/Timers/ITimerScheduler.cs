using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Timers;

/// <summary>
/// Rings the bell for timer rows: makes sure something calls <see cref="TimerRunner"/> when a row falls due.
/// It holds no truth of its own (the rows do), so a lost or extra bell costs at most a no-op firing or a
/// wait until the next sync.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Whether the scheduler is running on this node (health).</summary>
    Task<bool> IsRunningAsync(CancellationToken ct);

    Task ScheduleAsync(IReadOnlyCollection<ScheduledTimer> timers, CancellationToken ct);

    Task UnscheduleAsync(IReadOnlyCollection<long> timerIds, CancellationToken ct);
}

/// <summary>CoBan:Timers:Scheduler = Manual: no bell; a test (or an operator) calls <see cref="TimerRunner.FireDueAsync"/>.</summary>
public sealed class ManualTimerScheduler : ITimerScheduler, IAfterCommit
{
    public Task<bool> IsRunningAsync(CancellationToken ct) => Task.FromResult(true);

    public Task ScheduleAsync(IReadOnlyCollection<ScheduledTimer> timers, CancellationToken ct) => Task.CompletedTask;

    public Task UnscheduleAsync(IReadOnlyCollection<long> timerIds, CancellationToken ct) => Task.CompletedTask;

    public ValueTask AfterCommitAsync(CommittedUnit unit, CancellationToken ct) => ValueTask.CompletedTask;
}
