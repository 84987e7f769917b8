using System.Threading.Channels;
using CoBan.Workflow.Runtime;
using Quartz;

namespace CoBan.Workflow.Timers;

/// <summary>
/// One Quartz trigger per pending <see cref="ScheduledTimer"/> row ("timer-{id}" in group coban-timers), all
/// firing the one durable <see cref="TimerJob"/>. Rows reach it after their transaction commits
/// (<see cref="IAfterCommit"/>); requests arriving together are stored in one Quartz operation, so a burst
/// of 2,000 new timers costs a few store transactions, not 2,000. Errors are logged, never thrown back at
/// the committed work: <see cref="TimerSync"/> gives every pending row its trigger again.
/// </summary>
public sealed class QuartzTimerScheduler(ISchedulerFactory factory, ILogger<QuartzTimerScheduler> log) : ITimerScheduler, IAfterCommit, IAsyncDisposable
{
    public const string Group = "coban-timers";
    private const string Prefix = "timer-";
    private const int MaxRequestsPerRound = 1_000;

    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _gate = new();
    private Task? _pump;

    private sealed record Bell(long Id, DateTimeOffset At, int Attempt);

    private sealed record Request(IReadOnlyList<Bell> Add, IReadOnlyList<long> Remove, TaskCompletionSource Done);

    public async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        return scheduler.Status == SchedulerStatus.Running;
    }

    public static TriggerKey KeyOf(long timerId, int attempt = 0) =>
        new(attempt == 0 ? $"{Prefix}{timerId}" : $"{Prefix}{timerId}-retry{attempt}", Group);

    /// <summary>The row id a trigger of this scheduler rings for, or null for another trigger.</summary>
    public static long? TimerIdOf(TriggerKey key)
    {
        if (key.Group != Group || !key.Name.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = key.Name.AsSpan(Prefix.Length);
        var dash = rest.IndexOf('-');
        return long.TryParse(dash < 0 ? rest : rest[..dash], out var id) ? id : null;
    }

    /// <summary>
    /// Hands the unit's timers to the pump without waiting for Quartz to store them: the committed rows are
    /// the truth (the sync repairs a trigger lost to a crash), and not waiting lets the triggers of many
    /// units that commit close together be stored in one Quartz transaction instead of one each.
    /// </summary>
    public ValueTask AfterCommitAsync(CommittedUnit unit, CancellationToken ct)
    {
        if (unit.TimersAdded.Count > 0 || unit.TimersCancelled.Count > 0)
            _ = SubmitAsync(unit.TimersAdded, unit.TimersCancelled.Select(t => t.Id).ToList());
        return ValueTask.CompletedTask;
    }

    /// <summary>Completes when everything submitted so far is stored (tests and shutdown).</summary>
    public Task FlushAsync() => SubmitAsync([], []);

    public Task ScheduleAsync(IReadOnlyCollection<ScheduledTimer> timers, CancellationToken ct) => SubmitAsync(timers, []);

    public Task UnscheduleAsync(IReadOnlyCollection<long> timerIds, CancellationToken ct) => SubmitAsync([], timerIds.ToList());

    private Task SubmitAsync(IReadOnlyCollection<ScheduledTimer> add, IReadOnlyList<long> remove)
    {
        var bells = add.Where(t => t.Status == TimerStatus.Pending)
            .Select(t => new Bell(t.Id, t.RetryAt is { } retry && retry > t.DueAt ? retry : t.DueAt, t.RetryAt is null ? 0 : t.Attempts)).ToList();
        var request = new Request(bells, remove, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate) _pump ??= Task.Run(PumpAsync);
        if (!_requests.Writer.TryWrite(request)) request.Done.TrySetResult();
        return request.Done.Task;
    }

    private async Task PumpAsync()
    {
        var reader = _requests.Reader;
        while (await reader.WaitToReadAsync())
        {
            var round = new List<Request>();
            while (round.Count < MaxRequestsPerRound && reader.TryRead(out var request)) round.Add(request);
            try
            {
                await ApplyAsync(round);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Could not store {Count} timer triggers in Quartz; the periodic sync will", round.Sum(r => r.Add.Count));
            }
            foreach (var request in round) request.Done.TrySetResult();
        }
    }

    private async Task ApplyAsync(List<Request> round)
    {
        var add = new Dictionary<long, Bell>();
        var remove = new HashSet<long>();
        foreach (var request in round)
        {
            foreach (var bell in request.Add) add[bell.Id] = bell;
            foreach (var id in request.Remove)
            {
                add.Remove(id);
                remove.Add(id);
            }
        }
        var scheduler = await factory.GetScheduler();
        if (scheduler.Status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown) return;
        if (add.Count > 0)
        {
            var job = JobBuilder.Create<TimerJob>().WithIdentity(TimerJob.Key).StoreDurably().RequestRecovery().Build();
            var triggers = add.Values.Select(bell => TriggerBuilder.Create(scheduler.TimeProvider)
                .WithIdentity(KeyOf(bell.Id, bell.Attempt)).ForJob(TimerJob.Key).StartAt(bell.At)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build()).ToList();
            await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = triggers }, ScheduleJobOptions.Replacing);
        }
        if (remove.Count > 0)
            await scheduler.UnscheduleJobs(remove.Select(id => KeyOf(id)).ToList());
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        if (_pump is { } pump) await pump.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
    }
}
